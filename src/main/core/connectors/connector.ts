import { AppError } from '../../../shared/contract/errors';
import type { IncomingItem, Network } from '../../../shared/contract/items';

/**
 * What a stream watches. `kind` is per network (bluesky: home | mentions | notifications |
 * search | feed | list | author; mastodon: home | notifications | hashtag | local | federated |
 * list; feed: feed), `query` is the search term, hashtag, feed URL, list or author id.
 */
export interface StreamSpec {
  id: string;
  network: Network;
  kind: string;
  query: string | null;
  /** The account the stream polls as; null for feeds and other public sources. */
  accountId: string | null;
}

/** Opaque to everyone but its connector; stored as JSON with the stream and handed back on the next poll. */
export type StreamCursor = Record<string, unknown>;

export interface PollRequest {
  stream: StreamSpec;
  /** Null on the first poll of a stream: the connector fetches one recent page, no deep history. */
  cursor: StreamCursor | null;
  /** Aborted on timeout, on shutdown and when the stream is removed. */
  signal: AbortSignal;
  /** The upper bound of items to gather in one poll while catching up after sleep or offline time. */
  maxItems: number;
}

/** An item with the network's own payload, kept so it can be analysed again later. */
export type PolledItem = IncomingItem & { raw?: unknown };

export interface PollResult {
  /** Everything new since the cursor, any order; the store deduplicates. */
  items: PolledItem[];
  /** The cursor for the next poll. Must only move forward once `items` are safely stored. */
  cursor: StreamCursor | null;
  /** True when the connector stopped at maxItems before reaching the old cursor: poll again soon. */
  more: boolean;
  /** What the server said about its rate limit, if anything. */
  rateLimit?: RateLimitState;
}

export interface RateLimitState {
  limit: number | null;
  remaining: number | null;
  /** When the window resets (ISO 8601), if the server said. */
  resetAt: string | null;
}

export type ConnectorErrorKind =
  | 'network' // unreachable, DNS, connection reset: wait for the network and try again
  | 'timeout'
  | 'rate_limited' // honour retryAfterMs
  | 'auth' // credentials expired or revoked: the account needs reconnecting
  | 'not_found' // the feed, list, hashtag or account is gone
  | 'http' // any other unexpected status
  | 'parse'; // the answer is not what it should be (malformed feed, broken JSON)

/** A failure a connector reports; the poller decides about backoff from `kind`. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'ConnectorError';
  }
}

export interface ThreadRequest {
  /** The account to read as; null for public sources. */
  accountId: string | null;
  /** The item's remoteId (AT URI, Mastodon status URI). */
  remoteId: string;
  /**
   * The network's own payload stored with the item, if any. A hint only (it may come from another
   * account's server): Mastodon uses it to skip resolving the URI when the status id still fits.
   */
  raw?: unknown;
  /** Aborted on timeout and on shutdown. */
  signal: AbortSignal;
}

/**
 * A conversation around one item. `ancestors` run from the root down to the item's parent;
 * `replies` are flattened in reading order (depth first, each sibling group oldest first), each
 * with its replyToRemoteId so the UI can indent. Both are capped by THREAD_LIMITS.
 */
export interface ThreadResult {
  ancestors: PolledItem[];
  item: PolledItem;
  replies: PolledItem[];
}

/** How much of a thread a fetch reads: parents above the item, reply depth below it, replies in all. */
export const THREAD_LIMITS = { ancestors: 20, depth: 6, replies: 200 } as const;

/** A reply tree as a connector reads it, before flattening. */
export interface ThreadNode {
  item: PolledItem;
  children: ThreadNode[];
}

/**
 * Replies in reading order: depth first, siblings oldest first (ties keep the server's order),
 * at most `depth` levels below the item and `max` replies in all.
 */
export function flattenReplies(children: readonly ThreadNode[], limits: { depth: number; max: number } = { depth: THREAD_LIMITS.depth, max: THREAD_LIMITS.replies }): PolledItem[] {
  const out: PolledItem[] = [];
  const visit = (nodes: readonly ThreadNode[], level: number): void => {
    if (level > limits.depth) return;
    const sorted = nodes
      .map((node, index) => ({ node, index, at: Date.parse(node.item.createdAt) }))
      .sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) || a.at === b.at ? a.index - b.index : a.at - b.at));
    for (const { node } of sorted) {
      if (out.length >= limits.max) return;
      out.push(node.item);
      visit(node.children, level + 1);
    }
  };
  visit(children, 1);
  return out;
}

/** An attachment on its way out: the bytes as stored with the outbox entry. */
export interface PublishMedia {
  bytes: Uint8Array;
  mimeType: string;
  /** Alt text; empty for none. */
  alt: string;
}

/**
 * A post or reply to publish as one account. `idempotencyKey` was chosen and stored before the
 * first attempt and is the same on every retry: the network's own idempotency makes a repeat
 * harmless (Bluesky: the record key of the post; Mastodon: the Idempotency-Key header).
 */
export interface PublishRequest {
  accountId: string;
  idempotencyKey: string;
  text: string;
  /** Mastodon's content warning; ignored where the network has none. */
  spoilerText: string | null;
  /** BCP 47 tag such as de or en-GB. */
  language: string | null;
  /** Mastodon's visibility; null is the account's default. Ignored on Bluesky. */
  visibility: 'public' | 'unlisted' | 'private' | 'direct' | null;
  /** The item replied to: its remoteId and the network payload stored with it (a hint, may be missing). */
  replyTo: { remoteId: string; raw: unknown } | null;
  media: PublishMedia[];
  /** Aborted on timeout and on shutdown. */
  signal: AbortSignal;
}

export interface PublishResult {
  /** The post's id as items use it (AT URI, Mastodon status URI). */
  remoteId: string;
  /** Where it can be opened in a browser. */
  url: string | null;
  /** The post as an item, with the network's payload as `raw`, ready for the store. */
  item: PolledItem;
}

/** Engagement of published posts, read back from the network (the planner's best times, the dashboards). */
export interface CountsRequest {
  /** The account to read as (its own posts). */
  accountId: string;
  /** The posts' remoteIds (AT URI, Mastodon status URI). */
  remoteIds: readonly string[];
  /** The network payload stored with each post, by remoteId: a hint (Mastodon: the status id). */
  raw?: ReadonlyMap<string, unknown>;
  signal: AbortSignal;
}

export interface PostCounts {
  likes: number | null;
  reposts: number | null;
  replies: number | null;
}

/** One per network. Implementations are plain Node (fetch, the network's client library). */
export interface Connector {
  readonly network: Network;
  poll(request: PollRequest): Promise<PollResult>;
  /** The conversation around an item. Networks without threads (feeds) do not have it. */
  fetchThread?(request: ThreadRequest): Promise<ThreadResult>;
  /**
   * Publishes a post or reply, safe to repeat with the same idempotency key (see PublishRequest).
   * (Named publishPost, not publish: test fakes of the poller use publish() for "a post appears".)
   * Failures are ConnectorErrors; `http` with a 4xx status means the network refused the post.
   */
  publishPost?(request: PublishRequest): Promise<PublishResult>;
  /**
   * Whether an earlier attempt with this idempotency key already published the post (after a
   * crash or a timeout), without posting anything: the post, or null when there is none. A
   * connector without it relies on publishPost() alone being safe to repeat.
   */
  findPublished?(request: PublishRequest): Promise<PublishResult | null>;
  /**
   * The current counts of the account's posts, by remoteId; a post the network no longer has is
   * left out of the map. Failures are ConnectorErrors.
   */
  fetchCounts?(request: CountsRequest): Promise<Map<string, PostCounts>>;
}

/** How a connector's failure reads to the UI when a user action (not a background poll) hit it. */
export function connectorErrorToAppError(error: ConnectorError): AppError {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return new AppError('remote_unreachable', error.message, { cause: error });
    case 'auth':
      return new AppError('reconnect_needed', error.message, { cause: error });
    default:
      return new AppError('remote_failed', error.message, { cause: error });
  }
}
