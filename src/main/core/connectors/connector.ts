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

/** One per network. Implementations are plain Node (fetch, the network's client library). */
export interface Connector {
  readonly network: Network;
  poll(request: PollRequest): Promise<PollResult>;
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
