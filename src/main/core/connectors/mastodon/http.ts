import { ConnectorError } from '../connector';
import { parseRetryAfter } from '../httpLimits';

/**
 * One request to a Mastodon instance with plain fetch. Why not masto's REST client: measured here
 * (masto 8.0), a non-JSON error answer (an HTML 429 or 503 from the proxy in front of most
 * instances) loses its status and Retry-After (masto throws a TypeError or "unknown encoding"),
 * a hashtag with a leading "#" silently becomes a URL fragment, the PKCE `code_verifier` is not in
 * its token types, and a list call drops the per-call AbortSignal. We read a handful of fields,
 * checked with zod (schemas.ts), and need status and headers on every answer.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export interface MastodonRequest {
  instanceUrl: string;
  path: string;
  method?: 'GET' | 'POST';
  query?: Record<string, QueryValue>;
  /** Sent as JSON, which every endpoint we use documents (but media uploads: see `form`). */
  body?: Record<string, unknown>;
  /** Sent as multipart/form-data (media uploads); fetch sets the boundary. */
  form?: FormData;
  /** Extra request headers, such as Idempotency-Key. */
  headers?: Record<string, string>;
  accessToken?: string | null;
  /** The caller's signal (a poll's); aborting it ends the request at once. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface MastodonResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

/** Performs the request; any answer but 2xx with JSON becomes a ConnectorError. */
export async function mastodonRequest(request: MastodonRequest): Promise<MastodonResponse> {
  const url = buildUrl(request.instanceUrl, request.path, request.query);
  const host = url.host;
  const timeoutMs = request.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  if (request.body) headers['content-type'] = 'application/json';

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: request.form ?? (request.body ? JSON.stringify(request.body) : undefined),
      signal,
      // A POST must not be replayed as a GET by a redirect; an API GET may follow one (http -> https).
      redirect: request.method === 'POST' ? 'error' : 'follow',
    });
    text = await response.text();
  } catch (cause) {
    throw failure(cause, request.signal, timeout, host, timeoutMs);
  }

  if (response.status < 200 || response.status > 299) throw statusError(response, text, host);
  try {
    return { status: response.status, headers: response.headers, json: JSON.parse(text) as unknown };
  } catch (cause) {
    throw new ConnectorError('parse', `${host} answered ${response.status} without JSON`, { status: response.status, cause });
  }
}

export function buildUrl(instanceUrl: string, path: string, query: Record<string, QueryValue> = {}): URL {
  const url = new URL(path, instanceUrl);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // Rails reads arrays only as `name[]=a&name[]=b`.
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(`${name}[]`, v);
    else url.searchParams.set(name, String(value));
  }
  return url;
}

function failure(cause: unknown, outer: AbortSignal | undefined, timeout: AbortSignal, host: string, timeoutMs: number): ConnectorError {
  if (cause instanceof ConnectorError) return cause;
  if (outer?.aborted) {
    const reason: unknown = outer.reason;
    const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
    return new ConnectorError(timedOut ? 'timeout' : 'network', `request to ${host} ${timedOut ? 'timed out' : 'was aborted'}`, { cause: reason });
  }
  if (timeout.aborted) return new ConnectorError('timeout', `no answer from ${host} within ${timeoutMs} ms`, { cause });
  const message = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return new ConnectorError('network', `cannot reach ${host}: ${message}`, { cause });
}

function statusError(response: Response, text: string, host: string): ConnectorError {
  const status = response.status;
  const said = serverMessage(text);
  const retryAfterMs = retryAfter(response.headers, status === 429);
  const details = { status, ...(retryAfterMs !== null ? { retryAfterMs } : {}) };
  const suffix = said ? `: ${said}` : '';
  if (status === 401) return new ConnectorError('auth', `${host} rejected the access token; reconnect the account${suffix}`, details);
  // Mastodon's 403s for a token are a missing scope, a disabled or suspended login: all need the user.
  if (status === 403) return new ConnectorError('auth', `${host} refused access (403)${suffix}`, details);
  if (status === 404 || status === 410) return new ConnectorError('not_found', `${host}: not found (${status})${suffix}`, details);
  if (status === 429) return new ConnectorError('rate_limited', `${host} is rate limiting us${suffix}`, details);
  return new ConnectorError('http', `${host} answered ${status}${suffix}`, details);
}

/**
 * Retry-After first. Mastodon's own throttle answer may only carry X-RateLimit-Reset; that header
 * is on every answer, so it only says when to retry on a 429.
 */
function retryAfter(headers: Headers, throttled: boolean): number | null {
  const fromHeader = parseRetryAfter(headers.get('retry-after'));
  if (fromHeader !== null || !throttled) return fromHeader;
  const reset = headers.get('x-ratelimit-reset');
  const at = reset ? Date.parse(reset) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Mastodon errors are `{ "error": "..." }`; a proxy's HTML page says nothing useful. */
function serverMessage(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const parts = [body.error, body.error_description].filter((p): p is string => typeof p === 'string' && p.length > 0);
    return parts.length ? parts.join(' - ').slice(0, 300) : null;
  } catch {
    return null;
  }
}
