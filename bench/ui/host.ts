import path from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../e2e/host';

export { startHost, type RunningHost };

const ROOT = path.resolve(__dirname, '..', '..');

type BuildIfNeeded = (options?: { root?: string; log?: (message: string) => void }) => { built: boolean; reason: string | null };

/** Builds out/ with electron-vite when it is missing or older than src/ (as `npm run serve` does). */
export async function ensureBuilt(log: (message: string) => void): Promise<void> {
  const module = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'lib', 'build-if-needed.mjs')).href)) as { buildIfNeeded: BuildIfNeeded };
  module.buildIfNeeded({ root: ROOT, log });
}

interface EventFrame {
  event: string;
  payload: unknown;
}

/**
 * A second client of the running host, speaking the same protocol as the page (DESIGN.md):
 * requests by id, and every core event. The benchmark uses it to press "refresh" and to see
 * when a poll has stored its items; the page gets the same events on its own socket.
 */
export class HostClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Set<(frame: EventFrame) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string }; event?: string; payload?: unknown };
      if (typeof frame.event === 'string') {
        for (const listener of this.listeners) listener({ event: frame.event, payload: frame.payload });
        return;
      }
      const waiter = typeof frame.id === 'number' ? this.pending.get(frame.id) : undefined;
      if (!waiter || frame.id === undefined) return;
      this.pending.delete(frame.id);
      if (frame.error) waiter.reject(new Error(frame.error.message));
      else waiter.resolve(frame.result);
    });
  }

  /** Connects with the token of the URL the host printed. */
  static async connect(hostUrl: string): Promise<HostClient> {
    const url = new URL(hostUrl);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    const socket = new WebSocket(`ws://${url.host}/api?token=${encodeURIComponent(token)}`, { origin: url.origin });
    await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
    return new HostClient(socket);
  }

  call<T>(method: string, params: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as T), reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  onEvent(listener: (frame: EventFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}
