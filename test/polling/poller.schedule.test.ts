import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/main/core/connectors/connector';
import { aStream, createHarness, seededRandom, statesOf } from './fakes';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0)) await stop();
});
function harness(...args: Parameters<typeof createHarness>) {
  const h = createHarness(...args);
  cleanup.push(() => h.poller.stop());
  return h;
}

describe('interval and jitter', () => {
  it('polls at once on start, then every interval minus up to 10%', async () => {
    const h = harness([aStream('s1')], { random: () => 0 });
    h.poller.start();
    await h.clock.advance(53_999);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0]);
    await h.clock.advance(1);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0, 54_000]);
  });

  it('polls at most 10% later than the interval', async () => {
    const h = harness([aStream('s1')], { random: () => 0.999_999_9 });
    h.poller.start();
    await h.clock.advance(65_999);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0]);
    await h.clock.advance(1);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0, 66_000]);
  });

  it('keeps every gap within ±10%, spreads streams apart, and uses per-network defaults', async () => {
    const random = seededRandom(7);
    const h = harness(
      [aStream('a'), aStream('b'), aStream('sky', { network: 'bluesky', kind: 'home', query: null, accountId: 'acc' }, { intervalMs: null })],
      { random },
    );
    h.poller.start();
    await h.clock.advance(60 * 60_000);
    const gaps = (id: string, network: 'feed' | 'bluesky' = 'feed') => {
      const times = h.connectors[network].timesFor(id, h.origin);
      return times.slice(1).map((t, i) => t - times[i]!);
    };
    for (const gap of [...gaps('a'), ...gaps('b')]) {
      expect(gap).toBeGreaterThanOrEqual(54_000);
      expect(gap).toBeLessThanOrEqual(66_000);
    }
    for (const gap of gaps('sky', 'bluesky')) {
      expect(gap).toBeGreaterThanOrEqual(27_000);
      expect(gap).toBeLessThanOrEqual(33_000);
    }
    expect(gaps('sky', 'bluesky').length).toBeGreaterThan(100);
    // Two streams that started together no longer poll in the same second.
    const a = h.connectors.feed.timesFor('a', h.origin);
    const b = h.connectors.feed.timesFor('b', h.origin);
    expect(Math.abs(a.at(-1)! - b.at(-1)!)).toBeGreaterThan(1_000);
  });

  it('reports the next poll time in the status', async () => {
    const h = harness([aStream('s1')], { random: () => 0.5 });
    h.poller.start();
    await h.clock.advance(0);
    expect(h.poller.getStatus('s1')).toMatchObject({ state: 'idle', lastPollAt: h.clock.wall, lastSuccessAt: h.clock.wall, nextPollAt: h.clock.wall + 60_000, lastError: null });
    expect(statesOf(h.reported, 's1')).toEqual(['polling', 'idle']);
    expect(h.store.statuses.at(-1)).toMatchObject({ streamId: 's1', status: { state: 'idle' } });
  });
});

describe('backoff', () => {
  it('doubles from 30 s to a cap of 30 min and resets on success', async () => {
    const h = harness([aStream('s1')], { options: { graceMs: 0 } });
    h.connectors.feed.behave = () => {
      throw new ConnectorError('http', 'HTTP 503', { status: 503 });
    };
    h.poller.start();
    await h.clock.advance(0);
    expect(h.poller.getStatus('s1')).toMatchObject({ state: 'backoff', lastError: { kind: 'http', message: 'HTTP 503' }, nextPollAt: h.clock.wall + 30_000 });
    await h.clock.advance(30_000 + 60_000 + 120_000 + 240_000 + 480_000 + 960_000 + 1_800_000 + 1_800_000);
    const times = h.connectors.feed.timesFor('s1', h.origin);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000]);

    h.connectors.feed.behave = null;
    await h.clock.advance(1_800_000);
    expect(h.poller.getStatus('s1')).toMatchObject({ state: 'idle', lastError: null });
    await h.clock.advance(60_000);
    expect(h.connectors.feed.timesFor('s1', h.origin).length).toBe(times.length + 2);

    // After the reset, the next failure starts again at 30 s.
    h.connectors.feed.behave = () => {
      throw new ConnectorError('http', 'HTTP 500', { status: 500 });
    };
    await h.clock.advance(60_000);
    const before = h.connectors.feed.timesFor('s1', h.origin).length;
    await h.clock.advance(30_000);
    expect(h.connectors.feed.timesFor('s1', h.origin).length).toBe(before + 1);
  });

  it('backs off longer on not_found and reports failed', async () => {
    const h = harness([aStream('gone')]);
    h.connectors.feed.behave = () => {
      throw new ConnectorError('not_found', 'HTTP 404', { status: 404 });
    };
    h.poller.start();
    await h.clock.advance(0);
    expect(h.poller.getStatus('gone')).toMatchObject({ state: 'failed', lastError: { kind: 'not_found' }, nextPollAt: h.clock.wall + 10 * 60_000 });
    await h.clock.advance(30 * 60_000);
    expect(h.connectors.feed.timesFor('gone', h.origin)).toEqual([0, 10 * 60_000, 30 * 60_000]);
  });

  it('retries network errors quickly, without backoff, just after start (the network may still be coming up)', async () => {
    const h = harness([aStream('s1')]);
    h.connectors.feed.behave = () => {
      throw new ConnectorError('network', 'ECONNREFUSED');
    };
    h.poller.start();
    await h.clock.advance(20_000);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0, 5_000, 10_000, 15_000, 20_000]);
    // From 30 s after start the normal backoff applies: 30 s, then 60 s.
    await h.clock.advance(100_000);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 60_000, 120_000]);
    expect(h.poller.getStatus('s1')).toMatchObject({ state: 'backoff', lastError: { kind: 'network' } });
  });
});

describe('more=true', () => {
  it('polls again after 1 s until caught up, then returns to the interval', async () => {
    const h = harness([aStream('s1')], { options: { maxItemsPerPoll: 100 } });
    h.connectors.feed.publish('s1', 350);
    h.poller.start();
    await h.clock.advance(59_000);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0, 1_000, 2_000, 3_000]);
    expect(h.store.deliveredTo('s1')).toHaveLength(350);
    expect(new Set(h.store.deliveredTo('s1')).size).toBe(350);
    expect(h.store.streams.get('s1')!.cursor).toEqual({ seen: 350 });
    await h.clock.advance(4_000);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0, 1_000, 2_000, 3_000, 63_000]);
    expect(h.itemsStored.filter((r) => r.streamId === 's1').map((r) => r.count)).toEqual([100, 100, 100, 50]);
  });

  it('falls back to the interval when a connector never says it is done', async () => {
    const h = harness([aStream('s1')], { options: { maxMorePages: 3 } });
    h.connectors.feed.behave = () => ({ items: [], cursor: { seen: 0 }, more: true });
    h.poller.start();
    await h.clock.advance(10_000);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0, 1_000, 2_000, 3_000]);
    expect(h.warnings.some((w) => w.includes('page limit'))).toBe(true);
  });
});

describe('refresh, pause, reload', () => {
  it('refresh polls now, also out of backoff, but not a stream needing reconnection', async () => {
    const h = harness([aStream('s1'), aStream('a1', { network: 'bluesky', kind: 'home', query: null, accountId: 'acc' })]);
    h.poller.start();
    await h.clock.advance(10_000);
    expect(h.poller.refresh('s1')).toBe(true);
    await h.clock.advance(0);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([0, 10_000]);
    expect(h.poller.getStatus('s1')!.nextPollAt).toBe(h.clock.wall + 60_000);

    h.connectors.bluesky.behave = () => {
      throw new ConnectorError('auth', 'ExpiredToken');
    };
    h.poller.refresh('a1');
    await h.clock.advance(0);
    expect(h.poller.refresh('a1')).toBe(false);
    expect(h.poller.refresh('nope')).toBe(false);
  });

  it('does not poll a paused stream; unpausing polls it now', async () => {
    const h = harness([aStream('s1', {}, { paused: true })]);
    h.poller.start();
    await h.clock.advance(5 * 60_000);
    expect(h.connectors.feed.calls).toHaveLength(0);
    expect(h.poller.getStatus('s1')).toMatchObject({ state: 'paused', nextPollAt: null });
    h.poller.update(aStream('s1'));
    await h.clock.advance(0);
    expect(h.connectors.feed.timesFor('s1', h.origin)).toEqual([5 * 60_000]);
  });

  it('reload adds new streams and drops removed ones', async () => {
    const h = harness([aStream('s1'), aStream('s2')]);
    h.poller.start();
    await h.clock.advance(1_000);
    h.store.streams.delete('s2');
    h.store.streams.set('s3', aStream('s3'));
    h.poller.reload();
    await h.clock.advance(119_000);
    expect(h.poller.getStatus('s2')).toBeNull();
    expect(h.connectors.feed.timesFor('s2', h.origin)).toEqual([0]);
    expect(h.connectors.feed.timesFor('s3', h.origin)).toEqual([1_000, 61_000]);
    expect([...h.poller.statuses().keys()].sort()).toEqual(['s1', 's3']);
  });
});
