import type { Agent, AppBskyFeedDefs, AppBskyNotificationListNotifications } from '@atproto/api';
import { ConnectorError, type StreamSpec } from '../connector';
import type { Entry, FetchPage, Page } from './paging';
import type { HeaderMap } from './errors';
import { POST_REASONS, notificationToItem, postToItem, sortAt } from './toItem';

// One page source per stream kind. Each returns the API's page as entries, newest first, and
// reports the response headers (rate limits) through onHeaders.

export const BLUESKY_STREAM_KINDS = ['home', 'mentions', 'notifications', 'search', 'feed', 'list', 'author'] as const;
export type BlueskyStreamKind = (typeof BLUESKY_STREAM_KINDS)[number];

/** Ranked rather than time-ordered: polled as "the top page, minus what was delivered". */
export const RANKED_KINDS: ReadonlySet<string> = new Set(['feed']);

/** Notification reasons of the 'mentions' stream: posts that talk to or about the account. */
export const MENTION_REASONS = ['mention', 'reply', 'quote'];

/** getPosts takes at most this many URIs per call. */
const GET_POSTS_BATCH = 25;

type FeedViewPost = AppBskyFeedDefs.FeedViewPost;

function feedEntry(view: FeedViewPost): Entry | null {
  const reason = view.reason as { $type?: string; uri?: string; indexedAt?: string; by?: { did: string } } | undefined;
  if (reason?.$type === 'app.bsky.feed.defs#reasonPin') return null; // pinned: out of time order
  // The network's own view goes along as the raw payload, for analysis later.
  const item = { ...postToItem(view.post), raw: view };
  if (reason?.$type === 'app.bsky.feed.defs#reasonRepost' && reason.indexedAt) {
    // A repost sorts by when it was reposted; the item is still the original post (deduplicated).
    const at = Date.parse(reason.indexedAt);
    return { key: reason.uri ?? `${view.post.uri}#repost:${reason.by?.did ?? ''}`, at: Number.isNaN(at) ? 0 : at, item };
  }
  return { key: view.post.uri, at: sortAt((view.post.record as { createdAt?: unknown }).createdAt, view.post.indexedAt), item };
}

function feedPage(feed: FeedViewPost[], cursor: string | undefined): Page {
  return { entries: feed.map(feedEntry).filter((e): e is Entry => e !== null), cursor };
}

function postEntry(post: AppBskyFeedDefs.PostView): Entry {
  return { key: post.uri, at: sortAt((post.record as { createdAt?: unknown }).createdAt, post.indexedAt), item: { ...postToItem(post), raw: post } };
}

function requireQuery(stream: StreamSpec, what: string): string {
  const query = stream.query?.trim();
  if (!query) throw new ConnectorError('not_found', `A Bluesky ${stream.kind} stream needs ${what}.`);
  return query;
}

/** Full post views (media URLs, counts) for the posts that notifications point at. */
async function hydratePosts(agent: Agent, uris: string[], signal: AbortSignal, onHeaders: (h: HeaderMap) => void) {
  const posts = new Map<string, AppBskyFeedDefs.PostView>();
  const unique = [...new Set(uris)];
  for (let i = 0; i < unique.length; i += GET_POSTS_BATCH) {
    const res = await agent.app.bsky.feed.getPosts({ uris: unique.slice(i, i + GET_POSTS_BATCH) }, { signal });
    onHeaders(res.headers);
    for (const post of res.data.posts) posts.set(post.uri, post);
  }
  return posts;
}

async function notificationPage(
  agent: Agent,
  reasons: string[] | undefined,
  apiCursor: string | undefined,
  limit: number,
  signal: AbortSignal,
  onHeaders: (h: HeaderMap) => void,
): Promise<Page> {
  const res = await agent.app.bsky.notification.listNotifications({ limit, ...(apiCursor ? { cursor: apiCursor } : {}), ...(reasons ? { reasons } : {}) }, { signal });
  onHeaders(res.headers);
  // Servers that ignore `reasons` still must not put likes into a mentions column.
  const notifications = reasons ? res.data.notifications.filter((n) => reasons.includes(n.reason)) : res.data.notifications;
  const posts = await hydratePosts(agent, notifications.filter((n) => POST_REASONS.has(n.reason)).map((n) => n.uri), signal, onHeaders);
  const entries = notifications.map((n: AppBskyNotificationListNotifications.Notification) => ({
    key: n.uri,
    at: sortAt((n.record as { createdAt?: unknown }).createdAt, n.indexedAt),
    item: { ...notificationToItem(n, posts.get(n.uri)), raw: n },
  }));
  return { entries, cursor: res.data.cursor };
}

/** The page source of a stream; throws ConnectorError('not_found') for an unknown kind or a missing query. */
export function pageSource(agent: Agent, stream: StreamSpec, signal: AbortSignal, onHeaders: (h: HeaderMap) => void): FetchPage {
  const page = (cursor: string | undefined) => (cursor ? { cursor } : {});
  const feed = agent.app.bsky.feed;
  switch (stream.kind) {
    case 'home':
      return async (cursor, limit) => {
        const res = await feed.getTimeline({ limit, ...page(cursor) }, { signal });
        onHeaders(res.headers);
        return feedPage(res.data.feed, res.data.cursor);
      };
    case 'author': {
      const actor = requireQuery(stream, 'a handle or DID');
      return async (cursor, limit) => {
        const res = await feed.getAuthorFeed({ actor, limit, filter: 'posts_with_replies', ...page(cursor) }, { signal });
        onHeaders(res.headers);
        return feedPage(res.data.feed, res.data.cursor);
      };
    }
    case 'list': {
      const list = requireQuery(stream, 'a list (at:// URI)');
      return async (cursor, limit) => {
        const res = await feed.getListFeed({ list, limit, ...page(cursor) }, { signal });
        onHeaders(res.headers);
        return feedPage(res.data.feed, res.data.cursor);
      };
    }
    case 'feed': {
      const uri = requireQuery(stream, 'a feed (at:// URI)');
      return async (cursor, limit) => {
        const res = await feed.getFeed({ feed: uri, limit, ...page(cursor) }, { signal });
        onHeaders(res.headers);
        return feedPage(res.data.feed, res.data.cursor);
      };
    }
    case 'search': {
      const q = requireQuery(stream, 'a search term');
      return async (cursor, limit) => {
        const res = await feed.searchPosts({ q, sort: 'latest', limit, ...page(cursor) }, { signal });
        onHeaders(res.headers);
        return { entries: res.data.posts.map(postEntry), cursor: res.data.cursor };
      };
    }
    case 'mentions':
      return (cursor, limit) => notificationPage(agent, MENTION_REASONS, cursor, limit, signal, onHeaders);
    case 'notifications':
      return (cursor, limit) => notificationPage(agent, undefined, cursor, limit, signal, onHeaders);
    default:
      throw new ConnectorError('not_found', `Bluesky has no stream of kind "${stream.kind}".`);
  }
}
