import { ConnectorError, flattenReplies, THREAD_LIMITS, type PolledItem, type ThreadNode, type ThreadResult } from '../connector';
import { mastodonRequest } from './http';
import { statusSchema, type MastodonStatus } from './schemas';
import { collectUris, statusToItem } from './toItem';

export interface ThreadCredentials {
  instanceUrl: string;
  accessToken: string;
}

export interface MastodonThreadRequest {
  /** The item's remoteId: the status's federation URI (the boosted one's, for a boost). */
  uri: string;
  /** The status JSON stored with the item, when there is one: its id is tried first. */
  raw?: unknown;
  signal: AbortSignal;
  timeoutMs?: number;
}

/**
 * The thread around a status on the account's own instance:
 * 1. the instance-local id: the stored status's own id (raw.id, or raw.reblog.id for a boost)
 *    when GET /api/v1/statuses/:id still answers the same URI (the raw may come from another
 *    account's instance, where ids differ); otherwise the URI is resolved with
 *    GET /api/v2/search?q=<uri>&resolve=true&type=statuses (the instance fetches it if needed);
 * 2. GET /api/v1/statuses/:id/context: ancestors (root first) and descendants.
 * Reply parents are given as URIs wherever the parent is in the thread (statusToItem with every
 * id -> URI pair of the thread). A descendant whose parent the instance left out (deleted,
 * filtered, blocked) is dropped with what hangs below it; statuses that do not parse are skipped.
 */
export async function fetchStatusThread(credentials: ThreadCredentials, request: MastodonThreadRequest): Promise<ThreadResult> {
  const get = async (path: string, query?: Record<string, string | number | boolean>) =>
    (
      await mastodonRequest({
        instanceUrl: credentials.instanceUrl,
        path,
        query,
        accessToken: credentials.accessToken,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
      })
    ).json;

  const status = await findStatus(get, request);
  const context = await get(`/api/v1/statuses/${encodeURIComponent(status.id)}/context`);
  const ancestors = parseList((context as { ancestors?: unknown } | null)?.ancestors).slice(-THREAD_LIMITS.ancestors);
  const descendants = parseList((context as { descendants?: unknown } | null)?.descendants);

  const uris = collectUris([status, ...ancestors, ...descendants]);
  const toItem = (s: MastodonStatus): PolledItem => ({ ...statusToItem(s, { instanceUrl: credentials.instanceUrl, knownUris: uris }), raw: s });

  const children = new Map<string, MastodonStatus[]>();
  for (const d of descendants) {
    if (!d.in_reply_to_id) continue;
    const siblings = children.get(d.in_reply_to_id) ?? [];
    siblings.push(d);
    children.set(d.in_reply_to_id, siblings);
  }
  const seen = new Set<string>();
  const tree = (id: string): ThreadNode[] =>
    (children.get(id) ?? [])
      .filter((s) => !seen.has(s.id) && seen.add(s.id))
      .map((s) => ({ item: toItem(s), children: tree(s.id) }));

  return { ancestors: ancestors.map(toItem), item: toItem(status), replies: flattenReplies(tree(status.id)) };
}

type Get = (path: string, query?: Record<string, string | number | boolean>) => Promise<unknown>;

/**
 * A status as the account's own instance knows it (its instance-local id is what replies and
 * context calls need): by the stored id when it still names the same post, else by resolving
 * the URI with search. not_found when the instance cannot find or fetch it.
 */
export async function resolveLocalStatus(credentials: ThreadCredentials, request: MastodonThreadRequest): Promise<MastodonStatus> {
  const get: Get = async (path, query) =>
    (
      await mastodonRequest({
        instanceUrl: credentials.instanceUrl,
        path,
        query,
        accessToken: credentials.accessToken,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
      })
    ).json;
  return findStatus(get, request);
}

async function findStatus(get: Get, request: MastodonThreadRequest): Promise<MastodonStatus> {
  return (await statusById(get, request)) ?? (await resolveUri(get, request.uri));
}

/** The stored status's id on this instance, if it still names the same post; null to resolve instead. */
async function statusById(get: Get, request: MastodonThreadRequest): Promise<MastodonStatus | null> {
  const id = localIdOf(request.raw, request.uri);
  if (!id) return null;
  let json: unknown;
  try {
    json = await get(`/api/v1/statuses/${encodeURIComponent(id)}`);
  } catch (error) {
    // Another instance's id, or a status this instance dropped: resolve the URI instead.
    if (error instanceof ConnectorError && error.kind === 'not_found') return null;
    throw error;
  }
  const parsed = statusSchema.safeParse(json);
  return parsed.success && parsed.data.uri === request.uri && !parsed.data.reblog ? parsed.data : null;
}

function localIdOf(raw: unknown, uri: string): string | null {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data.reblog ?? parsed.data;
  return s.uri === uri && /^[A-Za-z0-9_-]+$/.test(s.id) ? s.id : null;
}

async function resolveUri(get: Get, uri: string): Promise<MastodonStatus> {
  if (!/^https?:\/\//i.test(uri)) throw new ConnectorError('not_found', `${uri} is not a status URI this instance can resolve`);
  const json = await get('/api/v2/search', { q: uri, resolve: true, type: 'statuses', limit: 5 });
  const found = parseList((json as { statuses?: unknown } | null)?.statuses);
  // Search may answer near matches; only the status with this URI (or web URL) is the one.
  const status = found.find((s) => s.uri === uri) ?? found.find((s) => s.url === uri);
  if (!status) throw new ConnectorError('not_found', `the instance could not find or fetch ${uri}`);
  return status;
}

function parseList(value: unknown): MastodonStatus[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = statusSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
