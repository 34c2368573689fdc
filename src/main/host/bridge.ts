import type { WebSocket } from 'ws';
import { requestFrameSchema, type ResponseFrame } from '../../shared/contract/wire';
import type { Core } from '../core/createCore';

/** Largest request frame accepted; requests are small, anything bigger is a mistake or an attack. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * Speaks DESIGN.md's protocol on one accepted socket: `{ id, method, params }` in,
 * `{ id, result }` or `{ id, error }` out, and every core event as `{ event, payload }`.
 */
export function attachBridge(socket: WebSocket, core: Pick<Core, 'dispatcher' | 'events'>): void {
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload }));
  });
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);

  socket.on('message', async (data, isBinary) => {
    const reply = (frame: ResponseFrame) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    if (isBinary) {
      reply({ id: null, error: { code: 'invalid_params', message: 'Frames must be JSON text, not binary.' } });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      reply({ id: null, error: { code: 'invalid_params', message: 'The frame is not valid JSON.' } });
      return;
    }
    const frame = requestFrameSchema.safeParse(raw);
    if (!frame.success) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? idOrNull((raw as { id: unknown }).id) : null;
      reply({ id, error: { code: 'invalid_params', message: 'A request needs an id, a method name and params.' } });
      return;
    }
    const outcome = await core.dispatcher.call(frame.data.method, frame.data.params);
    reply(outcome.ok ? { id: frame.data.id, result: outcome.result } : { id: frame.data.id, error: outcome.error });
  });
}

function idOrNull(id: unknown): string | number | null {
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
