import type { IncomingItem, ItemAuthor, ItemMedia } from '../../../../shared/contract/items';
import { htmlToText } from '../html/htmlToText';
import type { MastodonAccount, MastodonInnerStatus, MastodonStatus } from './schemas';

export interface ToItemContext {
  /** Origin of the instance the status was read from (ids are local to it). */
  instanceUrl: string;
  /** Status id -> federation URI of statuses seen in the same poll, to resolve reply parents. */
  knownUris?: ReadonlyMap<string, string>;
}

/**
 * A status as a normalized item. Choices:
 * - remoteId is the federation URI, the same on every instance, so one post seen through two
 *   accounts on two instances is one item. Ids are instance-local and would not dedupe.
 * - A boost becomes the boosted status itself (so it dedupes with the original). Who boosted is
 *   not kept: IncomingItem has no field for it yet (a `repostedBy` would be the place).
 * - replyToRemoteId: Mastodon only gives the parent's instance-local id. When the parent was in the
 *   same poll we store its URI (joinable with its item); otherwise the parent's API URL on the
 *   instance we read from (`<origin>/api/v1/statuses/<id>`), which a thread fetch can resolve.
 *   quoteOfRemoteId follows the same rule.
 * - The content warning (spoiler_text) is the title, so a column can keep the text folded.
 * - The author's remoteId is the account's federation URI (stable across instances), its handle
 *   the full `user@domain` (Mastodon's `acct` omits the domain for the instance's own users).
 */
export function statusToItem(status: MastodonStatus, context: ToItemContext): IncomingItem {
  const s: MastodonInnerStatus = status.reblog ?? status;
  const html = s.content ?? '';
  return {
    network: 'mastodon',
    remoteId: s.uri,
    url: s.url ?? s.uri,
    author: toAuthor(s.account),
    title: s.spoiler_text ? s.spoiler_text : null,
    text: htmlToText(html),
    html: html || null,
    createdAt: toIsoDate(s.created_at),
    language: s.language ?? null,
    replyToRemoteId: s.in_reply_to_id ? refFor(s.in_reply_to_id, context) : null,
    quoteOfRemoteId: s.quote?.quoted_status?.uri ?? (s.quote?.quoted_status_id ? refFor(s.quote.quoted_status_id, context) : null),
    media: toMedia(s),
    counts: {
      replies: toCount(s.replies_count),
      reposts: toCount(s.reblogs_count),
      likes: toCount(s.favourites_count),
    },
  };
}

/** Every id -> URI pair in some statuses, boosted ones included, for resolving reply parents. */
export function collectUris(statuses: Iterable<MastodonStatus>, into: Map<string, string> = new Map()): Map<string, string> {
  for (const status of statuses) {
    into.set(status.id, status.uri);
    if (status.reblog) into.set(status.reblog.id, status.reblog.uri);
  }
  return into;
}

function refFor(id: string, context: ToItemContext): string {
  return context.knownUris?.get(id) ?? `${context.instanceUrl}/api/v1/statuses/${encodeURIComponent(id)}`;
}

function toAuthor(account: MastodonAccount): ItemAuthor {
  const url = account.url ?? null;
  return {
    remoteId: account.uri ?? url ?? account.acct,
    handle: fullHandle(account),
    displayName: account.display_name ? account.display_name : null,
    avatarUrl: account.avatar ?? null,
    url,
    followers: toCount(account.followers_count),
  };
}

function fullHandle(account: MastodonAccount): string {
  if (account.acct.includes('@')) return account.acct;
  // A local account: its domain is the instance's. The profile URL's host is the best we have
  // without another request (it differs only on instances with a split web domain).
  const where = account.url ?? account.uri;
  try {
    return where ? `${account.acct}@${new URL(where).host}` : account.acct;
  } catch {
    return account.acct;
  }
}

const MEDIA_KINDS: Record<string, ItemMedia['kind']> = { image: 'image', gifv: 'video', video: 'video', audio: 'audio' };

function toMedia(s: MastodonInnerStatus): ItemMedia[] {
  const media: ItemMedia[] = [];
  for (const a of s.media_attachments ?? []) {
    // Remote media not yet fetched by the instance has only remote_url.
    const url = a.url ?? a.remote_url ?? a.preview_url;
    if (!url) continue;
    media.push({ kind: MEDIA_KINDS[a.type] ?? 'other', url, previewUrl: a.preview_url ?? null, alt: a.description ? a.description : null, mimeType: null });
  }
  if (s.card) {
    media.push({ kind: 'link', url: s.card.url, previewUrl: s.card.image ?? null, alt: s.card.image_description ? s.card.image_description : null, mimeType: null });
  }
  return media;
}

function toCount(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : null;
}

function toIsoDate(value: string): string {
  const t = Date.parse(value);
  return Number.isNaN(t) ? new Date().toISOString() : new Date(t).toISOString();
}
