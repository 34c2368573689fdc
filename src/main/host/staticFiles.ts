import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Serves the built renderer read-only; anything outside its folder is a 404. */
export function createStaticHandler(rendererDir: string) {
  const root = path.resolve(rendererDir);

  return function serveStatic(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://host.invalid').pathname);
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
      return;
    }
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep) || relative.includes('\0')) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        const missingApp = relative === 'index.html';
        send(
          response,
          missingApp ? 503 : 404,
          'text/plain; charset=utf-8',
          missingApp ? 'The renderer is not built: run "npm run serve", which builds it first.' : 'Not found',
        );
        return;
      }
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      // Hashed assets never change; index.html must always be fresh after a rebuild.
      const cache = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      send(response, 200, type, request.method === 'HEAD' ? null : body, { 'Cache-Control': cache });
    });
  };
}

export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer | null,
  extraHeaders: Record<string, string> = {},
): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extraHeaders });
  response.end(body ?? undefined);
}
