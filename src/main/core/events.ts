import { EventEmitter } from 'node:events';
import type { EventName } from '../../shared/contract/names';
import type { PayloadOf } from '../../shared/contract/events';

export type CoreEventListener = <E extends EventName>(event: E, payload: PayloadOf<E>) => void;

/** The core's outgoing events; the shell forwards them to the window, the host to each socket. */
export class CoreEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    this.emitter.emit('event', event, payload);
  }

  /** Listens to every event; returns the function that stops listening. */
  subscribe(listener: CoreEventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  clear(): void {
    this.emitter.removeAllListeners();
  }
}
