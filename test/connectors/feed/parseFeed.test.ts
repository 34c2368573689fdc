import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../src/main/core/connectors/connector';
import { decodeText } from '../../../src/main/core/connectors/feed/decodeText';
import { parseFeed } from '../../../src/main/core/connectors/feed/parseFeed';
import { toIncomingItem } from '../../../src/main/core/connectors/feed/toIncomingItem';
import { incomingItemSchema, type IncomingItem } from '../../../src/shared/contract/items';

const fixtures = path.resolve(__dirname, '../../fixtures/feeds');
const FEED_URL = 'https://news.example.org/feeds/main.xml';
const fetchedAt = new Date('2026-11-22T12:00:00Z');

function items(xml: string | Buffer, contentType?: string): IncomingItem[] {
  const feed = parseFeed(typeof xml === 'string' ? Buffer.from(xml) : xml, { url: FEED_URL, contentType });
  return feed.items.map((entry) => incomingItemSchema.parse(toIncomingItem(entry, { feed, scope: FEED_URL, fetchedAt })));
}

function parseError(input: string | Buffer): ConnectorError {
  try {
    parseFeed(typeof input === 'string' ? Buffer.from(input) : input, { url: FEED_URL });
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('parse');
    return error as ConnectorError;
  }
  throw new Error('expected a parse error');
}

describe('decoding', () => {
  const latin1 = fs.readFileSync(path.join(fixtures, 'latin1-umlauts.xml'));

  it('a real Latin-1 feed: umlauts from the XML declaration, and from the header', () => {
    for (const contentType of [undefined, 'application/rss+xml; charset=iso-8859-1', 'text/xml; charset="ISO-8859-1"']) {
      const feed = parseFeed(latin1, { contentType, url: FEED_URL });
      expect(feed.title).toBe('Grüße aus Köln');
      expect(feed.items[0]!.title).toBe('Bäckerei Müller eröffnet in der Hauptstraße');
    }
  });

  it('the header charset wins over the XML declaration', () => {
    const utf8 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Grüße</title></channel></rss>');
    expect(parseFeed(utf8, { contentType: 'text/xml; charset=utf-8' }).title).toBe('Grüße');
  });

  it('ISO-8859-1 labels decode as windows-1252, as browsers do (€, curly quotes)', () => {
    const feed = parseFeed(fs.readFileSync(path.join(fixtures, 'windows1252-labelled-latin1.xml')));
    expect(feed.title).toBe('Preise in €');
    expect(feed.items[0]!.title).toBe('„Angebot“ für 5 € – nur heute');
  });

  it('a UTF-8 byte order mark beats a wrong Latin-1 header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss><channel><title>Ärger</title></channel></rss>')]);
    expect(parseFeed(bytes, { contentType: 'text/xml; charset=iso-8859-1' }).title).toBe('Ärger');
  });

  it('UTF-16 with a BOM', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>Übung</title></channel></rss>', 'utf-16le', { addBOM: true });
    expect(parseFeed(bytes).title).toBe('Übung');
  });

  it('an unknown charset label falls back to UTF-8', () => {
    expect(decodeText(Buffer.from('Grüße'), 'text/xml; charset=x-no-such-charset')).toEqual({ text: 'Grüße', charset: 'utf-8' });
  });

  it('other single-byte charsets through iconv-lite', () => {
    const bytes = iconv.encode('<rss><channel><title>Привет</title></channel></rss>', 'koi8-r');
    expect(parseFeed(bytes, { contentType: 'application/xml; charset=KOI8-R' }).title).toBe('Привет');
  });
});

describe('normalizing entries to IncomingItem', () => {
  const xml = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>News</title>
    <link>https://news.example.org/</link>
    <language>en-GB</language>
    <item>
      <title>Global guid</title>
      <guid>https://news.example.org/?p=1</guid>
      <link>/2026/11/global</link>
      <pubDate>Mon, 16 Nov 2026 09:30:00 +0100</pubDate>
      <author>editor@example.org (Ed Itor)</author>
      <description>&lt;p&gt;Summary&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Full <b>story</b></p><script>steal()</script><p>more</p>]]></content:encoded>
      <enclosure url="https://cdn.example.org/a.mp3" type="audio/mpeg" length="123"/>
      <media:content url="https://cdn.example.org/p.jpg" medium="image"><media:description>A red bicycle</media:description></media:content>
    </item>
    <item>
      <title>Local guid</title>
      <guid isPermaLink="false">42</guid>
      <link>javascript:alert(1)</link>
    </item>
    <item>
      <title>Link only</title>
      <link>https://news.example.org/link-only</link>
    </item>
    <item>
      <title>Nothing but a title</title>
      <description>Body text</description>
    </item>
    <item>
      <guid>https://news.example.org/permalink</guid>
    </item>
  </channel>
</rss>`;

  it('maps ids, links, text, html, dates, authors, media, language', () => {
    const [global, local, linkOnly, bare, permalink] = items(xml);
    expect(global).toMatchObject({
      network: 'feed',
      remoteId: 'https://news.example.org/?p=1',
      url: 'https://news.example.org/2026/11/global',
      title: 'Global guid',
      text: 'Full story\n\nmore',
      createdAt: '2026-11-16T08:30:00.000Z',
      language: 'en-GB',
      author: { remoteId: 'mailto:editor@example.org', displayName: 'Ed Itor' },
      counts: { replies: null, reposts: null, likes: null },
      replyToRemoteId: null,
      quoteOfRemoteId: null,
    });
    expect(global!.html).toContain('<script>steal()</script>'); // raw: the renderer sanitizes
    expect(global!.text).not.toContain('steal');
    expect(global!.media).toEqual([
      { kind: 'audio', url: 'https://cdn.example.org/a.mp3', previewUrl: null, alt: null, mimeType: 'audio/mpeg' },
      { kind: 'image', url: 'https://cdn.example.org/p.jpg', previewUrl: null, alt: 'A red bicycle', mimeType: null },
    ]);
    // "42" is only unique within this feed: scoped so another feed's "42" stays distinct.
    expect(local!.remoteId).toBe(`${FEED_URL}#guid:42`);
    expect(local!.url).toBeNull(); // never a javascript: link
    expect(local!.createdAt).toBe(fetchedAt.toISOString());
    expect(linkOnly!.remoteId).toBe('https://news.example.org/link-only');
    expect(bare!.remoteId).toMatch(new RegExp(`^${FEED_URL}#sha256:[0-9a-f]{32}$`));
    expect(bare!.text).toBe('Body text');
    expect(permalink!.url).toBe('https://news.example.org/permalink');
    expect(permalink!.text).toBe('');
  });

  it('the hash id of an entry without id or link is stable across parses and differs by content', () => {
    const a = items(xml)[3]!.remoteId;
    expect(items(xml)[3]!.remoteId).toBe(a);
    expect(items(xml.replace('Body text', 'Other text'))[3]!.remoteId).not.toBe(a);
  });

  it('relative links resolve against the feed URL when the channel has no link', () => {
    const [item] = items('<rss><channel><item><title>t</title><link>../posts/1</link></item></channel></rss>');
    expect(item!.url).toBe('https://news.example.org/posts/1');
  });

  it('markup in titles becomes text', () => {
    const [item] = items('<rss><channel><item><title>&lt;b&gt;Bold&lt;/b&gt; news &amp; more</title></item></channel></rss>');
    expect(item!.title).toBe('Bold news & more');
  });

  it('a date far in the future is taken as the fetch time', () => {
    const [item] = items('<rss><channel><item><title>t</title><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item></channel></rss>');
    expect(item!.createdAt).toBe(fetchedAt.toISOString());
  });

  it('Atom: type="text" content is text, type="html" is HTML; author from the feed', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
      <title type="html">Le &lt;i&gt;blog&lt;/i&gt;</title>
      <author><name>Marie</name><uri>https://marie.example.fr/</uri></author>
      <entry><id>tag:marie.example.fr,2026:1</id><title>Un</title><updated>2026-11-20T10:00:00+01:00</updated>
        <link rel="alternate" href="https://marie.example.fr/1"/><content type="text">a &lt;b&gt; is not bold</content></entry>
      <entry><id>tag:marie.example.fr,2026:2</id><title>Deux</title><published>2026-11-21T10:00:00+01:00</published>
        <content type="html">&lt;p&gt;is &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</content></entry>
    </feed>`;
    const feed = parseFeed(Buffer.from(atom), { url: FEED_URL });
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Le blog');
    const [one, two] = items(atom);
    expect(one).toMatchObject({ remoteId: 'tag:marie.example.fr,2026:1', text: 'a <b> is not bold', html: null, language: 'fr', createdAt: '2026-11-20T09:00:00.000Z' });
    expect(one!.author).toMatchObject({ remoteId: 'https://marie.example.fr/', displayName: 'Marie' });
    expect(two).toMatchObject({ text: 'is bold', html: '<p>is <b>bold</b></p>' });
  });

  it('JSON Feed 1.0 with "author", attachments with titles, content_text', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'JF',
      home_page_url: 'https://jf.example.org/',
      author: { name: 'Jay', url: 'https://jf.example.org/jay' },
      items: [
        { id: 1, url: '/one', content_html: '<p>Hi <em>there</em></p>', date_published: '2026-11-20T10:00:00-05:00', attachments: [{ url: 'https://jf.example.org/v.mp4', mime_type: 'video/mp4', title: 'A clip' }] },
        'not an item',
        { id: 'x', content_text: 'plain <not markup>' },
      ],
    });
    const feed = parseFeed(Buffer.from(json), { url: 'https://jf.example.org/feed.json' });
    expect(feed).toMatchObject({ format: 'json', version: '1', title: 'JF', skippedItems: 1 });
    const list = feed.items.map((entry) => toIncomingItem(entry, { feed, scope: 'https://jf.example.org/feed.json', fetchedAt }));
    expect(list[0]).toMatchObject({ url: 'https://jf.example.org/one', text: 'Hi there', createdAt: '2026-11-20T15:00:00.000Z', author: { displayName: 'Jay' } });
    expect(list[0]!.remoteId).toBe('https://jf.example.org/feed.json#guid:1');
    expect(list[0]!.media).toEqual([{ kind: 'video', url: 'https://jf.example.org/v.mp4', previewUrl: null, alt: 'A clip', mimeType: 'video/mp4' }]);
    expect(list[1]).toMatchObject({ text: 'plain <not markup>', html: null });
  });
});

describe('tolerance and errors', () => {
  it.each([
    ['empty', '', /empty/],
    ['white space', '   \n  ', /empty/],
    ['plain text', 'Hello, world', /neither XML nor JSON/],
    ['an HTML page', '<!doctype html><html><body><p>blog</p></body></html>', /HTML page/],
    ['other XML', '<?xml version="1.0"?><note><to>x</to></note>', /not <rss>/],
    ['truncated RSS', '<rss version="2.0"><channel><title>x</title><item><title>a', /truncated/],
    ['broken markup', 'garbage <<<', /./],
    ['JSON that is not a feed', '{"hello": "world"}', /without an items array/],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', /not valid JSON/],
    ['a JSON array', '[1, 2, 3]', /not an object/],
    ['RSS without a channel', '<rss version="2.0"></rss>', /channel/],
  ])('%s is a parse error saying what is wrong', (_name, input, message) => {
    expect(parseError(input).message).toMatch(message);
  });

  it('random bytes are a parse error', () => {
    let seed = 7;
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0xff)));
    parseError(Buffer.concat([Buffer.from('<rss><channel>'), bytes]));
    parseError(bytes);
  });

  it('a warning printed before the feed is skipped', () => {
    const feed = parseFeed(Buffer.from('Deprecated: something in /var/www/feed.php on line 3\n<?xml version="1.0"?><rss version="2.0"><channel><title>ok</title></channel></rss>'));
    expect(feed.title).toBe('ok');
  });

  it('entity expansion is bounded (no billion laughs)', () => {
    const entity = 'a'.repeat(9000);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${entity}">]><rss><channel><title>${'&a;'.repeat(5000)}</title></channel></rss>`;
    parseError(xml);
  });
});
