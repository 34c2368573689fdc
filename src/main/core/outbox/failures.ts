import { ConnectorError } from '../connectors/connector';
import type { OutboxError } from './outboxRepository';

/**
 * The reasons an entry can carry (`OutboxEntry.error.code`). Transient ones are retried on their
 * own a few times and keep the reason visible while the entry waits; once the retries are spent,
 * or at once for the permanent ones, the entry is 'failed' and waits for outbox.retry / edit.
 */
export const OUTBOX_ERROR_CODES = {
  offline: 'transient',
  unreachable: 'transient',
  timeout: 'transient',
  rate_limited: 'transient',
  server_error: 'transient',
  unexpected_answer: 'transient',
  rejected: 'permanent',
  not_found: 'permanent',
  reconnect_needed: 'permanent',
  no_account: 'permanent',
  not_supported: 'permanent',
  internal: 'permanent',
  /** Due longer ago than the workspace's lateness limit when it could have gone out: waits for the user. */
  too_late: 'permanent',
} as const;
export type OutboxErrorCode = keyof typeof OUTBOX_ERROR_CODES;

export interface RetryPolicy {
  /** Automatic attempts after the first one, for transient failures. */
  maxRetries: number;
  /** Backoff: base * 2^(n-1), capped, with up to 20 % jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Five tries within about two and a half minutes: long enough to ride out a server restart or a
 * short rate limit, far inside Mastodon's one-hour Idempotency-Key window, so an automatic
 * repeat can never post twice.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 4, baseDelayMs: 10_000, maxDelayMs: 60_000 };

export type FailureOutcome =
  /** Offline: back to 'scheduled', due now; publishing resumes when the network is back. */
  | { kind: 'wait_online'; error: OutboxError }
  | { kind: 'retry'; delayMs: number; error: OutboxError }
  | { kind: 'fail'; error: OutboxError; reconnect: boolean };

/**
 * What to do after an attempt failed. `failures` counts this failure too (1 for the first one).
 * Network kinds: unreachable while the Connectivity says offline waits without counting;
 * timeouts, rate limits, 5xx and answers we could not read are transient (the post may even have
 * gone out; the repeat uses the same idempotency key); every other 4xx means the network refused
 * this post and a repeat would be refused too; lost credentials need the user.
 */
export function classifyFailure(error: unknown, context: { online: boolean; failures: number; policy: RetryPolicy; random?: () => number }): FailureOutcome {
  const { policy } = context;
  const transient = (code: OutboxErrorCode, message: string, retryAfterMs?: number): FailureOutcome => {
    if (context.failures > policy.maxRetries) {
      return { kind: 'fail', reconnect: false, error: { code, message: `${message} (gave up after ${context.failures} attempts)` } };
    }
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (context.failures - 1));
    const jittered = backoff * (1 + 0.2 * (context.random ?? Math.random)());
    return { kind: 'retry', delayMs: Math.round(Math.max(jittered, retryAfterMs ?? 0)), error: { code, message } };
  };

  if (!(error instanceof ConnectorError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'fail', reconnect: false, error: { code: 'internal', message: `Publishing failed unexpectedly: ${message}` } };
  }
  const status = error.details.status;
  switch (error.kind) {
    case 'network':
      if (!context.online) return { kind: 'wait_online', error: { code: 'offline', message: 'Offline: the post goes out when the network is back.' } };
      return transient('unreachable', error.message);
    case 'timeout':
      return transient('timeout', error.message);
    case 'rate_limited':
      return transient('rate_limited', error.message, error.details.retryAfterMs);
    case 'parse':
      return transient('unexpected_answer', error.message);
    case 'auth':
      return { kind: 'fail', reconnect: true, error: { code: 'reconnect_needed', message: error.message } };
    case 'not_found':
      return { kind: 'fail', reconnect: false, error: { code: 'not_found', message: error.message } };
    case 'http':
      if (status === undefined || status >= 500 || status === 408) return transient('server_error', error.message);
      return { kind: 'fail', reconnect: false, error: { code: 'rejected', message: error.message } };
  }
}
