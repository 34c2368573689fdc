import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrl, mastodonRequest } from '../../../src/main/core/connectors/mastodon/http';
import { normalizeInstanceUrl } from '../../../src/main/core/connectors/mastodon/instanceUrl';
import { rejection } from './helpers';

/**
 * Answers that are not Mastodon's own but those of the proxy in front of an instance (nginx,
 * Cloudflare): HTML bodies. Not the schema-checked fake on purpose; the point is that status and
 * Retry-After survive a body that is not JSON (where masto 8 loses both).
 */
describe('Mastodon HTTP answers from a proxy', () => {
  let server: Server;
  let url = '';
  let next: { status: number; type: string; body: string; headers?: Record<string, string> } = { status: 200, type: 'application/json', body: '[]' };
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(next.status, { 'content-type': next.type, ...next.headers });
      res.end(next.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = () => rejection(mastodonRequest({ instanceUrl: url, path: '/api/v1/timelines/home' }));

  it('keeps the status and Retry-After of an HTML error page', async () => {
    next = { status: 429, type: 'text/html', body: '<html>slow down</html>', headers: { 'retry-after': '17' } };
    expect(await call()).toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterMs: 17_000 } });
    next = { status: 503, type: 'text/html', body: '<html>maintenance</html>', headers: { 'retry-after': '60' } };
    expect(await call()).toMatchObject({ kind: 'http', details: { status: 503, retryAfterMs: 60_000 } });
    next = { status: 500, type: 'text/plain', body: 'oops', headers: { 'x-ratelimit-reset': new Date(Date.now() + 60_000).toISOString() } };
    expect(await call()).toEqual(expect.objectContaining({ kind: 'http', details: { status: 500 } }));
  });

  it('a 403 needs the user (missing scope, disabled login); a 200 without JSON is a parse error', async () => {
    next = { status: 403, type: 'application/json', body: '{"error":"This action is outside the authorized scopes"}' };
    expect(await call()).toMatchObject({ kind: 'auth', message: expect.stringContaining('outside the authorized scopes') });
    next = { status: 200, type: 'text/html', body: '<html>captive portal</html>' };
    expect(await call()).toMatchObject({ kind: 'parse' });
  });

  it('builds Rails-style array queries and normalizes instance URLs', () => {
    expect(buildUrl('https://m.example', '/api/v1/notifications', { types: ['mention', 'status'], limit: 40, local: true, x: null }).search).toBe(
      '?types%5B%5D=mention&types%5B%5D=status&limit=40&local=true',
    );
    expect(normalizeInstanceUrl(' mastodon.social/ ')).toBe('https://mastodon.social');
    expect(normalizeInstanceUrl('https://mastodon.social/@someone')).toBe('https://mastodon.social');
    expect(normalizeInstanceUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(() => normalizeInstanceUrl('ftp://x')).toThrow(TypeError);
    expect(() => normalizeInstanceUrl('')).toThrow(TypeError);
  });
});
