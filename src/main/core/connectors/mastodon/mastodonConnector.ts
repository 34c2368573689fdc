import { ConnectorError, type Connector, type CountsRequest, type PolledItem, type PostCounts, type PollRequest, type PollResult, type PublishRequest, type PublishResult, type RateLimitState, type StreamCursor, type ThreadRequest, type ThreadResult } from '../connector';
import { readRateLimit } from '../httpLimits';
import { endpointFor, NOTIFICATION_ITEM_TYPES, type Endpoint } from './endpoints';
import { mastodonRequest } from './http';
import { compareIds, newestId } from './ids';
import { notificationSchema, statusSchema, type MastodonStatus } from './schemas';
import { publishStatus } from './publish';
import { fetchStatusThread, resolveLocalStatus } from './thread';
import { collectUris, statusToItem } from './toItem';

export interface MastodonCredentials {
  /** Origin of the account's instance, e.g. https://mastodon.social. */
  instanceUrl: string;
  accessToken: string;
}

export interface MastodonConnectorOptions {
  /** The account's instance and token from the vault; null when there is none (reconnect needed). */
  credentials(accountId: string): Promise<MastodonCredentials | null>;
  /** Per HTTP request, on top of the poll's own signal. */
  requestTimeoutMs?: number;
}

/** What the connector keeps between polls: the newest id seen (a status or notification id). */
interface MastodonCursor {
  minId: string;
}

interface Page {
  /** Every entry's id, the skipped ones included: the cursor must move past them too. */
  ids: string[];
  /** The posts, each with the id of the entry it came in (a status's, or its notification's). */
  entries: { id: string; status: MastodonStatus }[];
  rateLimit: RateLimitState | undefined;
}

/**
 * Polls Mastodon timelines and notifications. Pagination, and why this way:
 * - The first poll reads one recent page (no deep history) and remembers its newest id.
 * - Later polls walk forward with `min_id`: Mastodon answers with the page immediately newer than
 *   min_id (newest first), so stepping min_id to the newest id of each page visits every entry
 *   once, oldest pages first, with no gap. (`since_id` would return the newest page and silently
 *   skip whatever lies between.) The walk stops when a page comes back short (caught up) or at
 *   maxItems, with `more: true` and a cursor inside the backlog, so the next poll continues there.
 * - Entries at or below min_id are dropped in case a server ignores min_id, which would otherwise
 *   loop forever on the same page.
 * - An entry that does not parse is skipped (its id still moves the cursor): one odd status must
 *   not stall a column forever.
 */
export function createMastodonConnector(options: MastodonConnectorOptions): Connector {
  return {
    network: 'mastodon',
    async poll(request: PollRequest): Promise<PollResult> {
      const { stream, signal } = request;
      if (!stream.accountId) throw new ConnectorError('auth', 'a Mastodon stream needs an account');
      const credentials = await options.credentials(stream.accountId);
      if (!credentials) throw new ConnectorError('auth', 'the Mastodon account has no access token; reconnect it');
      const endpoint = endpointFor(stream);
      const fetchPage = (query: Record<string, string | number>) =>
        readPage(endpoint, credentials, query, signal, options.requestTimeoutMs);
      const maxItems = Math.max(1, Math.floor(request.maxItems));
      const items = new Map<string, PolledItem>();
      const uris = new Map<string, string>();
      const add = (statuses: MastodonStatus[]) => {
        collectUris(statuses, uris);
        for (const status of statuses) {
          const item = statusToItem(status, { instanceUrl: credentials.instanceUrl, knownUris: uris });
          items.set(item.remoteId, { ...item, raw: status });
        }
      };

      const start = readCursor(request.cursor);
      if (start === null) {
        const page = await fetchPage({ limit: Math.min(endpoint.pageLimit, maxItems) });
        add(page.entries.map((e) => e.status));
        const newest = newestId(page.ids);
        return { items: [...items.values()], cursor: newest ? toCursor(newest) : null, more: false, rateLimit: page.rateLimit };
      }

      let minId = start;
      let gathered = 0;
      let more = false;
      let rateLimit: RateLimitState | undefined;
      for (;;) {
        const limit = Math.min(endpoint.pageLimit, maxItems - gathered);
        const page = await fetchPage({ min_id: minId, limit });
        rateLimit = page.rateLimit ?? rateLimit;
        const fresh = page.ids.filter((id) => compareIds(id, minId) > 0);
        if (fresh.length === 0) break;
        add(page.entries.filter((e) => compareIds(e.id, minId) > 0).map((e) => e.status));
        gathered += fresh.length;
        minId = newestId(fresh)!;
        if (page.ids.length < limit) break;
        if (gathered >= maxItems) {
          more = true;
          break;
        }
      }
      return { items: [...items.values()], cursor: toCursor(minId), more, rateLimit };
    },

    /** The thread around a status, read on the account's instance (see thread.ts). */
    async fetchThread({ accountId, remoteId, raw, signal }: ThreadRequest): Promise<ThreadResult> {
      if (!accountId) throw new ConnectorError('auth', 'reading a Mastodon thread needs an account');
      const credentials = await options.credentials(accountId);
      if (!credentials) throw new ConnectorError('auth', 'the Mastodon account has no access token; reconnect it');
      return fetchStatusThread(credentials, { uri: remoteId, raw, signal, timeoutMs: options.requestTimeoutMs });
    },

    /**
     * Posts a status (see publish.ts). No findPublished: a repeat of the POST with the same
     * Idempotency-Key is itself the reconciliation, within Mastodon's one-hour idempotency window.
     */
    async publishPost(request: PublishRequest): Promise<PublishResult> {
      const credentials = await options.credentials(request.accountId);
      if (!credentials) throw new ConnectorError('auth', 'the Mastodon account has no access token; reconnect it');
      return publishStatus(credentials, request, { timeoutMs: options.requestTimeoutMs });
    },

    /** GET /api/v1/statuses/:id per post on the account's instance (the stored id, else the URI resolved); a post gone is left out. */
    async fetchCounts(request: CountsRequest): Promise<Map<string, PostCounts>> {
      const credentials = await options.credentials(request.accountId);
      if (!credentials) throw new ConnectorError('auth', 'the Mastodon account has no access token; reconnect it');
      const counts = new Map<string, PostCounts>();
      for (const uri of request.remoteIds) {
        let status: MastodonStatus;
        try {
          status = await resolveLocalStatus(credentials, { uri, raw: request.raw?.get(uri), signal: request.signal, timeoutMs: options.requestTimeoutMs });
        } catch (error) {
          if (error instanceof ConnectorError && error.kind === 'not_found') continue;
          throw error;
        }
        counts.set(uri, { likes: status.favourites_count ?? null, reposts: status.reblogs_count ?? null, replies: status.replies_count ?? null });
      }
      return counts;
    },
  };
}

async function readPage(
  endpoint: Endpoint,
  credentials: MastodonCredentials,
  query: Record<string, string | number>,
  signal: AbortSignal,
  timeoutMs: number | undefined,
): Promise<Page> {
  const response = await mastodonRequest({
    instanceUrl: credentials.instanceUrl,
    path: endpoint.path,
    query: { ...endpoint.query, ...query },
    accessToken: credentials.accessToken,
    signal,
    timeoutMs,
  });
  if (!Array.isArray(response.json)) throw new ConnectorError('parse', `${endpoint.path} did not answer with a list`);
  const page: Page = { ids: [], entries: [], rateLimit: readRateLimit(response.headers) };
  for (const entry of response.json as unknown[]) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') continue;
    page.ids.push(id);
    const status = endpoint.entity === 'status' ? parseStatus(entry) : statusOfNotification(entry);
    if (status) page.entries.push({ id, status });
  }
  return page;
}

function parseStatus(entry: unknown): MastodonStatus | null {
  const result = statusSchema.safeParse(entry);
  return result.success ? result.data : null;
}

const ITEM_TYPES: ReadonlySet<string> = new Set(NOTIFICATION_ITEM_TYPES);

/** A notification becomes the item of its status; its own id stays the cursor's (Mastodon pages notifications by them). */
function statusOfNotification(entry: unknown): MastodonStatus | null {
  const result = notificationSchema.safeParse(entry);
  if (!result.success || !ITEM_TYPES.has(result.data.type)) return null;
  return result.data.status ?? null;
}

function readCursor(cursor: StreamCursor | null): string | null {
  const minId = cursor?.minId;
  return typeof minId === 'string' && minId.length > 0 ? minId : null;
}

function toCursor(minId: string): StreamCursor {
  const cursor: MastodonCursor = { minId };
  return { ...cursor };
}
