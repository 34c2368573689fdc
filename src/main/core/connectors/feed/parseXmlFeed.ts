import { parseFeed as readXmlFeed } from '@rowanmanning/feed-parser';
import { ConnectorError } from '../connector';
import type { FeedBody, FeedEntry, FeedFormat, FeedMedia, FeedPerson, ParsedFeed } from './feedModel';
import { cleanText, httpUrl, mediaKind, plainTitle, toDate } from './feedValues';

type XmlFeed = ReturnType<typeof readXmlFeed>;
type XmlItem = XmlFeed['items'][number];
type XmlElement = XmlItem['element'];

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through @rowanmanning/feed-parser, the most tolerant of
 * the parsers measured (ENVIRONMENT.md), plus a few fallbacks it lacks: Atom dates inside
 * RSS items, a permalink guid as the link, Atom's text/html content types.
 * Throws ConnectorError('parse') for what is not a feed; the caller wraps anything else.
 */
export function parseXmlFeed(xml: string, baseUrl: string | null): ParsedFeed {
  const root = rootElement(xml);
  if (!root) throw new ConnectorError('parse', 'Not a feed: no XML element found.');
  const local = root.name.toLowerCase().replace(/^.*:/, '');
  if (local === 'html') throw new ConnectorError('parse', 'Not a feed: this is an HTML page (look for a feed link on it instead).');
  if (local !== 'rss' && local !== 'rdf' && local !== 'feed') {
    throw new ConnectorError('parse', `Not a feed: the document is <${root.name}>, not <rss>, <rdf:RDF> or <feed>.`);
  }
  // The XML parser reads a cut-off document as far as it goes; a feed cut off by a dropped
  // connection must not pass for a complete one.
  if (!root.selfClosing && xml.lastIndexOf(`</${root.name}`) === -1) {
    throw new ConnectorError('parse', `The feed is truncated: it ends before </${root.name}>.`);
  }

  const feed = readXmlFeed(xml);
  const format: FeedFormat = feed.meta.type === 'atom' ? 'atom' : 'rss';
  const home = httpUrl(feed.url, baseUrl);
  const items: FeedEntry[] = [];
  let skippedItems = 0;
  for (const item of feed.items) {
    try {
      items.push(readItem(item, format, home ?? baseUrl, baseUrl));
    } catch {
      skippedItems++; // one unreadable entry does not cost the others
    }
  }
  return {
    format,
    version: cleanText(feed.meta.version),
    title: plainTitle(feed.title, format === 'atom' && isHtmlType(feed.element.findElementWithName('title'))),
    homeUrl: home,
    language: cleanText(feed.language),
    authors: feed.authors.map(toPerson),
    items,
    skippedItems,
  };
}

function readItem(item: XmlItem, format: FeedFormat, linkBase: string | null, baseUrl: string | null): FeedEntry {
  const element = item.element;
  const published = item.published ?? firstDate(element, ['published', 'issued', 'created']);
  const updated = item.updated ?? firstDate(element, ['updated', 'modified']);
  return {
    id: cleanText(item.id),
    link: httpUrl(item.url, linkBase) ?? (format === 'rss' ? permalinkGuid(element) : null),
    title: plainTitle(item.title, format === 'atom' && isHtmlType(element.findElementWithName('title'))),
    authors: item.authors.map(toPerson),
    content: body(item.content, format === 'atom' ? isHtmlType(element.findElementWithName('content')) : true),
    summary: body(item.description, format === 'atom' ? isHtmlType(element.findElementWithName('summary')) : true),
    published: toDate(published),
    updated: toDate(updated),
    language: null,
    media: readMedia(item, baseUrl),
  };
}

function readMedia(item: XmlItem, baseUrl: string | null): FeedMedia[] {
  const media: FeedMedia[] = [];
  for (const entry of item.media) {
    const url = httpUrl(entry.url, baseUrl);
    if (!url || media.some((m) => m.url === url)) continue;
    const kind = mediaKind(entry.mimeType, entry.type);
    const preview = httpUrl(entry.image, baseUrl);
    media.push({ url, kind, mimeType: entry.mimeType, previewUrl: preview !== url ? preview : null, alt: cleanText(entry.title) });
  }
  // itunes:image, media:thumbnail and the like: the entry's picture when it has no other media.
  const image = item.image;
  const imageUrl = httpUrl(image?.url, baseUrl);
  if (imageUrl && !media.some((m) => m.url === imageUrl || m.previewUrl === imageUrl)) {
    media.push({ url: imageUrl, kind: 'image', mimeType: null, previewUrl: null, alt: cleanText(image?.title) });
  }
  return media;
}

function body(value: string | null, html: boolean): FeedBody | null {
  const text = typeof value === 'string' && value.trim() ? value : null;
  return text === null ? null : { value: text, html };
}

/**
 * Atom says what a text construct holds: "text" (the default), "html" or "xhtml"; Atom 0.3
 * uses MIME types ("text/html", "application/xhtml+xml").
 */
function isHtmlType(element: XmlElement | null): boolean {
  const type = element?.getAttribute('type')?.toLowerCase() ?? 'text';
  return type.includes('html');
}

function firstDate(element: XmlElement, names: string[]): Date | null {
  for (const name of names) {
    const date = element.findElementWithName(name)?.textContentAsDate;
    if (date) return date;
  }
  return null;
}

/**
 * An RSS guid is also the item's link unless it says isPermaLink="false", and provided it is
 * an absolute URL: plenty of feeds write <guid>42</guid> and leave the attribute out.
 */
function permalinkGuid(element: XmlElement): string | null {
  const guid = element.findElementWithName('guid');
  // The XML reader lower-cases attribute names.
  if (!guid || guid.getAttribute('ispermalink')?.trim().toLowerCase() === 'false') return null;
  return httpUrl(guid.textContent);
}

function toPerson(author: { name: string | null; email: string | null; url: string | null }): FeedPerson {
  return { name: cleanText(author.name), email: cleanText(author.email), url: httpUrl(author.url), avatarUrl: null };
}

interface RootElement {
  /** The qualified name as written, e.g. "rdf:RDF". */
  name: string;
  selfClosing: boolean;
}

/** The first element of an XML document, after the declaration, comments and doctype. */
function rootElement(xml: string): RootElement | null {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) return null;
    if (xml.startsWith('<?', lt)) {
      i = skipPast(xml, '?>', lt);
    } else if (xml.startsWith('<!--', lt)) {
      i = skipPast(xml, '-->', lt);
    } else if (xml.startsWith('<!', lt)) {
      // A doctype may hold an internal subset in brackets, with ">" inside.
      const bracket = xml.indexOf('[', lt);
      const close = xml.indexOf('>', lt);
      i = bracket !== -1 && bracket < close ? skipPast(xml, '>', skipPast(xml, ']', bracket)) : close === -1 ? xml.length : close + 1;
    } else {
      const name = /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 1024))?.[1];
      const close = xml.indexOf('>', lt);
      if (!name || close === -1) return null;
      return { name, selfClosing: xml[close - 1] === '/' };
    }
  }
  return null;
}

function skipPast(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? text.length : at + marker.length;
}
