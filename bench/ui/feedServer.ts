import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { entryContent } from './content';

/**
 * Feeds on 127.0.0.1 for the UI benchmarks.
 * - `quietUrl`: a feed that never changes (ETag, 304), for columns whose items were stored
 *   beforehand: their polls find nothing new, as most polls of a real deck do.
 * - `liveUrl(k)`: a busy feed. Every request publishes `batch` new entries and answers with
 *   exactly those (newest first), as a very active site whose feed holds its latest posts.
 */
export interface BenchFeedServer {
  origin: string;
  quietUrl: string;
  liveUrl(feed: number): string;
  /** Entries published so far by one live feed. */
  published(feed: number): number;
  close(): Promise<void>;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const QUIET_ETAG = '"quiet-1"';

export async function startBenchFeedServer({ batch = 200 }: { batch?: number } = {}): Promise<BenchFeedServer> {
  const published = new Map<number, number>();
  // Entries are dated one second apart, ending in the past, so every new one is the newest.
  const epoch = Date.now() - 200_000 * 1000;
  let origin = '';

  const item = (feed: number, n: number) => {
    const url = `${origin}/live/${feed}/items/${n}`;
    const content = entryContent(feed * 1_000_003 + n, url);
    return `
    <item>
      <title>${escapeXml(`${content.title} (${feed}-${n})`)}</title>
      <link>${url}</link>
      <guid isPermaLink="false">urn:leitstand-bench:live-${feed}-${n}</guid>
      <pubDate>${new Date(epoch + n * 1000).toUTCString()}</pubDate>${content.author ? `\n      <dc:creator>${escapeXml(content.author)}</dc:creator>` : ''}
      <description>${escapeXml(content.html)}</description>
    </item>`;
  };

  const channel = (title: string, items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(title)}</title>
    <link>${origin}/</link>
    <description>Leitstand benchmark feed</description>
    <language>en</language>${items}
  </channel>
</rss>`;

  const send = (response: ServerResponse, status: number, headers: Record<string, string>, body: string) => {
    response.writeHead(status, { 'cache-control': 'no-cache', ...headers });
    response.end(body);
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === '/quiet.xml') {
      if (request.headers['if-none-match'] === QUIET_ETAG) return send(response, 304, { etag: QUIET_ETAG }, '');
      return send(response, 200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: QUIET_ETAG }, channel('Quiet', ''));
    }
    const live = /^\/live\/(\d+)\.xml$/.exec(path);
    if (live) {
      const feed = Number(live[1]);
      const from = published.get(feed) ?? 0;
      published.set(feed, from + batch);
      const items: string[] = [];
      for (let n = from + batch; n > from; n--) items.push(item(feed, n));
      return send(response, 200, { 'content-type': 'application/rss+xml; charset=utf-8' }, channel(`Live ${feed}`, items.join('')));
    }
    send(response, 404, { 'content-type': 'text/plain' }, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    quietUrl: `${origin}/quiet.xml`,
    liveUrl: (feed) => `${origin}/live/${feed}.xml`,
    published: (feed) => published.get(feed) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
