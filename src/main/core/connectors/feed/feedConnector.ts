import type { IncomingItem } from '../../../../shared/contract/items';
import { ConnectorError, type Connector, type PollRequest, type PollResult } from '../connector';
import { discoverFeeds, type DiscoveredFeed } from './discoverFeeds';
import { nextSeen, readFeedCursor, SEEN_LIMIT, toStreamCursor, type FeedCursor } from './feedCursor';
import { feedUserAgent, fetchFeed } from './fetchFeed';
import { httpUrl } from './feedValues';
import { parseFeed } from './parseFeed';
import { toIncomingItem } from './toIncomingItem';

export interface FeedConnectorOptions {
  /** For the User-Agent: "Leitstand/<version> (+feed reader)". */
  appVersion: string;
  /** Per fetch, redirects and body included; 20 s by default. */
  timeoutMs?: number;
  /** Largest body read; 10 MB by default. */
  maxBytes?: number;
  maxRedirects?: number;
  /** How many remote ids the cursor remembers. */
  seenLimit?: number;
  now?: () => Date;
}

/**
 * RSS, Atom and JSON Feed streams (network 'feed', kind 'feed', query = the feed URL).
 * A poll is one conditional GET: 304 gives nothing and keeps the cursor; a full answer gives
 * the entries not handed out before. A feed is one page, so `more` is always false.
 */
export class FeedConnector implements Connector {
  readonly network = 'feed' as const;
  private readonly userAgent: string;
  private readonly now: () => Date;

  constructor(private readonly options: FeedConnectorOptions) {
    this.userAgent = feedUserAgent(options.appVersion);
    this.now = options.now ?? (() => new Date());
  }

  async poll(request: PollRequest): Promise<PollResult> {
    try {
      return await this.pollFeed(request);
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      // The poller relies on ConnectorError alone; anything else is a bug, reported as one.
      throw new ConnectorError('parse', `Reading the feed failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  /** Feeds a web page offers, or the page itself when it is a feed. */
  discover(pageUrl: string, signal?: AbortSignal): Promise<DiscoveredFeed[]> {
    return discoverFeeds(pageUrl, { userAgent: this.userAgent, signal, timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxBytes, maxRedirects: this.options.maxRedirects });
  }

  private async pollFeed({ stream, cursor, signal, maxItems }: PollRequest): Promise<PollResult> {
    if (stream.network !== 'feed' || stream.kind !== 'feed') {
      throw new ConnectorError('not_found', `The feed connector does not poll ${stream.network} ${stream.kind} streams.`);
    }
    // Ids are scoped by the URL the user gave, which a later permanent redirect does not change.
    const source = httpUrl(stream.query);
    if (!source) throw new ConnectorError('not_found', `The stream has no feed address Leitstand can fetch (http or https): ${JSON.stringify(stream.query)}`);
    const previous = readFeedCursor(cursor);
    const url = previous?.url ?? source;

    const fetched = await fetchFeed(url, {
      userAgent: this.userAgent,
      signal,
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxBytes,
      maxRedirects: this.options.maxRedirects,
      etag: previous?.etag,
      lastModified: previous?.lastModified,
      now: this.now,
    });
    const nextUrl = fetched.permanentUrl ?? url;
    const rateLimit = fetched.rateLimit ? { rateLimit: fetched.rateLimit } : {};

    if (fetched.status === 'not_modified') {
      const kept: FeedCursor = {
        url: nextUrl,
        etag: fetched.etag ?? previous?.etag ?? null,
        lastModified: fetched.lastModified ?? previous?.lastModified ?? null,
        seen: previous?.seen ?? [],
      };
      return { items: [], cursor: toStreamCursor(kept), more: false, ...rateLimit };
    }

    const feed = parseFeed(fetched.body, { contentType: fetched.contentType, url: fetched.url });
    const fetchedAt = this.now();
    // The parsed entry goes along as the raw payload (the feed's XML or JSON is not kept).
    const items = uniqueById(feed.items.map((entry) => ({ ...toIncomingItem(entry, { feed, scope: source, fetchedAt }), raw: entry })));
    const seen = new Set(previous?.seen ?? []);
    const fresh = items.filter((item) => !seen.has(item.remoteId));
    const next: FeedCursor = {
      url: nextUrl,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      seen: nextSeen(
        items.map((item) => item.remoteId),
        previous?.seen ?? [],
        this.options.seenLimit ?? SEEN_LIMIT,
      ),
    };
    // A feed cannot be paged back, so entries over maxItems are passed over rather than
    // promised for a next poll that a 304 would answer with nothing: the newest are kept.
    return { items: newestFirst(fresh).slice(0, Math.max(0, maxItems)), cursor: toStreamCursor(next), more: false, ...rateLimit };
  }
}

export function createFeedConnector(options: FeedConnectorOptions): FeedConnector {
  return new FeedConnector(options);
}

/** A feed that lists an entry twice gives it once (the first, as feeds list newest first). */
function uniqueById(items: IncomingItem[]): IncomingItem[] {
  const byId = new Map<string, IncomingItem>();
  for (const item of items) if (!byId.has(item.remoteId)) byId.set(item.remoteId, item);
  return [...byId.values()];
}

function newestFirst(items: IncomingItem[]): IncomingItem[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
