import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { BRIDGE_PATH, TOKEN_PARAM } from '../../shared/contract/wire';
import type { Core } from '../core/createCore';
import { attachBridge, MAX_FRAME_BYTES } from './bridge';
import { checkBridgeRequest, isOwnHost, LOOPBACK_ADDRESS, type Refusal } from './originGuard';
import { createStaticHandler, send } from './staticFiles';

export interface HostOptions {
  core: Pick<Core, 'dispatcher' | 'events'>;
  rendererDir: string;
  /** 0 lets the OS choose a free port. */
  port?: number;
  /** Fixed only in tests; a fresh random token is made for every launch otherwise. */
  token?: string;
  log?: (message: string) => void;
}

export interface Host {
  port: number;
  token: string;
  /** The address to open: the token travels in the fragment, which never reaches a server log. */
  url: string;
  close(): Promise<void>;
}

const REFUSAL_STATUS: Record<Refusal, [number, string]> = {
  foreign_host: [421, 'Misdirected Request'],
  foreign_origin: [403, 'Forbidden'],
  missing_token: [401, 'Unauthorized'],
  wrong_token: [401, 'Unauthorized'],
};

/** Serves the renderer and the WebSocket bridge on 127.0.0.1 only. */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  const serveStatic = createStaticHandler(options.rendererDir);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const connections = new Set<Socket>();
  let port = 0;

  const server = http.createServer((request, response) => {
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 must not get the app.
    if (!isOwnHost(request.headers.host, port)) {
      send(response, 421, 'text/plain; charset=utf-8', 'Misdirected request');
      return;
    }
    serveStatic(request, response);
  });
  server.on('connection', (socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    const refusal =
      url.pathname !== BRIDGE_PATH
        ? null
        : checkBridgeRequest(
            { host: request.headers.host, origin: request.headers.origin, token: url.searchParams.get(TOKEN_PARAM) },
            port,
            token,
          );
    if (url.pathname !== BRIDGE_PATH || refusal) {
      const [status, text] = url.pathname !== BRIDGE_PATH ? [404, 'Not Found'] : REFUSAL_STATUS[refusal!];
      log(`[host] refused a bridge connection: ${refusal ?? 'unknown path'}`);
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachBridge(ws, options.core));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK_ADDRESS, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    port,
    token,
    url: `http://${LOOPBACK_ADDRESS}:${port}/#${TOKEN_PARAM}=${token}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.close(1001, 'Leitstand is shutting down');
        sockets.close();
        server.close(() => resolve());
        // Give sockets a moment to say goodbye, then cut what is left (keep-alive HTTP, stuck peers).
        setTimeout(() => {
          for (const client of sockets.clients) client.terminate();
          for (const socket of connections) socket.destroy();
        }, 200).unref();
      });
      return closing;
    },
  };
}
