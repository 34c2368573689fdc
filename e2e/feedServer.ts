import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small website with feeds on 127.0.0.1, run in the test process: a page that links two
 * feeds (RSS and Atom), the feeds themselves, and a page per item. The RSS feed can grow during
 * a test (`append`), as a blog does when it publishes.
 */
export interface FeedEntry {
  n: number;
  title: string;
  text: string;
  url: string;
  publishedMs: number;
}

export interface FeedServer {
  origin: string;
  /** The HTML page that announces both feeds. */
  pageUrl: string;
  feedUrl: string;
  commentsUrl: string;
  title: string;
  entries(): FeedEntry[];
  /** Publishes `count` new entries (newest last) and returns them. */
  append(count: number): FeedEntry[];
  /** How often each path was requested. */
  hits(path: string): number;
  close(): Promise<void>;
}

const WORDS = ['harbour', 'ferry', 'lighthouse', 'tide', 'anchor', 'crane', 'pier', 'buoy', 'dock', 'sail', 'rope', 'gull'];
/** One word only one entry has, for the search. */
export const UNIQUE_WORD = 'zeppelin';
export const UNIQUE_ENTRY = 42;

function wordOf(n: number): string {
  return n === UNIQUE_ENTRY ? UNIQUE_WORD : (WORDS[n % WORDS.length] ?? 'harbour');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function startFeedServer({ initial = 60, title = 'Harbour News' }: { initial?: number; title?: string } = {}): Promise<FeedServer> {
  const entries: FeedEntry[] = [];
  const hits = new Map<string, number>();
  let origin = '';
  const start = Date.now();

  const makeEntry = (n: number, publishedMs: number): FeedEntry => ({
    n,
    title: `Item ${n}: ${wordOf(n)}`,
    text: `Entry number ${n} is about the ${wordOf(n)}.`,
    url: `${origin}/items/${n}`,
    publishedMs,
  });

  const rss = () => {
    const items = entries
      .slice()
      .reverse()
      .map(
        (entry) => `
    <item>
      <title>${escapeXml(entry.title)}</title>
      <link>${entry.url}</link>
      <guid isPermaLink="false">urn:harbour:item-${entry.n}</guid>
      <pubDate>${new Date(entry.publishedMs).toUTCString()}</pubDate>
      <dc:creator>Reporter ${entry.n % 3}</dc:creator>
      <description>${escapeXml(
        // Remote HTML the renderer must sanitize: a script and an event handler that must never run.
        `<p>Entry number <strong>${entry.n}</strong> is about the ${wordOf(entry.n)}.</p>` +
          `<script>window.__pwned = 'script'</script>` +
          `<p><a href="${entry.url}" onclick="window.__pwned = 'click'">Read on</a></p>` +
          `<img src="x" onerror="window.__pwned = 'onerror'">`,
      )}</description>
    </item>`,
      )
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(title)}</title>
    <link>${origin}/</link>
    <description>News from the harbour</description>
    <language>en</language>${items}
  </channel>
</rss>`;
  };

  const atom = () => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(title)} – Comments</title>
  <id>urn:harbour:comments</id>
  <updated>${new Date(start).toISOString()}</updated>
  <link href="${origin}/"/>
  <entry>
    <title>Comment 2: the ferry was late</title>
    <id>urn:harbour:comment-2</id>
    <link href="${origin}/comments/2"/>
    <updated>${new Date(start - 60_000).toISOString()}</updated>
    <author><name>Jana Fischer</name></author>
    <summary>The ferry was late again this morning.</summary>
  </entry>
  <entry>
    <title>Comment 1: lovely lighthouse</title>
    <id>urn:harbour:comment-1</id>
    <link href="${origin}/comments/1"/>
    <updated>${new Date(start - 120_000).toISOString()}</updated>
    <author><name>Luca Meier</name></author>
    <summary>What a lovely lighthouse.</summary>
  </entry>
</feed>`;

  const page = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<link rel="alternate" type="application/rss+xml" title="${escapeXml(title)}" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="${escapeXml(title)} – Comments" href="/comments.xml">
</head><body><h1>${escapeXml(title)}</h1></body></html>`;

  const send = (response: ServerResponse, status: number, type: string, body: string) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', page());
    if (path === '/feed.xml') return send(response, 200, 'application/rss+xml; charset=utf-8', rss());
    if (path === '/comments.xml') return send(response, 200, 'application/atom+xml; charset=utf-8', atom());
    const item = /^\/(items|comments)\/(\d+)$/.exec(path);
    if (item) return send(response, 200, 'text/html; charset=utf-8', `<!doctype html><title>${item[1]} ${item[2]}</title><h1>${item[1]} ${item[2]}</h1>`);
    send(response, 404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The initial entries were published one minute apart, the newest just now.
  for (let n = 1; n <= initial; n++) entries.push(makeEntry(n, start - (initial - n) * 60_000));

  return {
    origin,
    pageUrl: `${origin}/`,
    feedUrl: `${origin}/feed.xml`,
    commentsUrl: `${origin}/comments.xml`,
    title,
    entries: () => entries.slice(),
    append(count) {
      const added: FeedEntry[] = [];
      const now = Math.max(Date.now(), (entries[entries.length - 1]?.publishedMs ?? 0) + 1000);
      for (let i = 0; i < count; i++) {
        const entry = makeEntry(entries.length + 1, now + i * 1000);
        entries.push(entry);
        added.push(entry);
      }
      return added;
    },
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
