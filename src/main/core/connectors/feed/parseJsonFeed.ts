import { parseJsonFeed as readJsonFeed } from 'feedsmith';
import { ConnectorError } from '../connector';
import type { FeedBody, FeedEntry, FeedMedia, FeedPerson, ParsedFeed } from './feedModel';
import { cleanText, httpUrl, mediaKind, plainTitle, toDate } from './feedValues';

type JsonFeed = ReturnType<typeof readJsonFeed>;
type JsonItem = NonNullable<JsonFeed['items']>[number];
type JsonAuthor = NonNullable<JsonFeed['authors']>[number];

const CANONICAL_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * JSON Feed 1.0/1.1 through feedsmith, which coerces field types, reads both "author" (1.0)
 * and "authors" (1.1) and drops entries that are not objects. feedsmith only accepts a
 * document whose version is a jsonfeed.org URL or that has a title; feeds in the wild (and
 * gofeed's corpus) write "version": "1.0" or leave the title out, so any object with an
 * items array is accepted here and its version handed to feedsmith in the canonical form.
 */
export function parseJsonFeed(json: string, baseUrl: string | null): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new ConnectorError('parse', `The JSON Feed is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isPlainObject(document)) throw new ConnectorError('parse', 'Not a feed: JSON, but not an object.');
  const declaredVersion = typeof document.version === 'string' ? document.version : null;
  if (!Array.isArray(document.items)) {
    throw new ConnectorError('parse', declaredVersion?.includes('jsonfeed.org') ? 'The JSON Feed has no items array.' : 'Not a feed: JSON without an items array.');
  }

  const feed = readJsonFeed({ ...document, version: declaredVersion?.includes('jsonfeed.org/version/') ? declaredVersion : CANONICAL_VERSION });
  const home = httpUrl(feed.home_page_url, baseUrl);
  const authors = (feed.authors ?? []).map(toPerson);
  const items: FeedEntry[] = [];
  let skippedItems = document.items.length - (feed.items?.length ?? 0);
  for (const item of feed.items ?? []) {
    try {
      items.push(readItem(item, authors, baseUrl));
    } catch {
      skippedItems++;
    }
  }
  return {
    format: 'json',
    version: cleanText(declaredVersion?.replace(/^.*\/version\//, '')),
    title: plainTitle(feed.title),
    homeUrl: home,
    language: cleanText(feed.language),
    authors,
    items,
    skippedItems: Math.max(0, skippedItems),
  };
}

function readItem(item: JsonItem, feedAuthors: FeedPerson[], baseUrl: string | null): FeedEntry {
  const content: FeedBody | null = item.content_html?.trim()
    ? { value: item.content_html, html: true }
    : item.content_text?.trim()
      ? { value: item.content_text, html: false }
      : null;
  const authors = (item.authors ?? []).map(toPerson);
  return {
    id: cleanText(item.id),
    link: httpUrl(item.url, baseUrl) ?? httpUrl(item.external_url, baseUrl),
    title: plainTitle(item.title),
    authors: authors.length ? authors : feedAuthors,
    content,
    summary: item.summary?.trim() ? { value: item.summary, html: false } : null,
    published: toDate(item.date_published),
    updated: toDate(item.date_modified),
    language: cleanText(item.language),
    media: readMedia(item, baseUrl),
  };
}

function readMedia(item: JsonItem, baseUrl: string | null): FeedMedia[] {
  const media: FeedMedia[] = [];
  for (const attachment of item.attachments ?? []) {
    const url = httpUrl(attachment.url, baseUrl);
    if (!url || media.some((m) => m.url === url)) continue;
    const mimeType = cleanText(attachment.mime_type)?.toLowerCase() ?? null;
    media.push({ url, kind: mediaKind(mimeType), mimeType, previewUrl: null, alt: cleanText(attachment.title) });
  }
  for (const candidate of [item.image, item.banner_image]) {
    const url = httpUrl(candidate, baseUrl);
    if (url && !media.some((m) => m.url === url)) media.push({ url, kind: 'image', mimeType: null, previewUrl: null, alt: null });
  }
  return media;
}

function toPerson(author: JsonAuthor): FeedPerson {
  return { name: cleanText(author.name), email: null, url: httpUrl(author.url), avatarUrl: httpUrl(author.avatar) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
