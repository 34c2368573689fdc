import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type PollRequest, type PollResult } from '../../src/main/core/connectors/connector';
import { aStream, createHarness, seededRandom, statesOf, type FakeClock } from './fakes';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0)) await stop();
});
function harness(...args: Parameters<typeof createHarness>) {
  const h = createHarness(...args);
  cleanup.push(() => h.poller.stop());
  return h;
}

const skyStream = (id: string, accountId: string, intervalMs = 30_000) =>
  aStream(id, { network: 'bluesky', kind: 'home', query: null, accountId }, { intervalMs });

describe('Retry-After', () => {
  it('holds every stream of the host until the wait is over, and only that host', async () => {
    const h = harness([skyStream('a1', 'acc', 30_000), skyStream('a2', 'acc', 45_000), aStream('f1')]);
    let rateLimitedAt = 0;
    h.connectors.bluesky.behave = (request) => {
      if (request.stream.id === 'a1' && h.connectors.bluesky.callsFor('a1').length === 2) {
        rateLimitedAt = h.clock.wall;
        throw new ConnectorError('rate_limited', 'HTTP 429', { status: 429, retryAfterMs: 120_000 });
      }
      return h.connectors.bluesky.page(request);
    };
    h.poller.start();
    await h.clock.advance(40_000);
    expect(h.poller.getStatus('a1')).toMatchObject({ state: 'rate_limited', rateLimitedUntil: rateLimitedAt + 120_000, nextPollAt: rateLimitedAt + 120_000, lastError: { kind: 'rate_limited' } });
    // a2 itself did nothing wrong, but shares the account's budget.
    expect(h.poller.getStatus('a2')).toMatchObject({ state: 'rate_limited', rateLimitedUntil: rateLimitedAt + 120_000, nextPollAt: rateLimitedAt + 120_000, lastError: null });
    expect(h.poller.getStatus('f1')!.state).toBe('idle');

    await h.clock.advance(149_999 - 40_000);
    expect(h.connectors.bluesky.timesFor('a1', h.origin)).toEqual([0, 30_000]);
    expect(h.connectors.bluesky.timesFor('a2', h.origin)).toEqual([0]);
    expect(h.connectors.feed.timesFor('f1', h.origin)).toEqual([0, 60_000, 120_000]);

    await h.clock.advance(1);
    expect(h.connectors.bluesky.timesFor('a1', h.origin)).toEqual([0, 30_000, 150_000]);
    expect(h.connectors.bluesky.timesFor('a2', h.origin)).toEqual([0, 150_000]);
    await h.clock.advance(0);
    expect(h.poller.getStatus('a1')).toMatchObject({ state: 'idle', rateLimitedUntil: null, lastError: null });
    expect(statesOf(h.reported, 'a2')).toEqual(['polling', 'idle', 'rate_limited', 'polling', 'idle']);
  });

  it('waits a default minute on a 429 without Retry-After', async () => {
    const h = harness([skyStream('a1', 'acc')]);
    h.connectors.bluesky.behave = () => {
      throw new ConnectorError('rate_limited', 'HTTP 429', { status: 429 });
    };
    h.poller.start();
    await h.clock.advance(60_000);
    expect(h.connectors.bluesky.timesFor('a1', h.origin)).toEqual([0, 60_000]);
  });

  it('treats an exhausted rate-limit window (remaining 0) as a wait for the host until it resets', async () => {
    const h = harness([skyStream('a1', 'acc'), skyStream('a2', 'acc', 40_000)]);
    h.connectors.bluesky.behave = (request) => {
      const result = h.connectors.bluesky.page(request);
      if (request.stream.id !== 'a1') return result;
      return { ...result, rateLimit: { limit: 300, remaining: 0, resetAt: new Date(h.clock.wall + 300_000).toISOString() } };
    };
    h.poller.start();
    await h.clock.advance(299_999);
    expect(h.connectors.bluesky.calls).toHaveLength(2);
    expect(h.poller.getStatus('a2')).toMatchObject({ state: 'rate_limited', rateLimitedUntil: h.clock.wall + 1 });
    await h.clock.advance(1);
    expect(h.connectors.bluesky.timesFor('a1', h.origin)).toEqual([0, 300_000]);
    expect(h.connectors.bluesky.timesFor('a2', h.origin)).toEqual([0, 300_000]);
  });
});

/** Every poll takes `ms` of fake time. */
function slow(clock: FakeClock, inner: (request: PollRequest) => PollResult, ms: number) {
  return (request: PollRequest) => new Promise<PollResult>((resolve) => clock.setTimeout(() => resolve(inner(request)), ms));
}

describe('concurrency limits', () => {
  it('never runs more than 4 polls at once, nor more than 2 per host, and still polls everyone', async () => {
    const streams = Array.from({ length: 12 }, (_, i) => skyStream(`s${i}`, `acc${i % 3}`));
    const h = harness(streams, { random: seededRandom(3) });
    h.connectors.bluesky.behave = slow(h.clock, (r) => h.connectors.bluesky.page(r), 7_000);
    h.poller.start();
    await h.clock.advance(0);
    expect(h.connectors.bluesky.active).toBe(4);
    const waiting = [...h.poller.statuses().values()].filter((s) => s.state === 'waiting');
    expect(waiting).toHaveLength(8);
    await h.clock.advance(30 * 60_000);
    expect(h.connectors.bluesky.maxActive).toBe(4);
    expect(h.connectors.bluesky.maxActivePerHost).toBe(2);
    for (const stream of streams) expect(h.connectors.bluesky.callsFor(stream.spec.id).length).toBeGreaterThan(20);
  });

  it('honours configured limits', async () => {
    const streams = Array.from({ length: 9 }, (_, i) => aStream(`f${i}`, { query: `https://host${i % 3}.example.org/${i}.xml` }));
    const h = harness(streams, { options: { maxConcurrent: 3, maxPerHost: 1 } });
    h.connectors.feed.behave = slow(h.clock, (r) => h.connectors.feed.page(r), 2_000);
    h.poller.start();
    await h.clock.advance(10 * 60_000);
    expect(h.connectors.feed.maxActive).toBe(3);
    expect(h.connectors.feed.maxActivePerHost).toBe(1);
    // All nine got through their first poll within three rounds of 2 s.
    for (const stream of streams) expect(h.connectors.feed.timesFor(stream.spec.id, h.origin)[0]).toBeLessThanOrEqual(4_000);
  });
});
