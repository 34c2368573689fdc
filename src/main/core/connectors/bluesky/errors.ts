import { XRPCError } from '@atproto/api';
import { ConnectorError } from '../connector';
import { parseRetryAfter, readRateLimit } from '../httpLimits';

/** XRPC error names that mean the credentials are gone for good: the user must reconnect. */
const AUTH_ERRORS = new Set([
  'AuthenticationRequired', // createSession: wrong identifier or (revoked) app password
  'InvalidToken',
  'AccountTakedown',
  'AccountDeactivated',
  'AccountNotFound',
  'InvalidDID',
]);

/** XRPC error names for a stream whose subject does not exist (any more). */
const NOT_FOUND_ERRORS = new Set(['NotFound', 'UnknownFeed', 'UnknownList', 'ActorNotFound', 'ProfileNotFound', 'RecordNotFound', 'BlockedActor', 'BlockedByActor']);

/** Response headers as @atproto/xrpc hands them over (lower-case names). */
export type HeaderMap = Record<string, string | undefined>;

export const headerSource = (headers: HeaderMap | undefined) => ({
  get: (name: string) => headers?.[name.toLowerCase()] ?? null,
});

/** How long a 429 asks us to wait: Retry-After, else the RateLimit-Reset time; null if neither. */
export function retryAfterMs(headers: HeaderMap | undefined, now = new Date()): number | null {
  const source = headerSource(headers);
  const explicit = parseRetryAfter(source.get('retry-after'), now);
  if (explicit !== null) return explicit;
  const resetAt = readRateLimit(source, now)?.resetAt;
  return resetAt ? Math.max(0, Date.parse(resetAt) - now.getTime()) : null;
}

export interface ErrorContext {
  signal?: AbortSignal;
  /** True when the session manager gave up on the session (refresh rejected): reconnect needed. */
  sessionLost?: boolean;
}

/**
 * Any failure of an @atproto/api call as a ConnectorError the poller can act on. Why the
 * ExpiredToken case depends on `sessionLost`: @atproto/api refreshes on ExpiredToken by itself
 * and only hands the ExpiredToken answer back when that refresh failed; if the refresh token
 * was rejected the session is lost ('auth'), otherwise the refresh hit a transient failure and
 * the session is still good ('network': try again later).
 */
export function toConnectorError(error: unknown, context: ErrorContext = {}): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (context.signal?.aborted) {
    const reason = context.signal.reason as { name?: string } | undefined;
    return new ConnectorError('timeout', reason?.name === 'TimeoutError' ? 'Bluesky did not answer in time.' : 'The request to Bluesky was cancelled.', { cause: error });
  }
  if (context.sessionLost) {
    return new ConnectorError('auth', 'The Bluesky session has expired or the app password was revoked: reconnect the account.', { cause: error });
  }
  if (!(error instanceof XRPCError)) {
    return looksLikeNetwork(error)
      ? new ConnectorError('network', `Bluesky could not be reached: ${messageOf(error)}`, { cause: error })
      : new ConnectorError('http', `Unexpected failure talking to Bluesky: ${messageOf(error)}`, { cause: error });
  }

  const status = error.status;
  const name = error.error ?? '';
  const detail = error.message ? `: ${error.message}` : '';
  if (status === 429) {
    const wait = retryAfterMs(error.headers);
    return new ConnectorError('rate_limited', `Bluesky rate limit reached${detail}`, { status, cause: error, ...(wait !== null ? { retryAfterMs: wait } : {}) });
  }
  if (name === 'ExpiredToken') return new ConnectorError('network', `Bluesky session could not be refreshed just now${detail}`, { status, cause: error });
  if (status === 401 || AUTH_ERRORS.has(name)) {
    return new ConnectorError('auth', `Bluesky refused the credentials (${name || status})${detail}`, { status, cause: error });
  }
  if (NOT_FOUND_ERRORS.has(name) || /not found/i.test(error.message)) {
    return new ConnectorError('not_found', `Not found on Bluesky (${name || status})${detail}`, { status, cause: error });
  }
  // ResponseType.Unknown (1): no answer at all; InvalidResponse (2): an answer off the lexicon.
  if (status === 1) return new ConnectorError('network', `Bluesky could not be reached${detail}`, { cause: error });
  if (status === 2) return new ConnectorError('parse', `Bluesky answered with something unexpected${detail}`, { cause: error });
  return new ConnectorError('http', `Bluesky answered ${status} ${name}${detail}`, { status, cause: error });
}

/** fetch() fails with a TypeError whose cause carries the socket error code. */
function looksLikeNetwork(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return (error.name === 'TypeError' && /fetch failed/i.test(error.message)) || (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code));
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
