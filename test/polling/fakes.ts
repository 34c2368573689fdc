import type { Connector, PollRequest, PollResult, StreamCursor, StreamSpec } from '../../src/main/core/connectors/connector';
import type { Clock } from '../../src/main/core/polling/clock';
import type { Connectivity } from '../../src/main/core/polling/connectivity';
import { defaultHostKey } from '../../src/main/core/polling/hostLimits';
import { createPoller } from '../../src/main/core/polling/poller';
import type { PolledStream, PollerOptions, PollerStore, PollStatus } from '../../src/main/core/polling/types';
import type { IncomingItem, Network } from '../../src/shared/contract/items';
import { anItem } from '../support/items';

/** Lets pending promise chains run; fake connectors never do real I/O, so one macrotask drains them. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface FakeTimer {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * A clock the test drives. advance() moves both clocks together, as a running machine does;
 * jumpWall() moves only the wall clock, as a sleep does on Linux and macOS.
 */
export class FakeClock implements Clock {
  wall = Date.parse('2026-11-23T08:00:00.000Z');
  mono = 10_000;
  private timers: FakeTimer[] = [];
  private nextId = 1;

  now(): number {
    return this.wall;
  }

  monotonic(): number {
    return this.mono;
  }

  setTimeout(callback: () => void, ms: number): number {
    const timer = { id: this.nextId++, at: this.mono + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Runs every timer due within `ms`, in order, letting promise chains settle after each. */
  async advance(ms: number): Promise<void> {
    const target = this.mono + ms;
    await flush();
    for (;;) {
      const next = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      // An overdue timer (the test moved time by hand) runs now; time never goes back.
      const step = Math.max(0, next.at - this.mono);
      this.wall += step;
      this.mono += step;
      next.callback();
      await flush();
    }
    this.wall += target - this.mono;
    this.mono = target;
    await flush();
  }

  jumpWall(ms: number): void {
    this.wall += ms;
  }
}

export class FakeConnectivity implements Connectivity {
  private online = true;
  private readonly listeners = new Set<(online: boolean) => void>();
  checks = 0;
  /** What check() does, e.g. notice the network is gone. */
  onCheck: (() => void) | null = null;

  isOnline(): boolean {
    return this.online;
  }

  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  check(): void {
    this.checks += 1;
    this.onCheck?.();
  }

  set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const listener of this.listeners) listener(online);
  }
}

export function aStream(id: string, overrides: Partial<StreamSpec> = {}, extra: Partial<PolledStream> = {}): PolledStream {
  return {
    spec: { id, network: 'feed', kind: 'feed', query: `https://${id}.example.org/feed.xml`, accountId: null, ...overrides },
    intervalMs: 60_000,
    cursor: null,
    paused: false,
    ...extra,
  };
}

/**
 * The item store in memory, with what a test needs to check: every item handed to commitPoll
 * per stream (to catch duplicates and losses, which the store's dedup would hide) and the
 * committed cursor. Commits are atomic trivially: one synchronous function.
 */
export class MemoryStore implements PollerStore {
  readonly streams = new Map<string, PolledStream>();
  readonly delivered = new Map<string, string[]>();
  readonly items = new Map<string, IncomingItem>();
  readonly statuses: Array<{ streamId: string; status: PollStatus }> = [];
  commits = 0;
  failNextCommit: Error | null = null;

  constructor(streams: PolledStream[] = []) {
    for (const stream of streams) this.streams.set(stream.spec.id, structuredClone(stream));
  }

  listStreams(): PolledStream[] {
    return [...this.streams.values()].map((stream) => structuredClone(stream));
  }

  commitPoll(streamId: string, items: IncomingItem[], cursor: StreamCursor | null, _at: number): number {
    const stream = this.streams.get(streamId);
    if (!stream) throw new Error(`no stream ${streamId}`);
    if (this.failNextCommit) {
      const error = this.failNextCommit;
      this.failNextCommit = null;
      throw error;
    }
    const list = this.delivered.get(streamId) ?? [];
    let added = 0;
    for (const item of items) {
      if (!list.includes(item.remoteId)) added += 1;
      list.push(item.remoteId);
      this.items.set(`${item.network}:${item.remoteId}`, item);
    }
    this.delivered.set(streamId, list);
    stream.cursor = cursor;
    this.commits += 1;
    return added;
  }

  recordStatus(streamId: string, status: PollStatus): void {
    this.statuses.push({ streamId, status });
  }

  deliveredTo(streamId: string): string[] {
    return this.delivered.get(streamId) ?? [];
  }
}

type Behaviour = (request: PollRequest) => Promise<PollResult> | PollResult;

/**
 * A connector over an in-memory source per stream: items with increasing ids, a cursor
 * { seen: n } meaning "the first n items are stored", pages of at most maxItems, oldest first
 * (more=true while items are left). `behave` overrides the answer for a test.
 */
export class FakeConnector implements Connector {
  readonly calls: Array<PollRequest & { at: number }> = [];
  readonly sources = new Map<string, IncomingItem[]>();
  behave: Behaviour | null = null;
  active = 0;
  maxActive = 0;
  readonly activePerHost = new Map<string, number>();
  maxActivePerHost = 0;

  constructor(
    readonly network: Network,
    private readonly clock: Clock,
    private readonly hostOf: (spec: StreamSpec) => string = (spec) => spec.id,
  ) {}

  publish(streamId: string, count: number): void {
    const source = this.sources.get(streamId) ?? [];
    for (let i = 0; i < count; i++) {
      source.push(anItem({ network: this.network, remoteId: `${streamId}-${String(source.length + 1).padStart(6, '0')}` }));
    }
    this.sources.set(streamId, source);
  }

  callsFor(streamId: string): Array<PollRequest & { at: number }> {
    return this.calls.filter((call) => call.stream.id === streamId);
  }

  /** Monotonic times `streamId` was polled at, relative to `origin`. */
  timesFor(streamId: string, origin: number): number[] {
    return this.callsFor(streamId).map((call) => call.at - origin);
  }

  async poll(request: PollRequest): Promise<PollResult> {
    this.calls.push({ ...request, at: this.clock.monotonic() });
    const host = this.hostOf(request.stream);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    const perHost = (this.activePerHost.get(host) ?? 0) + 1;
    this.activePerHost.set(host, perHost);
    this.maxActivePerHost = Math.max(this.maxActivePerHost, perHost);
    try {
      return await (this.behave ? this.behave(request) : this.page(request));
    } finally {
      this.active -= 1;
      this.activePerHost.set(host, (this.activePerHost.get(host) ?? 1) - 1);
    }
  }

  page(request: PollRequest): PollResult {
    const source = this.sources.get(request.stream.id) ?? [];
    const seen = typeof request.cursor?.seen === 'number' ? request.cursor.seen : 0;
    const items = source.slice(seen, seen + request.maxItems);
    const next = seen + items.length;
    return { items, cursor: { seen: next }, more: next < source.length };
  }
}

/** A promise that resolves when the poll's signal aborts: a connector whose request hangs. */
export function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

export interface HarnessOptions {
  random?: () => number;
  options?: Partial<PollerOptions>;
  hostKey?: (spec: StreamSpec) => string;
}

/** A poller wired to fakes, plus everything it reported. */
export function createHarness(streams: PolledStream[], harness: HarnessOptions = {}) {
  const clock = new FakeClock();
  const store = new MemoryStore(streams);
  const hostKey = harness.hostKey ?? defaultHostKey;
  const connectors = {
    feed: new FakeConnector('feed', clock, hostKey),
    bluesky: new FakeConnector('bluesky', clock, hostKey),
    mastodon: new FakeConnector('mastodon', clock, hostKey),
  };
  const connectivity = new FakeConnectivity();
  const reported: Array<{ streamId: string; status: PollStatus }> = [];
  const itemsStored: Array<{ streamId: string; count: number }> = [];
  const warnings: string[] = [];
  const poller = createPoller({
    connectors,
    store,
    clock,
    random: harness.random ?? (() => 0.5),
    connectivity,
    hostKey,
    onStatus: (streamId, status) => reported.push({ streamId, status }),
    onItemsStored: (streamId, count) => itemsStored.push({ streamId, count }),
    log: { debug: () => {}, warn: (message) => warnings.push(message) },
    options: harness.options,
  });
  const origin = clock.mono;
  return { clock, store, connectors, connectivity, poller, reported, itemsStored, warnings, origin };
}

/** States `streamId` reported, in order, without repeats. */
export function statesOf(reported: Array<{ streamId: string; status: PollStatus }>, streamId: string): string[] {
  const states: string[] = [];
  for (const { status } of reported.filter((r) => r.streamId === streamId)) {
    if (states.at(-1) !== status.state) states.push(status.state);
  }
  return states;
}

/** A deterministic [0, 1) sequence (an LCG), so jittered tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}
