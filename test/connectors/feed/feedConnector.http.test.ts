import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, type PollResult, type StreamCursor, type StreamSpec } from '../../../src/main/core/connectors/connector';
import { FeedConnector, type FeedConnectorOptions } from '../../../src/main/core/connectors/feed/feedConnector';
import { incomingItemSchema } from '../../../src/shared/contract/items';
import { rss, startFeedServer, type FeedServer } from './support/feedServer';

const fixtures = path.resolve(__dirname, '../../fixtures/feeds');
const FEED = rss([
  { id: 'a', title: 'First', link: '/posts/a', date: 'Mon, 16 Nov 2026 10:00:00 +0100' },
  { id: 'b', title: 'Second', link: '/posts/b', date: 'Sun, 15 Nov 2026 10:00:00 +0100' },
]);

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

function connector(options: Partial<FeedConnectorOptions> = {}): FeedConnector {
  return new FeedConnector({ appVersion: '0.1.0', now: () => new Date('2026-11-22T12:00:00Z'), ...options });
}

function stream(query: string): StreamSpec {
  return { id: 's1', network: 'feed', kind: 'feed', query, accountId: null };
}

async function poll(query: string, cursor: StreamCursor | null = null, options: Partial<FeedConnectorOptions> = {}, maxItems = 100): Promise<PollResult> {
  const result = await connector(options).poll({ stream: stream(query), cursor, signal: new AbortController().signal, maxItems });
  for (const item of result.items) incomingItemSchema.parse(item);
  return result;
}

/** The ConnectorError a poll fails with; fails the test if it succeeds or throws anything else. */
async function pollError(query: string, options: Partial<FeedConnectorOptions> = {}, signal?: AbortSignal): Promise<ConnectorError> {
  try {
    await connector(options).poll({ stream: stream(query), cursor: null, signal: signal ?? new AbortController().signal, maxItems: 100 });
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error('the poll should have failed');
}

const serveFeed =
  (body: string | Buffer, headers: Record<string, string> = {}) =>
  (_req: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers }).end(body);

describe('feed connector over HTTP: conditional GET', () => {
  it('ETag: the second poll sends If-None-Match, gets 304, no items, and keeps the cursor', async () => {
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(FEED);
    });
    const first = await poll(server.url('/feed'));
    expect(first.items.map((i) => i.title)).toEqual(['First', 'Second']);
    // The parsed entry travels along as the raw payload the store keeps.
    expect(first.items.map((i) => (i.raw as { title?: unknown } | undefined)?.title)).toEqual(['First', 'Second']);
    expect(first.cursor).toMatchObject({ url: server.url('/feed'), etag: '"v1"', lastModified: null });

    const second = await poll(server.url('/feed'), first.cursor);
    expect(server.requests[1]!.headers['if-none-match']).toBe('"v1"');
    expect(second.items).toEqual([]);
    expect(second.cursor).toEqual(first.cursor);
    expect(second.more).toBe(false);
  });

  it('Last-Modified: the second poll sends If-Modified-Since and a 304 yields nothing', async () => {
    const stamp = 'Sun, 22 Nov 2026 08:00:00 GMT';
    server.route('/feed', (req, res) => {
      if (req.headers['if-modified-since'] === stamp) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': stamp }).end(FEED);
    });
    const first = await poll(server.url('/feed'));
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toMatchObject({ lastModified: stamp, etag: null });
    const second = await poll(server.url('/feed'), first.cursor);
    expect(server.requests[1]!.headers['if-modified-since']).toBe(stamp);
    expect(second.items).toEqual([]);
    expect(second.cursor).toEqual(first.cursor);
  });

  it('a server that ignores validators: entries already handed out are not emitted again', async () => {
    let body = FEED;
    server.route('/feed', serveFeedDynamic(() => body));
    const first = await poll(server.url('/feed'));
    expect(first.items).toHaveLength(2);
    expect((await poll(server.url('/feed'), first.cursor)).items).toEqual([]);
    body = rss([{ id: 'c', title: 'Third' }, { id: 'a', title: 'First' }, { id: 'b', title: 'Second' }]);
    const third = await poll(server.url('/feed'), first.cursor);
    expect(third.items.map((i) => i.title)).toEqual(['Third']);
    expect((third.cursor as { seen: string[] }).seen.slice(0, 3)).toEqual(third.items.map((i) => i.remoteId).concat(first.items.map((i) => i.remoteId)));
  });

  it('entries without id, link or date are recognized on the next poll by their content hash', async () => {
    const body = rss([{ title: 'No id one', body: 'alpha' }, { title: 'No id two', body: 'beta' }]);
    server.route('/feed', serveFeed(body));
    const first = await poll(server.url('/feed'));
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.createdAt).toBe('2026-11-22T12:00:00.000Z');
    expect((await poll(server.url('/feed'), first.cursor)).items).toEqual([]);
  });

  it('sends a Leitstand User-Agent and asks for compressed transfer', async () => {
    server.route('/feed', serveFeed(FEED));
    await poll(server.url('/feed'));
    expect(server.requests[0]!.headers['user-agent']).toBe('Leitstand/0.1.0 (+feed reader)');
    expect(server.requests[0]!.headers['accept-encoding']).toMatch(/gzip/);
    expect(server.requests[0]!.headers.accept).toMatch(/application\/rss\+xml/);
  });
});

function serveFeedDynamic(body: () => string) {
  return (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body());
}

describe('feed connector over HTTP: redirects', () => {
  it('301: follows it, resolves links against the new address and polls there next time', async () => {
    server.route('/old', (_req, res) => res.writeHead(301, { location: '/new' }).end());
    server.route('/new', serveFeed(FEED));
    const first = await poll(server.url('/old'));
    expect(first.items[0]!.url).toBe('https://example.org/posts/a'); // relative to the channel link
    expect(first.cursor).toMatchObject({ url: server.url('/new') });
    await poll(server.url('/old'), first.cursor);
    expect(server.requests.map((r) => r.path)).toEqual(['/old', '/new', '/new']);
  });

  it('302: follows it but keeps polling the original address', async () => {
    server.route('/moving', (_req, res) => res.writeHead(302, { location: server.url('/today') }).end());
    server.route('/today', serveFeed(FEED));
    const first = await poll(server.url('/moving'));
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toMatchObject({ url: server.url('/moving') });
  });

  it('a 301 after a 302 is not a permanent move of the original address', async () => {
    server.route('/a', (_req, res) => res.writeHead(302, { location: '/b' }).end());
    server.route('/b', (_req, res) => res.writeHead(301, { location: '/c' }).end());
    server.route('/c', serveFeed(FEED));
    expect((await poll(server.url('/a'))).cursor).toMatchObject({ url: server.url('/a') });
  });

  it('308 counts as permanent', async () => {
    server.route('/old', (_req, res) => res.writeHead(308, { location: '/new' }).end());
    server.route('/new', serveFeed(FEED));
    expect((await poll(server.url('/old'))).cursor).toMatchObject({ url: server.url('/new') });
  });

  it('a redirect loop ends as an http error after 5 redirects', async () => {
    server.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    const error = await pollError(server.url('/loop'));
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/Too many redirects/);
    expect(server.requests).toHaveLength(6);
  });

  it('a redirect to a non-http scheme is refused', async () => {
    server.route('/evil', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    expect((await pollError(server.url('/evil'))).kind).toBe('http');
  });
});

describe('feed connector over HTTP: bodies', () => {
  it('gzip-encoded body', async () => {
    server.route('/gz', serveFeed(zlib.gzipSync(FEED), { 'content-encoding': 'gzip' }));
    expect((await poll(server.url('/gz'))).items).toHaveLength(2);
  });

  it('brotli- and deflate-encoded bodies', async () => {
    server.route('/br', serveFeed(zlib.brotliCompressSync(FEED), { 'content-encoding': 'br' }));
    server.route('/df', serveFeed(zlib.deflateSync(FEED), { 'content-encoding': 'deflate' }));
    expect((await poll(server.url('/br'))).items).toHaveLength(2);
    expect((await poll(server.url('/df'))).items).toHaveLength(2);
  });

  it('a corrupt gzip body is a parse error', async () => {
    server.route('/bad-gz', serveFeed(Buffer.from('this is not gzip at all'), { 'content-encoding': 'gzip' }));
    expect((await pollError(server.url('/bad-gz'))).kind).toBe('parse');
  });

  it('a Latin-1 body with umlauts, charset from the Content-Type header', async () => {
    server.route('/latin1', serveFeed(fs.readFileSync(path.join(fixtures, 'latin1-umlauts.xml')), { 'content-type': 'application/rss+xml; charset=ISO-8859-1' }));
    const result = await poll(server.url('/latin1'));
    expect(result.items.map((i) => i.title)).toEqual(['Bäckerei Müller eröffnet in der Hauptstraße', 'Öffnungszeiten: Übersicht für Düsseldorf']);
    expect(result.items[1]!.text).toBe('Größe, Maße und Gewicht - ß ä ö ü Ä Ö Ü');
    expect(result.items[0]!.language).toBe('de-DE');
  });

  it('a Latin-1 body with umlauts, charset only in the XML declaration', async () => {
    server.route('/latin1', serveFeed(fs.readFileSync(path.join(fixtures, 'latin1-umlauts.xml')), { 'content-type': 'text/xml' }));
    const result = await poll(server.url('/latin1'));
    expect(result.items[0]!.title).toBe('Bäckerei Müller eröffnet in der Hauptstraße');
  });

  it('a JSON Feed', async () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://example.org/1', content_text: 'Hallo' }] });
    server.route('/feed.json', serveFeed(json, { 'content-type': 'application/feed+json' }));
    const result = await poll(server.url('/feed.json'));
    expect(result.items).toEqual([expect.objectContaining({ text: 'Hallo', url: 'https://example.org/1', html: null })]);
  });

  it('a body over the size cap is a parse error, with and without Content-Length', async () => {
    const huge = Buffer.alloc(300_000, 'a');
    server.route('/declared', serveFeed(huge));
    server.route('/chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      // Streamed without a length: the cap must stop reading, not wait for the end.
      const timer = setInterval(() => {
        if (!res.write(Buffer.alloc(64 * 1024, 'x'))) return;
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    for (const route of ['/declared', '/chunked']) {
      const error = await pollError(server.url(route), { maxBytes: 100_000 });
      expect(error.kind).toBe('parse');
      expect(error.message).toMatch(/larger than 98 KB/);
    }
  });

  it('the default cap is 10 MB', async () => {
    server.route('/huge', serveFeed(Buffer.alloc(10 * 1024 * 1024 + 1, ' ')));
    expect((await pollError(server.url('/huge'))).kind).toBe('parse');
  });

  it('an HTML page instead of a feed is a parse error that says so', async () => {
    server.route('/page', serveFeed('<!DOCTYPE html><html><head><title>Blog</title></head><body>Hi</body></html>', { 'content-type': 'text/html' }));
    const error = await pollError(server.url('/page'));
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/HTML page/);
  });

  it('a truncated feed is a parse error', async () => {
    server.route('/cut', serveFeed(FEED.slice(0, FEED.indexOf('Second'))));
    const error = await pollError(server.url('/cut'));
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/truncated/);
  });

  it('an empty 200 is a parse error', async () => {
    server.route('/empty', serveFeed(''));
    expect((await pollError(server.url('/empty'))).kind).toBe('parse');
  });
});

describe('feed connector over HTTP: failures', () => {
  it('500 is an http error with its status', async () => {
    server.route('/boom', (_req, res) => res.writeHead(500).end('oops'));
    const error = await pollError(server.url('/boom'));
    expect(error).toMatchObject({ kind: 'http', details: { status: 500 } });
  });

  it('429 with Retry-After: 120 is rate_limited for 120 s', async () => {
    server.route('/busy', (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    expect(await pollError(server.url('/busy'))).toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterMs: 120_000 } });
  });

  it('503 with Retry-After is rate_limited; without it, an http error', async () => {
    server.route('/maint', (_req, res) => res.writeHead(503, { 'retry-after': '30' }).end());
    server.route('/down', (_req, res) => res.writeHead(503).end());
    expect(await pollError(server.url('/maint'))).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 30_000 } });
    expect(await pollError(server.url('/down'))).toMatchObject({ kind: 'http', details: { status: 503 } });
  });

  it('404 and 410 are not_found; 403 is an http error (feeds have no account to reconnect)', async () => {
    server.route('/gone', (_req, res) => res.writeHead(410).end());
    server.route('/private', (_req, res) => res.writeHead(403).end());
    expect(await pollError(server.url('/missing'))).toMatchObject({ kind: 'not_found', details: { status: 404 } });
    expect(await pollError(server.url('/gone'))).toMatchObject({ kind: 'not_found', details: { status: 410 } });
    expect(await pollError(server.url('/private'))).toMatchObject({ kind: 'http', details: { status: 403 } });
  });

  it('a server that never answers ends as a timeout, quickly with a short timeout', async () => {
    server.route('/hang', () => undefined);
    const started = Date.now();
    const error = await pollError(server.url('/hang'), { timeoutMs: 300 });
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a body that stalls halfway ends as a timeout', async () => {
    server.route('/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write(FEED.slice(0, 100));
    });
    expect((await pollError(server.url('/stall'), { timeoutMs: 300 })).kind).toBe('timeout');
  });

  it("the poll's own signal cancels a hanging request", async () => {
    server.route('/hang', () => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stream removed')), 100);
    const error = await pollError(server.url('/hang'), {}, controller.signal);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/cancelled/);
  });

  it('a refused connection is a network error', async () => {
    const address = server.url('/feed');
    await server.close();
    const error = await pollError(address);
    expect(error.kind).toBe('network');
    server = await startFeedServer(); // for afterEach
  });

  it('a stream without a usable URL, or of another kind, is not_found', async () => {
    expect((await pollError('javascript:alert(1)')).kind).toBe('not_found');
    await expect(connector().poll({ stream: { ...stream(server.url('/feed')), kind: 'home' }, cursor: null, signal: new AbortController().signal, maxItems: 10 })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('a damaged cursor costs a full poll, not a failure', async () => {
    server.route('/feed', serveFeed(FEED));
    expect((await poll(server.url('/feed'), { url: 42, seen: 'nope' })).items).toHaveLength(2);
  });

  it('maxItems keeps the newest entries', async () => {
    server.route('/feed', serveFeed(FEED));
    const result = await poll(server.url('/feed'), null, {}, 1);
    expect(result.items.map((i) => i.title)).toEqual(['First']);
    expect(result.more).toBe(false);
  });

  it('one broken feed does not affect the next poll of a good one', async () => {
    server.route('/bad', serveFeed('<rss><channel><item><title>cut'));
    server.route('/good', serveFeed(FEED));
    expect((await pollError(server.url('/bad'))).kind).toBe('parse');
    expect((await poll(server.url('/good'))).items).toHaveLength(2);
  });
});
