import { describe, expect, it } from 'vitest';
import { defaultHostKey, HostLimits } from '../../src/main/core/polling/hostLimits';
import { classifyFailure } from '../../src/main/core/polling/errors';
import { ConnectorError } from '../../src/main/core/connectors/connector';

describe('host keys', () => {
  it('groups by account, else by feed host, else by network', () => {
    const spec = { id: 's', network: 'feed' as const, kind: 'feed', query: 'https://Blog.Example.org/feed.xml', accountId: null };
    expect(defaultHostKey(spec)).toBe('host:blog.example.org');
    expect(defaultHostKey({ ...spec, query: 'not a url' })).toBe('stream:s');
    expect(defaultHostKey({ ...spec, network: 'bluesky', kind: 'home', query: null, accountId: 'a1' })).toBe('account:a1');
    expect(defaultHostKey({ ...spec, network: 'mastodon', kind: 'local', query: null })).toBe('network:mastodon');
  });
});

describe('host limits', () => {
  it('counts slots and keeps the later of two waits', () => {
    const limits = new HostLimits(2);
    limits.acquire('h');
    limits.acquire('h');
    expect(limits.canStart('h')).toBe(false);
    expect(limits.canStart('other')).toBe(true);
    limits.release('h');
    expect(limits.canStart('h')).toBe(true);

    limits.block('h', 60_000, 1_000, 1_000_000);
    limits.block('h', 10_000, 1_000, 1_000_000);
    expect(limits.blockedUntil('h', 1_000)).toEqual({ untilMono: 61_000, untilWall: 1_060_000 });
    expect(limits.nextExpiry(1_000)).toBe(61_000);
    expect(limits.blockedUntil('h', 61_000)).toBeNull();
  });

  it('after a sleep, keeps what is left of a wait by the wall clock and drops what has passed', () => {
    const limits = new HostLimits(2);
    limits.block('short', 60_000, 0, 1_000_000);
    limits.block('long', 24 * 3_600_000, 0, 1_000_000);
    // 8 h of wall time, 1 s of monotonic time.
    limits.rebase(1_000, 1_000_000 + 8 * 3_600_000);
    expect(limits.blockedUntil('short', 1_000)).toBeNull();
    expect(limits.blockedUntil('long', 1_000)).toEqual({ untilMono: 1_000 + 16 * 3_600_000, untilWall: 1_000_000 + 24 * 3_600_000 });
  });
});

describe('failure classification', () => {
  it('keeps a ConnectorError as it is and recognises common foreign errors', () => {
    expect(classifyFailure(new ConnectorError('rate_limited', 'HTTP 429', { retryAfterMs: 5_000 }))).toEqual({ kind: 'rate_limited', message: 'HTTP 429', retryAfterMs: 5_000 });
    expect(classifyFailure(new SyntaxError('bad json')).kind).toBe('parse');
    expect(classifyFailure(new DOMException('The operation timed out.', 'TimeoutError')).kind).toBe('timeout');
    expect(classifyFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).kind).toBe('network');
    expect(classifyFailure('weird')).toEqual({ kind: 'http', message: 'weird', retryAfterMs: null });
    expect(classifyFailure(new Error('x'.repeat(2_000))).message.length).toBeLessThan(600);
  });
});
