import type { RateLimitState } from './connector';

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 10.2.3).
 * Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date always names its month; without this, Date.parse reads "-5" as a year.
  if (!/[A-Za-z]{3}/.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

type HeaderSource = { get(name: string): string | null };

/**
 * Reads the rate-limit headers networks send: X-RateLimit-* (Mastodon: reset as ISO 8601),
 * RateLimit-* (Bluesky's PDS and the IETF draft: reset as epoch seconds or delta seconds).
 */
export function readRateLimit(headers: HeaderSource, now: Date = new Date()): RateLimitState | undefined {
  const pick = (...names: string[]) => names.map((n) => headers.get(n)).find((v) => v !== null && v !== undefined) ?? null;
  const limit = toInt(pick('x-ratelimit-limit', 'ratelimit-limit'));
  const remaining = toInt(pick('x-ratelimit-remaining', 'ratelimit-remaining'));
  const reset = pick('x-ratelimit-reset', 'ratelimit-reset');
  if (limit === null && remaining === null && reset === null) return undefined;
  return { limit, remaining, resetAt: toResetAt(reset, now) };
}

function toInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

function toResetAt(value: string | null, now: Date): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    // Epoch seconds are large; small numbers are seconds from now.
    return new Date(n > 1_000_000_000 ? n * 1000 : now.getTime() + n * 1000).toISOString();
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : new Date(date).toISOString();
}
