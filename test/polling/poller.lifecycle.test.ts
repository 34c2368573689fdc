import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type PollRequest } from '../../src/main/core/connectors/connector';
import { PollAbort } from '../../src/main/core/polling/errors';
import type { PollerStore } from '../../src/main/core/polling/types';
import { aStream, createHarness, hangUntilAborted, statesOf } from './fakes';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0)) await stop();
});
function harness(...args: Parameters<typeof createHarness>) {
  const h = createHarness(...args);
  cleanup.push(() => h.poller.stop());
  return h;
}

const skyStream = (id: string, accountId: string) => aStream(id, { network: 'bluesky', kind: 'home', query: null, accountId }, { intervalMs: 30_000 });
const abortReason = (request: PollRequest) => (request.signal.reason as PollAbort).reason;

describe('auth', () => {
  it('stops every stream of the account as reconnect_needed until resumed; nothing is lost', async () => {
    const h = harness([skyStream('b1', 'acc'), skyStream('b2', 'acc'), skyStream('b3', 'other')]);
    h.connectors.bluesky.publish('b1', 5);
    h.poller.start();
    await h.clock.advance(0);
    expect(h.store.deliveredTo('b1')).toHaveLength(5);

    let revoked = true;
    h.connectors.bluesky.publish('b1', 3);
    h.connectors.bluesky.behave = (request) => {
      if (revoked && request.stream.accountId === 'acc') throw new ConnectorError('auth', 'Token has been revoked', { status: 401 });
      return h.connectors.bluesky.page(request);
    };
    await h.clock.advance(30_000);
    for (const id of ['b1', 'b2']) {
      expect(h.poller.getStatus(id)).toMatchObject({ state: 'reconnect_needed', nextPollAt: null, lastError: { kind: 'auth', message: 'Token has been revoked' } });
    }
    await h.clock.advance(60 * 60_000);
    // b1 and b2 both were polled at 30 s (same due time); neither after. b3 carries on.
    expect(h.connectors.bluesky.timesFor('b1', h.origin)).toEqual([0, 30_000]);
    expect(h.connectors.bluesky.timesFor('b2', h.origin)).toEqual([0, 30_000]);
    expect(h.connectors.bluesky.callsFor('b3').length).toBeGreaterThan(100);
    expect(h.poller.getStatus('b3')!.state).toBe('idle');

    revoked = false;
    h.poller.resume('b1');
    await h.clock.advance(0);
    expect(h.connectors.bluesky.callsFor('b1')).toHaveLength(3);
    expect(h.connectors.bluesky.callsFor('b1')[2]!.cursor).toEqual({ seen: 5 });
    expect(h.store.deliveredTo('b1')).toHaveLength(8);
    expect(h.poller.getStatus('b1')).toMatchObject({ state: 'idle', lastError: null });
    expect(h.poller.getStatus('b2')!.state).toBe('reconnect_needed');

    h.poller.resumeAccount('acc');
    await h.clock.advance(0);
    expect(h.connectors.bluesky.callsFor('b2')).toHaveLength(3);
    expect(h.poller.getStatus('b2')!.state).toBe('idle');
  });
});

describe('offline', () => {
  it('aborts polls in flight, commits nothing of them, starts none while offline, and polls every due stream when back', async () => {
    const streams = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'].map((id) => aStream(id));
    const h = harness(streams);
    h.poller.start();
    await h.clock.advance(0);
    const commitsBefore = h.store.commits;

    // The next round hangs; o1's connector even ignores its signal and answers later.
    h.connectors.feed.behave = (request) => {
      if (request.stream.id === 'o1') return new Promise((resolve) => h.clock.setTimeout(() => resolve(h.connectors.feed.page(request)), 5_000));
      return hangUntilAborted(request.signal);
    };
    h.connectors.feed.publish('o1', 10);
    await h.clock.advance(60_000);
    expect(h.connectors.feed.active).toBe(4);
    const inFlight = h.connectors.feed.calls.slice(-4);
    h.connectivity.set(false);
    await h.clock.advance(0);
    for (const request of inFlight) {
      expect(request.signal.aborted).toBe(true);
      expect(abortReason(request)).toBe('offline');
    }
    for (const stream of streams) expect(h.poller.getStatus(stream.spec.id)!.state).toBe('offline');

    const callsWhileOffline = h.connectors.feed.calls.length;
    await h.clock.advance(30 * 60_000);
    expect(h.connectors.feed.calls.length).toBe(callsWhileOffline);
    expect(h.store.commits).toBe(commitsBefore);
    expect(h.store.deliveredTo('o1')).toHaveLength(0);
    // Offline is not a failure: nothing backs off.
    for (const stream of streams) expect(h.poller.getStatus(stream.spec.id)!.lastError).toBeNull();

    h.connectors.feed.behave = null;
    const backOnline = h.clock.mono - h.origin;
    h.connectivity.set(true);
    await h.clock.advance(0);
    // Every stream was due: they all poll now, four at a time (the fakes answer at once).
    for (const stream of streams) expect(h.connectors.feed.timesFor(stream.spec.id, h.origin).at(-1)).toBe(backOnline);
    expect(h.connectors.feed.maxActive).toBeLessThanOrEqual(4);
    expect(h.store.deliveredTo('o1')).toHaveLength(10);
    // o5 is the fifth: it waits for a slot each time everything is due at once.
    expect(statesOf(h.reported, 'o5')).toEqual(['waiting', 'polling', 'idle', 'waiting', 'offline', 'waiting', 'polling', 'idle']);
  });

  it('does not grow the backoff for network errors caused by going offline', async () => {
    const h = harness([aStream('n1')], { options: { graceMs: 0 } });
    h.poller.start();
    await h.clock.advance(0);
    h.connectivity.onCheck = () => h.connectivity.set(false);
    h.connectors.feed.behave = () => {
      throw new ConnectorError('network', 'getaddrinfo ENOTFOUND n1.example.org');
    };
    await h.clock.advance(60_000);
    expect(h.connectivity.checks).toBe(1);
    expect(h.poller.getStatus('n1')).toMatchObject({ state: 'offline', lastError: { kind: 'network' } });
    await h.clock.advance(10 * 60_000);
    expect(h.connectors.feed.timesFor('n1', h.origin)).toEqual([0, 60_000]);

    h.connectors.feed.behave = null;
    h.connectivity.set(true);
    await h.clock.advance(0);
    expect(h.connectors.feed.timesFor('n1', h.origin)).toEqual([0, 60_000, 660_000]);
    expect(h.poller.getStatus('n1')).toMatchObject({ state: 'idle', lastError: null, nextPollAt: h.clock.wall + 60_000 });
  });

  it('after a network change also retries streams that failed with network errors before it was noticed', async () => {
    const h = harness([aStream('n1')], { options: { graceMs: 0 } });
    h.poller.start();
    await h.clock.advance(0);
    h.connectors.feed.behave = () => {
      throw new ConnectorError('timeout', 'no answer');
    };
    await h.clock.advance(60_000);
    expect(h.poller.getStatus('n1')!.state).toBe('backoff');
    h.connectors.feed.behave = null;
    h.connectivity.set(false);
    await h.clock.advance(5_000);
    h.connectivity.set(true);
    await h.clock.advance(0);
    expect(h.connectors.feed.timesFor('n1', h.origin)).toEqual([0, 60_000, 65_000]);
  });
});

describe('sleep and wall-clock jumps', () => {
  it('after 8 h of wall time in 1 s of monotonic time, every stream catches up from its cursor: nothing lost, nothing twice', async () => {
    const streams = [aStream('w1'), aStream('w2', { query: 'https://w2.example.net/atom' }, { intervalMs: 300_000 }), skyStream('w3', 'acc')];
    const h = harness(streams, { options: { maxItemsPerPoll: 100 } });
    const sources = { w1: h.connectors.feed, w2: h.connectors.feed, w3: h.connectors.bluesky } as const;
    for (const [id, connector] of Object.entries(sources)) connector.publish(id, 30);
    h.poller.start();
    // Ordinary life: a few items a minute.
    for (let minute = 0; minute < 5; minute++) {
      for (const [id, connector] of Object.entries(sources)) connector.publish(id, 3);
      await h.clock.advance(60_000);
    }
    for (const [id, connector] of Object.entries(sources)) expect(h.store.deliveredTo(id)).toHaveLength(connector.sources.get(id)!.length);

    // The lid closes: the world goes on posting, the wall clock runs, the monotonic clock and all timers stand still.
    for (const [id, connector] of Object.entries(sources)) connector.publish(id, 1_234);
    const callsBefore = Object.fromEntries(Object.entries(sources).map(([id, c]) => [id, c.callsFor(id).length]));
    const cursorsBefore = Object.fromEntries(Object.keys(sources).map((id) => [id, h.store.streams.get(id)!.cursor]));
    h.clock.jumpWall(8 * 60 * 60_000);
    await h.clock.advance(1_000);
    await h.clock.advance(1_000); // the wake check runs every 2 s
    for (const [id, connector] of Object.entries(sources)) {
      const calls = connector.callsFor(id);
      expect(calls.length).toBeGreaterThan(callsBefore[id]!);
      // The first poll after waking starts from the stored cursor.
      expect(calls[callsBefore[id]!]!.cursor).toEqual(cursorsBefore[id]);
    }
    // Catching up pages with more=true (13 pages of 100, a second apart), far sooner than any interval.
    await h.clock.advance(20_000);
    for (const [id, connector] of Object.entries(sources)) {
      const published = connector.sources.get(id)!.map((item) => item.remoteId);
      const delivered = h.store.deliveredTo(id);
      expect(delivered).toEqual(published);
      expect(new Set(delivered).size).toBe(delivered.length);
      expect(h.store.streams.get(id)!.cursor).toEqual({ seen: published.length });
      expect(h.poller.getStatus(id)).toMatchObject({ state: 'idle', lastError: null });
    }
    expect(h.connectors.feed.callsFor('w2').length - callsBefore.w2!).toBe(13);
  });

  it('a rate-limit wait that ran out during the sleep no longer holds the host back after it', async () => {
    const h = harness([skyStream('a1', 'acc'), skyStream('a2', 'acc')]);
    h.connectors.bluesky.behave = (request) => {
      if (request.stream.id === 'a1' && h.connectors.bluesky.callsFor('a1').length === 1) {
        throw new ConnectorError('rate_limited', 'HTTP 429', { status: 429, retryAfterMs: 15 * 60_000 });
      }
      return h.connectors.bluesky.page(request);
    };
    h.poller.start();
    await h.clock.advance(10_000);
    expect(h.poller.getStatus('a2')!.state).toBe('rate_limited');
    h.clock.jumpWall(8 * 60 * 60_000);
    await h.clock.advance(2_000);
    expect(h.connectors.bluesky.timesFor('a1', h.origin)).toEqual([0, 12_000]);
    expect(h.connectors.bluesky.timesFor('a2', h.origin)).toEqual([0, 12_000]);
    expect(h.poller.getStatus('a2')).toMatchObject({ state: 'idle', rateLimitedUntil: null });
  });

  it('wake() (the shell hears the OS resume) polls everything now and aborts polls that began before the sleep', async () => {
    const h = harness([aStream('w1'), aStream('w2')]);
    h.poller.start();
    await h.clock.advance(0);
    h.connectors.feed.behave = (request) => (request.stream.id === 'w1' ? hangUntilAborted(request.signal) : h.connectors.feed.page(request));
    await h.clock.advance(60_000);
    const stale = h.connectors.feed.callsFor('w1').at(-1)!;
    await h.clock.advance(10_000);
    h.connectors.feed.behave = null;
    h.poller.wake();
    await h.clock.advance(0);
    expect(abortReason(stale)).toBe('superseded');
    expect(h.connectors.feed.timesFor('w1', h.origin)).toEqual([0, 60_000, 70_000]);
    expect(h.connectors.feed.timesFor('w2', h.origin)).toEqual([0, 60_000, 70_000]);
  });
});

describe('removing and changing streams mid-flight', () => {
  it('a poll whose stream was removed commits nothing, even if the connector ignores the abort', async () => {
    const h = harness([aStream('r1'), aStream('r2')]);
    h.connectors.feed.publish('r1', 20);
    h.connectors.feed.publish('r2', 20);
    h.connectors.feed.behave = (request) => new Promise((resolve) => h.clock.setTimeout(() => resolve(h.connectors.feed.page(request)), 5_000));
    h.poller.start();
    await h.clock.advance(1_000);
    const request = h.connectors.feed.callsFor('r1')[0]!;
    h.poller.remove('r1');
    await h.clock.advance(0);
    expect(request.signal.aborted).toBe(true);
    expect(abortReason(request)).toBe('removed');
    await h.clock.advance(10 * 60_000);
    expect(h.store.deliveredTo('r1')).toEqual([]);
    expect(h.store.streams.get('r1')!.cursor).toBeNull();
    expect(h.connectors.feed.callsFor('r1')).toHaveLength(1);
    expect(h.poller.getStatus('r1')).toBeNull();
    expect(h.store.deliveredTo('r2')).toHaveLength(20);
  });

  it('a changed query aborts the poll for the old one and starts over from the given cursor', async () => {
    const h = harness([aStream('q1', { kind: 'search', query: 'old' })]);
    h.connectors.feed.behave = (request) => (request.stream.query === 'old' ? hangUntilAborted(request.signal) : h.connectors.feed.page(request));
    h.connectors.feed.publish('q1', 4);
    h.poller.start();
    await h.clock.advance(1_000);
    h.poller.update(aStream('q1', { kind: 'search', query: 'new' }));
    await h.clock.advance(0);
    expect(abortReason(h.connectors.feed.callsFor('q1')[0]!)).toBe('superseded');
    expect(h.connectors.feed.callsFor('q1').map((c) => [c.stream.query, c.cursor])).toEqual([
      ['old', null],
      ['new', null],
    ]);
    expect(h.store.deliveredTo('q1')).toHaveLength(4);
  });

  it('a spec change during an asynchronous commit keeps the new cursor', async () => {
    const h = harness([aStream('q1', { kind: 'search', query: 'old' })]);
    h.connectors.feed.publish('q1', 4);
    let finishCommit: () => void = () => {};
    const sync = h.store.commitPoll.bind(h.store);
    const store: PollerStore = h.store;
    store.commitPoll = (...args) => new Promise<number>((resolve) => (finishCommit = () => resolve(sync(...args))));
    h.poller.start();
    await h.clock.advance(0);
    h.poller.update(aStream('q1', { kind: 'search', query: 'new' }, { cursor: { seen: 2 } }));
    finishCommit();
    await h.clock.advance(0);
    finishCommit();
    await h.clock.advance(0);
    expect(h.connectors.feed.callsFor('q1').map((c) => [c.stream.query, c.cursor])).toEqual([
      ['old', null],
      ['new', { seen: 2 }],
    ]);
  });

  it('does not move the cursor when the store cannot commit; the items come again', async () => {
    const h = harness([aStream('c1')]);
    h.connectors.feed.publish('c1', 5);
    h.store.failNextCommit = new Error('SQLITE_FULL: database or disk is full');
    h.poller.start();
    await h.clock.advance(0);
    expect(h.poller.getStatus('c1')).toMatchObject({ state: 'backoff', lastError: { kind: 'store', message: 'SQLITE_FULL: database or disk is full' } });
    expect(h.store.streams.get('c1')!.cursor).toBeNull();
    await h.clock.advance(30_000);
    expect(h.connectors.feed.callsFor('c1')[1]!.cursor).toBeNull();
    expect(h.store.deliveredTo('c1')).toHaveLength(5);
    expect(h.store.streams.get('c1')!.cursor).toEqual({ seen: 5 });
  });
});

describe('a poll never crashes the poller', () => {
  it('classifies foreign errors and keeps other streams going', async () => {
    const h = harness([aStream('e1'), aStream('e2'), aStream('e3'), aStream('e4')]);
    h.connectors.feed.behave = (request) => {
      switch (request.stream.id) {
        case 'e1':
          throw new Error('boom');
        case 'e2':
          return Promise.reject(new SyntaxError('Unexpected token < in JSON at position 0'));
        case 'e3':
          return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }));
        default:
          return h.connectors.feed.page(request);
      }
    };
    h.connectors.feed.publish('e4', 2);
    h.poller.start();
    await h.clock.advance(0);
    expect(h.poller.getStatus('e1')).toMatchObject({ state: 'backoff', lastError: { kind: 'http', message: 'boom' } });
    expect(h.poller.getStatus('e2')).toMatchObject({ state: 'backoff', lastError: { kind: 'parse' } });
    expect(h.poller.getStatus('e3')!.lastError).toMatchObject({ kind: 'network', message: 'fetch failed' });
    expect(h.poller.getStatus('e4')).toMatchObject({ state: 'idle', itemsLastPoll: 2 });
    await h.clock.advance(10 * 60_000);
    expect(h.connectors.feed.callsFor('e4')).toHaveLength(11);
  });

  it('survives a connector that throws synchronously, a missing connector and throwing callbacks', async () => {
    const h = harness([aStream('x1'), aStream('x2', { network: 'mastodon', kind: 'home', query: null, accountId: 'm' })]);
    h.connectors.feed.poll = () => {
      throw new Error('not even a promise');
    };
    const { mastodon: _gone, ...rest } = h.connectors;
    void _gone;
    const poller = (await import('../../src/main/core/polling/poller')).createPoller({
      connectors: rest,
      store: h.store,
      clock: h.clock,
      random: () => 0.5,
      onStatus: () => {
        throw new Error('listener bug');
      },
    });
    cleanup.push(() => poller.stop());
    poller.start();
    await h.clock.advance(0);
    expect(poller.getStatus('x1')).toMatchObject({ state: 'backoff', lastError: { kind: 'http', message: 'not even a promise' } });
    expect(poller.getStatus('x2')).toMatchObject({ state: 'failed', lastError: { kind: 'not_found' } });
  });

  it('aborts a poll that takes longer than the timeout and backs off', async () => {
    const h = harness([aStream('t1')], { options: { pollTimeoutMs: 20_000, graceMs: 0 } });
    h.connectors.feed.behave = (request) => hangUntilAborted(request.signal);
    h.poller.start();
    await h.clock.advance(20_000);
    expect(abortReason(h.connectors.feed.calls[0]!)).toBe('timeout');
    expect(h.poller.getStatus('t1')).toMatchObject({ state: 'backoff', lastError: { kind: 'timeout', message: 'No answer within 20 s' }, nextPollAt: h.clock.wall + 30_000 });
  });
});

describe('stop', () => {
  it('aborts polls in flight, even ones that ignore the signal, clears every timer, and is idempotent', async () => {
    const h = harness([aStream('p1'), aStream('p2'), aStream('p3')]);
    h.connectors.feed.behave = (request) => (request.stream.id === 'p1' ? new Promise(() => {}) : hangUntilAborted(request.signal));
    h.poller.start();
    await h.clock.advance(1_000);
    expect(h.connectors.feed.active).toBe(3);
    await Promise.all([h.poller.stop(), h.poller.stop()]);
    for (const request of h.connectors.feed.calls) expect(abortReason(request)).toBe('stopped');
    expect(h.clock.pendingTimers).toBe(0);
    expect(h.store.commits).toBe(0);
    await h.clock.advance(60 * 60_000);
    expect(h.connectors.feed.calls).toHaveLength(3);
    await h.poller.stop();

    // And it starts again.
    h.connectors.feed.behave = null;
    h.poller.start();
    await h.clock.advance(0);
    expect(h.connectors.feed.calls).toHaveLength(6);
    expect(h.store.commits).toBe(3);
  });

  it('waits for a commit that is already under way', async () => {
    const h = harness([aStream('p1')]);
    h.connectors.feed.publish('p1', 3);
    let finishCommit: () => void = () => {};
    const sync = h.store.commitPoll.bind(h.store);
    // The interface allows an asynchronous commit (e.g. one handed to a worker).
    const store: PollerStore = h.store;
    store.commitPoll = (...args) => new Promise<number>((resolve) => (finishCommit = () => resolve(sync(...args))));
    h.poller.start();
    await h.clock.advance(0);
    let stopped = false;
    const stopping = h.poller.stop().then(() => (stopped = true));
    await h.clock.advance(0);
    expect(stopped).toBe(false);
    finishCommit();
    await stopping;
    expect(h.store.deliveredTo('p1')).toHaveLength(3);
  });
});
