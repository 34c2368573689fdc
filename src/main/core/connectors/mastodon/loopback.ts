import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError } from '../connector';

/**
 * A one-shot HTTP listener on 127.0.0.1 that receives the OAuth redirect (RFC 8252 loopback
 * redirect for native apps). It resolves with the code once a redirect with the expected `state`
 * arrives, then closes. Plain node:http so the core and its tests need no Electron.
 * - A redirect with a wrong or missing state (a stale tab, a forged link) gets a 400 and does not
 *   end the wait: the real redirect may still come.
 * - `error=access_denied` (the user said no) ends it with a ConnectorError 'auth'.
 * - The pages never echo anything from the request (no reflected markup), and forbid everything
 *   by Content-Security-Policy.
 */
export interface LoopbackListener {
  /** `http://127.0.0.1:<port><path>`: register exactly this as the app's redirect URI. */
  redirectUri: string;
  /** The authorization code. Rejects on denial, timeout or abort. */
  code: Promise<string>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  state: string;
  path?: string;
  /** 0 picks a free port. */
  port?: number;
  /** How long the user may take in the browser. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const path = options.path ?? '/callback';
  let settle!: { resolve: (code: string) => void; reject: (error: Error) => void };
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The caller may await the code only after opening the browser; an early failure must not be unhandled.
  code.catch(() => undefined);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== path) return page(res, 404, 'Not found.');
    const error = url.searchParams.get('error');
    const state = url.searchParams.get('state');
    if (state !== options.state) return page(res, 400, 'This sign-in link does not belong to the current attempt. Please start again from Leitstand.');
    if (error) {
      page(res, 200, 'Leitstand was not given access. You can close this tab.');
      return finish(new ConnectorError('auth', `the instance did not authorize Leitstand (${error.slice(0, 100)})`));
    }
    const received = url.searchParams.get('code');
    if (!received) return page(res, 400, 'The sign-in answer has no code. Please try again.');
    page(res, 200, 'Leitstand is connected. You can close this tab.');
    finish(received);
  });

  const timer = setTimeout(
    () => finish(new ConnectorError('timeout', 'no answer from the browser in time; please try again')),
    options.timeoutMs ?? 10 * 60_000,
  );
  timer.unref();
  const onAbort = () => finish(new ConnectorError('network', 'the sign-in was cancelled', { cause: options.signal?.reason }));
  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };
  function finish(result: string | Error) {
    if (typeof result === 'string') settle.resolve(result);
    else settle.reject(result);
    // Let the browser's page finish before the socket goes.
    setImmediate(() => void close());
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (cause) {
    clearTimeout(timer);
    throw new ConnectorError('network', 'cannot listen on 127.0.0.1 for the sign-in redirect', { cause });
  }
  const { port } = server.address() as AddressInfo;
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return { redirectUri: `http://127.0.0.1:${port}${path}`, code, close };
}

function page(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(`<!doctype html><meta charset="utf-8"><title>Leitstand</title><p>${message}</p>`);
}
