import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../src/main/core/connectors/connector';
import { discoverFeeds, feedLinks } from '../../../src/main/core/connectors/feed/discoverFeeds';
import { FeedConnector } from '../../../src/main/core/connectors/feed/feedConnector';
import { rss, startFeedServer, type FeedServer } from './support/feedServer';

const options = { userAgent: 'Leitstand/test (+feed reader)', timeoutMs: 2_000 };

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

const html = (head: string, body = '<p>Hello</p>') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A blog</title>${head}</head><body>${body}</body></html>`;
const page = (content: string) => (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(content);

describe('feed discovery', () => {
  it('finds alternate links of a page, relative hrefs resolved, and each feed polls', async () => {
    server.route(
      '/blog/post',
      page(
        html(`
          <link rel="stylesheet" href="/style.css">
          <link rel="alternate" type="application/rss+xml" title="Posts (RSS)" href="../feed.xml">
          <link rel="alternate" type="application/atom+xml" title="Posts (Atom)" href="/atom.xml">
          <LINK REL="Alternate" TYPE="application/feed+json" TITLE="Posts (JSON Feed)" HREF="feed.json">
          <link rel="alternate" type="application/rss+xml" href="../feed.xml">
          <link rel="alternate" hreflang="de" href="/de/">`),
      ),
    );
    server.route('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ id: '1', title: 'One' }])));
    const feeds = await discoverFeeds(server.url('/blog/post'), options);
    expect(feeds).toEqual([
      { url: server.url('/feed.xml'), title: 'Posts (RSS)', type: 'application/rss+xml' },
      { url: server.url('/atom.xml'), title: 'Posts (Atom)', type: 'application/atom+xml' },
      { url: server.url('/blog/feed.json'), title: 'Posts (JSON Feed)', type: 'application/feed+json' },
    ]);
    const result = await new FeedConnector({ appVersion: 'test' }).poll({
      stream: { id: 's', network: 'feed', kind: 'feed', query: feeds[0]!.url, accountId: null },
      cursor: null,
      signal: new AbortController().signal,
      maxItems: 10,
    });
    expect(result.items.map((i) => i.title)).toEqual(['One']);
  });

  it('a page without feed links gives []', async () => {
    server.route('/plain', page(html('<link rel="icon" href="/favicon.ico">', '<a href="/feed.xml">our feed</a>')));
    expect(await discoverFeeds(server.url('/plain'), options)).toEqual([]);
  });

  it('the URL itself is a feed: it is the answer, with its title', async () => {
    server.route('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([], 'Direct feed')));
    const found = await new FeedConnector({ appVersion: '0.1.0' }).discover(server.url('/feed.xml'));
    expect(found).toEqual([{ url: server.url('/feed.xml'), title: 'Direct feed', type: 'application/rss+xml' }]);
    expect(server.requests[0]!.headers['user-agent']).toBe('Leitstand/0.1.0 (+feed reader)');
    expect(server.requests[0]!.headers.accept).toMatch(/^text\/html/);
  });

  it('a page that moved permanently: links resolve against where it is now', async () => {
    server.route('/old', (_req, res) => res.writeHead(301, { location: '/new/' }).end());
    server.route('/new/', page(html('<link rel="alternate" type="application/atom+xml" href="atom">')));
    expect(await discoverFeeds(server.url('/old'), options)).toEqual([{ url: server.url('/new/atom'), title: null, type: 'application/atom+xml' }]);
  });

  it('fetch failures are ConnectorErrors', async () => {
    await expect(discoverFeeds(server.url('/missing'), options)).rejects.toBeInstanceOf(ConnectorError);
    await expect(discoverFeeds(server.url('/missing'), options)).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('feedLinks', () => {
  const pageUrl = 'https://blog.example.org/2026/11/post.html';

  it('honours <base href>, and only the first one', () => {
    const links = feedLinks(html('<base href="https://cdn.example.org/site/"><base href="https://ignored.example/"><link rel="alternate" type="application/rss+xml" href="rss">'), pageUrl);
    expect(links.map((l) => l.url)).toEqual(['https://cdn.example.org/site/rss']);
  });

  it('ignores links in comments and scripts, and non-http hrefs', () => {
    const links = feedLinks(
      html(`<!-- <link rel="alternate" type="application/rss+xml" href="/commented"> -->
        <script>document.write('<link rel="alternate" type="application/rss+xml" href="/scripted">')</script>
        <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
        <link rel="alternate" type="application/rss+xml; charset=utf-8" href="/real">`),
      pageUrl,
    );
    expect(links).toEqual([{ url: 'https://blog.example.org/real', title: null, type: 'application/rss+xml' }]);
  });

  it('takes application/json only when it is a JSON Feed, not the WordPress REST API', () => {
    const links = feedLinks(
      html(`<link rel="alternate" type="application/json" href="https://blog.example.org/wp-json/wp/v2/posts/12">
        <link rel="alternate" type="application/json" title="JSON Feed" href="/feed.json">`),
      pageUrl,
    );
    expect(links.map((l) => l.url)).toEqual(['https://blog.example.org/feed.json']);
  });
});
