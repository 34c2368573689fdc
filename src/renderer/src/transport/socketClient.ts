import { buildApi, type EventListener, type LeitstandClient } from '../../../shared/contract/client';
import { AppError } from '../../../shared/contract/errors';
import { events as eventSchemas } from '../../../shared/contract/events';
import { methods as methodSchemas } from '../../../shared/contract/methods';
import { isEventName, type EventName, type MethodName } from '../../../shared/contract/names';
import { eventFrameSchema, responseFrameSchema, type RequestFrame } from '../../../shared/contract/wire';
import type { Connection, ConnectionState } from './connection';

export interface SocketClientOptions {
  url: string;
  /** For tests; the browser's WebSocket by default. */
  createSocket?: (url: string) => WebSocket;
  /** Delay before reconnect attempt n (1-based) after a drop. */
  backoffMs?: (attempt: number) => number;
  /** Reports frames that break the contract (they are dropped). */
  onProtocolError?: (message: string) => void;
}

interface Pending {
  method: MethodName;
  frame: string;
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
}

/** 0.5 s, 1 s, 2 s … up to 15 s, with up to 25 % jitter so that many tabs do not knock at once. */
export function defaultBackoff(attempt: number): number {
  const base = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + Math.random() * 0.25));
}

/**
 * The typed client over the headless host's WebSocket bridge (`{id, method, params}` →
 * `{id, result}` | `{id, error}`; events `{event, payload}`), with reconnects after a drop.
 * Results and events are checked against the contract before anything in the UI sees them.
 */
export function createSocketClient(options: SocketClientOptions): {
  client: LeitstandClient;
  connection: Connection;
  close(): void;
} {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const backoff = options.backoffMs ?? defaultBackoff;
  const reportProtocolError = options.onProtocolError ?? ((message: string) => console.warn(`[bridge] ${message}`));

  const inFlight = new Map<string, Pending>();
  const queued: Array<{ id: string; pending: Pending }> = [];
  const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  let socket: WebSocket | null = null;
  let state: ConnectionState = { kind: 'connecting' };
  let everOpened = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let nextId = 1;

  function setState(next: ConnectionState): void {
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  function connect(): void {
    if (closed) return;
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    if (socket) {
      // A manual retry while an attempt is still under way: the newer attempt wins.
      const stale = socket;
      socket = null;
      stale.close();
    }
    let ws: WebSocket;
    try {
      ws = createSocket(options.url);
    } catch (error) {
      reportProtocolError(`cannot open the socket: ${(error as Error).message}`);
      onDrop();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      everOpened = true;
      attempt = 0;
      setState({ kind: 'open' });
      for (const { id, pending } of queued.splice(0)) send(id, pending);
    };
    ws.onmessage = (message) => {
      if (socket !== ws) return;
      handleFrame(message.data);
    };
    // Browsers follow an error with close; some WebSocket implementations (Node's undici) only
    // report the error when the handshake is refused. Whichever comes first ends this socket.
    const drop = () => {
      if (socket !== ws) return;
      socket = null;
      if (ws.readyState === WebSocket.OPEN) ws.close();
      onDrop();
    };
    ws.onclose = drop;
    ws.onerror = drop;
  }

  function onDrop(): void {
    // Requests already sent may or may not have run: never resend them, say so.
    for (const [id, pending] of inFlight) {
      inFlight.delete(id);
      pending.reject(
        new AppError('internal', `The connection to the Leitstand host was lost before it answered ${pending.method}.`),
      );
    }
    if (closed) return;
    if (!everOpened) {
      // Never got in: a wrong or stale token, or no host. Retrying blindly will not help.
      for (const { pending } of queued.splice(0)) {
        pending.reject(new AppError('unauthorized', 'The Leitstand host refused the connection or is not running.'));
      }
      setState({ kind: 'refused' });
      return;
    }
    attempt += 1;
    setState({ kind: 'reconnecting', attempt });
    retryTimer = setTimeout(connect, backoff(attempt));
  }

  function send(id: string, pending: Pending): void {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      queued.push({ id, pending });
      return;
    }
    inFlight.set(id, pending);
    socket.send(pending.frame);
  }

  function call(method: MethodName, params: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (closed) {
        reject(new AppError('internal', 'The connection to the Leitstand host is closed.'));
        return;
      }
      if (state.kind === 'refused') {
        reject(new AppError('unauthorized', 'The Leitstand host refused the connection or is not running.'));
        return;
      }
      const id = String(nextId++);
      const frame: RequestFrame = { id, method, params };
      send(id, { method, frame: JSON.stringify(frame), resolve, reject });
    });
  }

  function handleFrame(data: unknown): void {
    if (typeof data !== 'string') {
      reportProtocolError('dropped a binary frame');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      reportProtocolError('dropped a frame that is not JSON');
      return;
    }
    if (json && typeof json === 'object' && 'event' in json) {
      handleEvent(json);
      return;
    }
    const frame = responseFrameSchema.safeParse(json);
    if (!frame.success) {
      reportProtocolError('dropped a frame that is neither a response nor an event');
      return;
    }
    const id = frame.data.id === null ? null : String(frame.data.id);
    const pending = id === null ? undefined : inFlight.get(id);
    if (!pending || id === null) {
      if ('error' in frame.data) reportProtocolError(`host error without a request: ${frame.data.error.message}`);
      return;
    }
    inFlight.delete(id);
    if ('error' in frame.data) {
      pending.reject(AppError.fromPayload(frame.data.error));
      return;
    }
    const result = methodSchemas[pending.method].result.safeParse(frame.data.result);
    if (result.success) pending.resolve(result.data);
    else pending.reject(new AppError('internal', `The host's answer to ${pending.method} does not match the contract.`));
  }

  function handleEvent(json: unknown): void {
    const frame = eventFrameSchema.safeParse(json);
    if (!frame.success || !isEventName(frame.data.event)) {
      reportProtocolError('dropped an unknown event');
      return;
    }
    const name = frame.data.event;
    const payload = eventSchemas[name].safeParse(frame.data.payload);
    if (!payload.success) {
      reportProtocolError(`dropped a ${name} event that does not match the contract`);
      return;
    }
    for (const listener of [...(eventListeners.get(name) ?? [])]) listener(payload.data);
  }

  const client: LeitstandClient = {
    ...buildApi(call),
    on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };

  const connection: Connection = {
    getState: () => state,
    subscribe(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    retry() {
      if (closed || state.kind === 'open' || state.kind === 'connecting') return;
      if (state.kind === 'refused') setState({ kind: 'connecting' });
      connect();
    },
  };

  connect();

  return {
    client,
    connection,
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const ws = socket;
      socket = null;
      ws?.close();
      onDrop();
    },
  };
}
