/**
 * How the renderer is connected to the core. The desktop preload is always 'open'; the
 * WebSocket bridge of the headless host goes through the other states.
 */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'open' }
  /** Was open once and dropped; retrying with backoff. */
  | { kind: 'reconnecting'; attempt: number }
  /** Never got in: the token was refused or the host is not running. Waits for `retry()`. */
  | { kind: 'refused' };

export interface Connection {
  getState(): ConnectionState;
  /** Called on every change of state; returns the function that unsubscribes. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
  /** Tries again at once after 'refused' or while 'reconnecting'. */
  retry(): void;
}

/** The connection of the desktop app: the preload's IPC never drops. */
export const alwaysOpen: Connection = {
  getState: () => ({ kind: 'open' }),
  subscribe: () => () => undefined,
  retry: () => undefined,
};
