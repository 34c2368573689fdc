import WebSocket from 'ws';
import type { MethodName, EventName } from '../src/shared/contract/names';
import type { ParamsOf, ResultOf } from '../src/shared/contract/methods';
import type { PayloadOf } from '../src/shared/contract/events';

/**
 * A second client of a running host, speaking the page's protocol (DESIGN.md), typed by the
 * contract. Specs use it for set-up the spec is not about (an agent, a saved reply) and to check
 * what the core holds after the UI did something; what is under test goes through the page.
 * The UI benchmarks use it too (bench/ui/host.ts).
 */
export class CoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { code: string; message: string }; event?: string; payload?: unknown };
      if (typeof frame.event === 'string') {
        for (const listener of this.listeners) listener(frame.event, frame.payload);
        return;
      }
      const waiter = typeof frame.id === 'number' ? this.pending.get(frame.id) : undefined;
      if (!waiter || frame.id === undefined) return;
      this.pending.delete(frame.id);
      if (frame.error) waiter.reject(Object.assign(new Error(`${frame.error.code}: ${frame.error.message}`), { code: frame.error.code }));
      else waiter.resolve(frame.result);
    });
  }

  /** Connects with the token of the URL the host printed, from the app's own origin. */
  static async connect(hostUrl: string): Promise<CoreClient> {
    const url = new URL(hostUrl);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    const socket = new WebSocket(`ws://${url.host}/api?token=${encodeURIComponent(token)}`, { origin: url.origin });
    await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
    return new CoreClient(socket);
  }

  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    const id = this.nextId++;
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as ResultOf<M>), reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on<E extends EventName>(name: E, listener: (payload: PayloadOf<E>) => void): () => void {
    const wrapped = (event: string, payload: unknown) => {
      if (event === name) listener(payload as PayloadOf<E>);
    };
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  close(): void {
    this.socket.close();
  }
}
