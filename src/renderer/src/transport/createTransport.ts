import type { LeitstandClient } from '../../../shared/contract/client';
import { alwaysOpen, type Connection } from './connection';
import { createSocketClient } from './socketClient';
import { bridgeUrl, takeBridgeToken } from './token';

declare global {
  interface Window {
    /** The desktop preload's typed client (contextBridge); absent in a plain browser tab. */
    readonly leitstand?: LeitstandClient;
  }
}

export type Transport =
  | { kind: 'ready'; client: LeitstandClient; connection: Connection }
  /** A browser tab opened without `#token=…` and with none remembered for this tab. */
  | { kind: 'missing_token' };

/** The desktop preload's client when there is one, otherwise the headless host's WebSocket bridge. */
export function createTransport(): Transport {
  if (window.leitstand) return { kind: 'ready', client: window.leitstand, connection: alwaysOpen };
  const token = takeBridgeToken();
  if (!token) return { kind: 'missing_token' };
  const { client, connection } = createSocketClient({ url: bridgeUrl(token) });
  return { kind: 'ready', client, connection };
}
