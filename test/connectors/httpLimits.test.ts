import { describe, expect, it } from 'vitest';
import { parseRetryAfter, readRateLimit } from '../../src/main/core/connectors/httpLimits';

const now = new Date('2026-11-22T12:00:00Z');

describe('Retry-After', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sun, 22 Nov 2026 12:01:30 GMT', 90_000],
    ['Sun, 22 Nov 2026 11:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['', null],
    [null, null],
  ])('%j waits %j ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('rate-limit headers', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('reads Mastodon X-RateLimit-* with an ISO reset', () => {
    expect(
      readRateLimit(headers({ 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '12', 'X-RateLimit-Reset': '2026-11-22T12:05:00.000Z' }), now),
    ).toEqual({ limit: 300, remaining: 12, resetAt: '2026-11-22T12:05:00.000Z' });
  });

  it('reads RateLimit-* with epoch-seconds and delta-seconds resets', () => {
    const epoch = Math.floor(now.getTime() / 1000) + 60;
    expect(readRateLimit(headers({ 'RateLimit-Limit': '3000', 'RateLimit-Remaining': '0', 'RateLimit-Reset': String(epoch) }), now)).toEqual({
      limit: 3000,
      remaining: 0,
      resetAt: '2026-11-22T12:01:00.000Z',
    });
    expect(readRateLimit(headers({ 'RateLimit-Reset': '30' }), now)?.resetAt).toBe('2026-11-22T12:00:30.000Z');
  });

  it('says nothing when the server says nothing', () => {
    expect(readRateLimit(headers({ 'Content-Type': 'application/json' }), now)).toBeUndefined();
  });
});
