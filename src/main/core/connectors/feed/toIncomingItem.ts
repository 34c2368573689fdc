import { createHash } from 'node:crypto';
import type { IncomingItem, ItemAuthor } from '../../../../shared/contract/items';
import type { FeedEntry, FeedPerson, ParsedFeed } from './feedModel';
import { cleanText } from './feedValues';
import { htmlToText } from '../html/htmlToText';

export interface NormalizeContext {
  feed: ParsedFeed;
  /**
   * The feed's identity for ids that are only unique within it (guid "42", names of authors):
   * the stream's feed URL as the user gave it, so a permanent redirect does not change ids.
   */
  scope: string;
  /** When the feed was fetched: the date of entries that carry none. */
  fetchedAt: Date;
}

/** Entries dated further ahead than this are taken as misdated and shown as fetched. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** One feed entry as the normalized item every connector produces. */
export function toIncomingItem(entry: FeedEntry, context: NormalizeContext): IncomingItem {
  const { feed, scope, fetchedAt } = context;
  const bodyText = textOf(entry.content) || textOf(entry.summary);
  const html = [entry.content, entry.summary].find((body) => body?.html)?.value ?? null;
  return {
    network: 'feed',
    remoteId: remoteIdOf(entry, scope),
    url: entry.link,
    author: toAuthor(entry.authors[0] ?? feed.authors[0] ?? null, scope),
    title: entry.title,
    text: bodyText || entry.title || '',
    html,
    createdAt: createdAtOf(entry, fetchedAt),
    language: languageTag(entry.language ?? feed.language),
    replyToRemoteId: null,
    quoteOfRemoteId: null,
    media: entry.media.map((m) => ({ kind: m.kind, url: m.url, previewUrl: m.previewUrl, alt: m.alt, mimeType: m.mimeType })),
    counts: { replies: null, reposts: null, likes: null },
  };
}

/**
 * The guid/id, else the link, else a hash of what the entry says, so that a re-poll of the
 * same feed gives the same id and the store deduplicates. The store deduplicates across all
 * feeds by (network, remoteId): an id that is only unique within its feed ("42", "post-7")
 * is prefixed with the feed, while URLs, tag: and urn: ids and UUIDs are global and kept as
 * they are, so the same post in a blog's main and category feeds is one item.
 */
export function remoteIdOf(entry: FeedEntry, scope: string): string {
  if (entry.id) return GLOBAL_ID.test(entry.id) ? entry.id : `${scope}#guid:${entry.id}`;
  if (entry.link) return entry.link;
  const date = entry.published ?? entry.updated;
  const fingerprint = JSON.stringify([entry.title, date?.toISOString() ?? null, entry.content?.value ?? null, entry.summary?.value ?? null]);
  return `${scope}#sha256:${createHash('sha256').update(fingerprint).digest('hex').slice(0, 32)}`;
}

const GLOBAL_ID = /^(?:(?:https?|tag|urn|ni):\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function textOf(body: FeedEntry['content']): string {
  if (!body) return '';
  return (body.html ? htmlToText(body.value) : cleanText(body.value)) ?? '';
}

function createdAtOf(entry: FeedEntry, fetchedAt: Date): string {
  const date = entry.published ?? entry.updated;
  if (!date || date.getTime() > fetchedAt.getTime() + FUTURE_TOLERANCE_MS) return fetchedAt.toISOString();
  return date.toISOString();
}

function toAuthor(person: FeedPerson | null, scope: string): ItemAuthor | null {
  if (!person) return null;
  const remoteId = person.url ?? (person.email ? `mailto:${person.email}` : person.name ? `${scope}#author:${person.name}` : null);
  if (!remoteId) return null;
  return { remoteId, handle: null, displayName: person.name ?? person.email, avatarUrl: person.avatarUrl, url: person.url, followers: null };
}

/** A BCP 47-looking tag ("de", "en-US", "pt-br"); feeds also write "English" or nothing. */
function languageTag(value: string | null): string | null {
  const tag = cleanText(value)?.replace(/_/g, '-');
  return tag && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null;
}
