import { ConnectorError, type Connector, type CountsRequest, type PollRequest, type PostCounts, type PollResult, type PublishRequest, type PublishResult, type RateLimitState, type ThreadRequest, type ThreadResult } from '../connector';
import { readRateLimit } from '../httpLimits';
import { headerSource, toConnectorError, type HeaderMap } from './errors';
import { pollChronological, pollTopOfFeed, readCursor } from './paging';
import { findPost, publishPost, type Poster } from './publish';
import { BlueskySessions, type AccountSession, type BlueskySessionsOptions } from './session';
import { RANKED_KINDS, pageSource } from './streams';
import { fetchPostThread } from './thread';

/**
 * Bluesky behind the Connector interface. Streams (StreamSpec.kind):
 *   home           app.bsky.feed.getTimeline
 *   mentions       app.bsky.notification.listNotifications, reasons mention|reply|quote, as posts
 *   notifications  listNotifications, every reason: posts as posts; likes, reposts, follows as
 *                  items of their own (see notificationToItem)
 *   search         app.bsky.feed.searchPosts (query = the term, sort latest)
 *   feed           app.bsky.feed.getFeed (query = the feed generator's at:// URI); ranked, so
 *                  each poll takes the top page and delivers what it had not delivered yet
 *   list           app.bsky.feed.getListFeed (query = the list's at:// URI)
 *   author         app.bsky.feed.getAuthorFeed (query = handle or DID)
 * Every stream polls as its account (StreamSpec.accountId), whose session is in the vault.
 * fetchThread reads app.bsky.feed.getPostThread as the account (see thread.ts); publishPost and
 * findPublished write and read the account's post under our record key (see publish.ts).
 */
export class BlueskyConnector implements Connector {
  readonly network = 'bluesky' as const;
  readonly sessions: BlueskySessions;

  constructor(options: BlueskySessionsOptions | { sessions: BlueskySessions }) {
    this.sessions = 'sessions' in options ? options.sessions : new BlueskySessions(options);
  }

  async poll({ stream, cursor, signal, maxItems }: PollRequest): Promise<PollResult> {
    if (stream.network !== 'bluesky') throw new ConnectorError('not_found', `Not a Bluesky stream: ${stream.network}.`);
    if (!stream.accountId) throw new ConnectorError('auth', 'A Bluesky stream needs an account to poll as.');
    const accountId = stream.accountId;
    const session = await this.sessions.session(accountId);

    let rateLimit: RateLimitState | undefined;
    const onHeaders = (headers: HeaderMap) => {
      rateLimit = readRateLimit(headerSource(headers)) ?? rateLimit;
    };
    let paged;
    try {
      const fetchPage = pageSource(session.agent, stream, signal, onHeaders);
      const previous = readCursor(cursor);
      const budget = Math.max(1, Math.floor(maxItems));
      paged = RANKED_KINDS.has(stream.kind)
        ? await pollTopOfFeed(fetchPage, previous, budget)
        : await pollChronological(fetchPage, previous, budget);
    } catch (error) {
      // Whatever happened, a session refreshed on the way is kept.
      await session.flush().catch(() => {});
      const failure = toConnectorError(error, { signal, sessionLost: session.sessionLost });
      if (failure.kind === 'auth') this.sessions.markLost(accountId, session);
      throw failure;
    }
    // A refreshed session must be in the vault before we report success; if the vault fails
    // (keychain locked), its own error says so.
    await session.flush();
    return { items: paged.items, cursor: paged.cursor, more: paged.more, ...(rateLimit ? { rateLimit } : {}) };
  }

  async fetchThread({ accountId, remoteId, signal }: ThreadRequest): Promise<ThreadResult> {
    if (!accountId) throw new ConnectorError('auth', 'Reading a Bluesky thread needs an account.');
    const session = await this.sessions.session(accountId);
    let thread: ThreadResult;
    try {
      thread = await fetchPostThread(session.agent, remoteId, signal);
    } catch (error) {
      await session.flush().catch(() => {});
      const failure = toConnectorError(error, { signal, sessionLost: session.sessionLost });
      if (failure.kind === 'auth') this.sessions.markLost(accountId, session);
      throw failure;
    }
    await session.flush();
    return thread;
  }

  publishPost(request: PublishRequest): Promise<PublishResult> {
    return this.asAccount(request.accountId, request.signal, (session, poster) => publishPost(session.agent, poster, request));
  }

  findPublished(request: PublishRequest): Promise<PublishResult | null> {
    return this.asAccount(request.accountId, request.signal, (session, poster) => findPost(session.agent, poster, request));
  }

  /** app.bsky.feed.getPosts as the account, 25 URIs a call (the lexicon's maximum). */
  fetchCounts(request: CountsRequest): Promise<Map<string, PostCounts>> {
    return this.asAccount(request.accountId, request.signal, async (session) => {
      const counts = new Map<string, PostCounts>();
      for (let i = 0; i < request.remoteIds.length; i += 25) {
        const uris = request.remoteIds.slice(i, i + 25);
        const { data } = await session.agent.app.bsky.feed.getPosts({ uris }, { signal: request.signal });
        for (const post of data.posts) {
          counts.set(post.uri, { likes: post.likeCount ?? null, reposts: post.repostCount ?? null, replies: post.replyCount ?? null });
        }
      }
      return counts;
    });
  }

  /** Runs `work` with the account's session; keeps refreshed tokens and reports a lost session as 'auth'. */
  private async asAccount<T>(accountId: string, signal: AbortSignal, work: (session: AccountSession, poster: Poster) => Promise<T>): Promise<T> {
    const session = await this.sessions.session(accountId);
    let result: T;
    try {
      const current = session.current;
      if (!current) throw new ConnectorError('auth', 'This Bluesky account has no session: reconnect it.');
      result = await work(session, { did: current.did, handle: current.handle });
    } catch (error) {
      await session.flush().catch(() => {});
      const failure = toConnectorError(error, { signal, sessionLost: session.sessionLost });
      if (failure.kind === 'auth') this.sessions.markLost(accountId, session);
      throw failure;
    }
    await session.flush();
    return result;
  }
}
