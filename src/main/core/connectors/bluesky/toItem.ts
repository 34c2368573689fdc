import type { AppBskyActorDefs, AppBskyFeedDefs, AppBskyNotificationListNotifications } from '@atproto/api';
import type { IncomingItem, ItemAuthor, ItemMedia } from '../../../../shared/contract/items';

// Bluesky views -> the normalized item. Views come from the network, so every field is read
// defensively: a missing or malformed optional field gives null, never a throw.

const WEB = 'https://bsky.app';
const POST_COLLECTION = 'app.bsky.feed.post';

/** The fields every profile view (basic, full, detailed) shares; followersCount only the detailed one has. */
type Profile = Pick<AppBskyActorDefs.ProfileViewBasic, 'did' | 'handle' | 'displayName' | 'avatar'> & { followersCount?: number };
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);

/** Parts of an at:// URI (at://<did>/<collection>/<rkey>); null when it is not one. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } | null {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  return match ? { repo: match[1]!, collection: match[2]!, rkey: match[3]! } : null;
}

/** bsky.app accepts a DID where a handle would go; we use it when the handle is unusable. */
function profileSegment(did: string, handle: string | undefined): string {
  return handle && handle !== 'handle.invalid' ? handle : did;
}

export function profileUrl(did: string, handle?: string): string {
  return `${WEB}/profile/${encodeURIComponent(profileSegment(did, handle))}`;
}

/** https://bsky.app/profile/<handle>/post/<rkey>, or null when the URI is not a post's. */
export function postUrl(uri: string, handle?: string): string | null {
  const parts = parseAtUri(uri);
  if (!parts || parts.collection !== POST_COLLECTION) return null;
  return `${profileUrl(parts.repo, handle)}/post/${encodeURIComponent(parts.rkey)}`;
}

export function toAuthor(profile: Profile): ItemAuthor {
  return {
    remoteId: profile.did,
    handle: str(profile.handle),
    displayName: str(profile.displayName),
    avatarUrl: str(profile.avatar),
    url: profileUrl(profile.did, profile.handle),
    // Only the detailed profile view carries it; post and notification views usually do not.
    followers: count(profile.followersCount),
  };
}

/**
 * ISO 8601 in UTC, so that the store's ordering by text is ordering by time. Record
 * timestamps are written by clients and may be malformed; then the server's indexedAt wins.
 */
export function isoTime(primary: unknown, fallback: string): string {
  const parsed = typeof primary === 'string' ? Date.parse(primary) : Number.NaN;
  if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  const second = Date.parse(fallback);
  return Number.isNaN(second) ? new Date().toISOString() : new Date(second).toISOString();
}

/** The AppView's sort key of a post or notification: the earlier of createdAt and indexedAt. */
export function sortAt(createdAt: unknown, indexedAt: string): number {
  const indexed = Date.parse(indexedAt);
  const created = typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN;
  if (Number.isNaN(created)) return Number.isNaN(indexed) ? 0 : indexed;
  return Number.isNaN(indexed) ? created : Math.min(created, indexed);
}

function imageMedia(images: unknown, thumbKey: 'thumb' | 'thumbnail'): ItemMedia[] {
  if (!Array.isArray(images)) return [];
  return images.filter(isObject).flatMap((image) => {
    const url = str(image.fullsize);
    return url ? [{ kind: 'image' as const, url, previewUrl: str(image[thumbKey]), alt: str(image.alt), mimeType: null }] : [];
  });
}

/** Media of an embed view: images, gallery, video, external link card (also inside recordWithMedia). */
function mediaOf(embed: unknown): ItemMedia[] {
  if (!isObject(embed)) return [];
  switch (embed.$type) {
    case 'app.bsky.embed.images#view':
      return imageMedia(embed.images, 'thumb');
    case 'app.bsky.embed.gallery#view':
      return imageMedia(embed.items, 'thumbnail');
    case 'app.bsky.embed.video#view': {
      const url = str(embed.playlist);
      return url ? [{ kind: 'video', url, previewUrl: str(embed.thumbnail), alt: str(embed.alt), mimeType: 'application/x-mpegURL' }] : [];
    }
    case 'app.bsky.embed.external#view': {
      const external = isObject(embed.external) ? embed.external : {};
      const url = str(external.uri);
      return url ? [{ kind: 'link', url, previewUrl: str(external.thumb), alt: str(external.title), mimeType: null }] : [];
    }
    case 'app.bsky.embed.recordWithMedia#view':
      return mediaOf(embed.media);
    default:
      return [];
  }
}

/** The quoted post's URI from an embed view or, failing that, from the record's own embed. */
function quotedPostUri(viewEmbed: unknown, recordEmbed: unknown): string | null {
  const fromView = (embed: unknown): string | null => {
    if (!isObject(embed)) return null;
    if (embed.$type === 'app.bsky.embed.record#view') return isObject(embed.record) ? str(embed.record.uri) : null;
    // Its `record` is a plain ref to app.bsky.embed.record#view, which need not carry a $type.
    if (embed.$type === 'app.bsky.embed.recordWithMedia#view') return isObject(embed.record) && isObject(embed.record.record) ? str(embed.record.record.uri) : null;
    return null;
  };
  const fromRecord = (embed: unknown): string | null => {
    if (!isObject(embed)) return null;
    if (embed.$type === 'app.bsky.embed.record') return isObject(embed.record) ? str(embed.record.uri) : null;
    if (embed.$type === 'app.bsky.embed.recordWithMedia') return isObject(embed.record) && isObject(embed.record.record) ? str(embed.record.record.uri) : null;
    return null;
  };
  const uri = fromView(viewEmbed) ?? fromRecord(recordEmbed);
  // A record embed may also be a feed, list or starter pack: only a post is a quote.
  return uri && parseAtUri(uri)?.collection === POST_COLLECTION ? uri : null;
}

function replyParentUri(record: Json): string | null {
  const reply = isObject(record.reply) ? record.reply : null;
  return reply && isObject(reply.parent) ? str(reply.parent.uri) : null;
}

function firstLanguage(record: Json): string | null {
  return Array.isArray(record.langs) ? str(record.langs[0]) : null;
}

/** A post as the AppView shows it: everything the item needs, with media URLs and counts. */
export function postToItem(post: AppBskyFeedDefs.PostView): IncomingItem {
  const record = isObject(post.record) ? post.record : {};
  return {
    network: 'bluesky',
    remoteId: post.uri,
    url: postUrl(post.uri, post.author.handle),
    author: toAuthor(post.author),
    title: null,
    text: typeof record.text === 'string' ? record.text : '',
    html: null,
    createdAt: isoTime(record.createdAt, post.indexedAt),
    language: firstLanguage(record),
    replyToRemoteId: replyParentUri(record),
    quoteOfRemoteId: quotedPostUri(post.embed, record.embed),
    media: mediaOf(post.embed),
    counts: { replies: count(post.replyCount), reposts: count(post.repostCount), likes: count(post.likeCount) },
  };
}

type Notification = AppBskyNotificationListNotifications.Notification;

/** Reasons whose notification URI is a post someone wrote (to or about the account). */
export const POST_REASONS: ReadonlySet<string> = new Set(['mention', 'reply', 'quote', 'subscribed-post']);

/**
 * A notification as an item, for the 'notifications' stream.
 * - A post (mention, reply, quote, subscribed-post): the post itself. `hydrated` is its full
 *   view when the AppView gave one; otherwise the item is built from the notification's record
 *   (no media URLs, no counts).
 * - Anything else (like, repost, follow, ...): an item of its own, identified by the like's,
 *   repost's or follow's record URI so that every event is one item. `title` carries the
 *   reason as a stable key ('like', 'repost', 'follow', ...) for the UI to translate; `text` is
 *   empty (the subject's text stays with the subject, so search does not find it twice);
 *   `quoteOfRemoteId` names the post that was liked or reposted, so a column can show it the
 *   way it shows a quoted post; `url` opens that post, or the follower's profile.
 */
export function notificationToItem(notification: Notification, hydrated?: AppBskyFeedDefs.PostView): IncomingItem {
  if (POST_REASONS.has(notification.reason)) {
    if (hydrated) return postToItem(hydrated);
    const record = isObject(notification.record) ? notification.record : {};
    return {
      network: 'bluesky',
      remoteId: notification.uri,
      url: postUrl(notification.uri, notification.author.handle),
      author: toAuthor(notification.author),
      title: null,
      text: typeof record.text === 'string' ? record.text : '',
      html: null,
      createdAt: isoTime(record.createdAt, notification.indexedAt),
      language: firstLanguage(record),
      replyToRemoteId: replyParentUri(record),
      quoteOfRemoteId: quotedPostUri(undefined, record.embed),
      media: [],
      counts: { replies: null, reposts: null, likes: null },
    };
  }
  const record = isObject(notification.record) ? notification.record : {};
  const subject = str(notification.reasonSubject);
  const subjectPost = subject && parseAtUri(subject)?.collection === POST_COLLECTION ? subject : null;
  return {
    network: 'bluesky',
    remoteId: notification.uri,
    url: subjectPost ? postUrl(subjectPost) : profileUrl(notification.author.did, notification.author.handle),
    author: toAuthor(notification.author),
    title: notification.reason,
    text: '',
    html: null,
    createdAt: isoTime(record.createdAt, notification.indexedAt),
    language: null,
    replyToRemoteId: null,
    quoteOfRemoteId: subjectPost,
    media: [],
    counts: { replies: null, reposts: null, likes: null },
  };
}
