import { ConnectorError, type RateLimitState } from '../connector';
import { parseRetryAfter, readRateLimit } from '../httpLimits';
import { httpUrl } from './feedValues';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

/** Feed formats first, then generic XML; HTML last so feed discovery can ask with the same header. */
export const FEED_ACCEPT =
  'application/feed+json, application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/json;q=0.8, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

export function feedUserAgent(appVersion: string): string {
  return `Leitstand/${appVersion} (+feed reader)`;
}

export interface FetchFeedOptions {
  userAgent: string;
  /** The poll's signal: shutdown, stream removed, the poller's own deadline. */
  signal?: AbortSignal;
  /** The longest the whole exchange may take, redirects and body included. */
  timeoutMs?: number;
  /** Bodies above this (after decompression) are refused, not buffered. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Validators from the last 200, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  now?: () => Date;
}

interface FetchedCommon {
  /** The URL that finally answered. */
  url: string;
  /**
   * Where the feed lives now when every redirect from the requested URL was permanent
   * (301/308): poll there next time. Null when there was no such move.
   */
  permanentUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  rateLimit?: RateLimitState;
}

export type FetchedFeed =
  | (FetchedCommon & { status: 'not_modified' })
  | (FetchedCommon & { status: 'ok'; body: Uint8Array; contentType: string | null });

/**
 * One GET of a feed or page with everything a well-behaved reader does: conditional request,
 * redirects followed by hand (to cap them, refuse non-http targets and notice permanent moves),
 * compressed transfer (fetch decodes gzip, deflate and br), one deadline for the whole
 * exchange and a size cap enforced while reading. Every failure is a ConnectorError.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchedFeed> {
  const start = httpUrl(url);
  if (!start) throw new ConnectorError('not_found', `Not a web address Leitstand can fetch (http or https): ${JSON.stringify(url)}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: options.accept ?? FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;

  let current = start;
  let permanentUrl: string | null = null;
  let allPermanent = true;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, { headers, redirect: 'manual', signal });
      const common = (): FetchedCommon => ({
        url: current,
        permanentUrl,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        rateLimit: readRateLimit(response.headers, options.now?.()),
      });

      if (REDIRECTS.has(response.status)) {
        await discard(response);
        if (redirects >= (options.maxRedirects ?? DEFAULT_MAX_REDIRECTS)) {
          throw new ConnectorError('http', `Too many redirects (more than ${options.maxRedirects ?? DEFAULT_MAX_REDIRECTS}) from ${start}.`, { status: response.status });
        }
        const location = response.headers.get('location');
        const next = location ? httpUrl(location, current) : null;
        if (!next) {
          throw new ConnectorError('http', `Redirect ${response.status} to ${location ? JSON.stringify(location) : 'nowhere'}, which is not an http(s) address.`, { status: response.status });
        }
        allPermanent &&= response.status === 301 || response.status === 308;
        if (allPermanent) permanentUrl = next;
        current = next;
        continue;
      }
      if (response.status === 304) {
        await discard(response);
        return { status: 'not_modified', ...common() };
      }
      if (!response.ok) {
        await discard(response);
        throw statusError(response, options.now?.() ?? new Date());
      }
      const body = await readCapped(response, options.maxBytes ?? DEFAULT_MAX_BYTES);
      return { status: 'ok', ...common(), body, contentType: response.headers.get('content-type') };
    }
  } catch (error) {
    throw asConnectorError(error, { deadline, timeoutMs, url: current, callerSignal: options.signal });
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** An HTTP error status as the kind the poller acts on. */
function statusError(response: Response, now: Date): ConnectorError {
  const status = response.status;
  const label = `${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now) ?? undefined;
  if (status === 404 || status === 410) return new ConnectorError('not_found', `The feed is not there (${label}).`, { status });
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    return new ConnectorError('rate_limited', `The server asks to slow down (${label}).`, { status, retryAfterMs });
  }
  // Feeds poll without an account, so 401/403 cannot mean "reconnect the account": they say
  // the feed is private or the server blocks readers, which the column shows as an HTTP error.
  if (status === 401 || status === 403) return new ConnectorError('http', `The server refuses to serve the feed (${label}).`, { status });
  return new ConnectorError('http', `The server answered ${label}.`, { status, retryAfterMs });
}

/** The body, refused as soon as it exceeds maxBytes so a huge or endless answer never fills memory. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new ConnectorError('parse', `The feed is larger than ${formatBytes(maxBytes)}; Leitstand does not read it.`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(response);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Frees the connection of a response whose body is not wanted. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

interface FailureContext {
  deadline: AbortSignal;
  timeoutMs: number;
  url: string;
  callerSignal: AbortSignal | undefined;
}

function asConnectorError(error: unknown, context: FailureContext): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (context.deadline.aborted) {
    return new ConnectorError('timeout', `No complete answer from ${hostOf(context.url)} within ${context.timeoutMs / 1000} s.`, { cause: error });
  }
  if (context.callerSignal?.aborted) {
    return new ConnectorError('timeout', `The poll of ${hostOf(context.url)} was cancelled.`, { cause: context.callerSignal.reason ?? error });
  }
  const cause = (error as { cause?: unknown } | null)?.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  // zlib (Z_DATA_ERROR ...) and brotli (ERR__ERROR_FORMAT_...) failures surface as a terminated body.
  if (/^(?:Z_|ERR__ERROR_)/.test(code ?? '') || /decompress|incorrect header check/i.test(String(cause?.message ?? ''))) {
    return new ConnectorError('parse', `The compressed answer from ${hostOf(context.url)} is corrupt.`, { cause: error });
  }
  const detail = code ?? (typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error));
  return new ConnectorError('network', `Cannot reach ${hostOf(context.url)} (${detail}).`, { cause: error });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
