import type { PollResult } from '../connectors/connector';
import { ConnectorError } from '../connectors/connector';
import { systemClock, watchForWake, type TimerHandle } from './clock';
import { alwaysOnline } from './connectivity';
import { classifyFailure, PollAbort, raceAbort, type PollFailure } from './errors';
import { defaultHostKey, HostLimits } from './hostLimits';
import { backoffDelay, jittered } from './schedule';
import { deriveStatus, sameStatus, type StreamState } from './status';
import type { PolledStream, Poller, PollerDeps, PollerLog, PollerOptions, PollStatus } from './types';

export const DEFAULT_POLLER_OPTIONS: PollerOptions = {
  defaultIntervalMs: { feed: 60_000, bluesky: 30_000, mastodon: 30_000 },
  minIntervalMs: 5_000,
  jitter: 0.1,
  backoffBaseMs: 30_000,
  backoffCapMs: 30 * 60_000,
  failedBaseMs: 10 * 60_000,
  failedCapMs: 6 * 60 * 60_000,
  defaultRetryAfterMs: 60_000,
  maxRetryAfterMs: 24 * 60 * 60_000,
  maxConcurrent: 4,
  maxPerHost: 2,
  morePollDelayMs: 1_000,
  maxMorePages: 100,
  maxItemsPerPoll: 200,
  pollTimeoutMs: 120_000,
  wakeCheckMs: 2_000,
  wakeJumpMs: 30_000,
  graceMs: 30_000,
  graceRetryMs: 5_000,
};

const silentLog: PollerLog = { debug: () => {}, warn: () => {} };

interface Run {
  entry: StreamState;
  host: string;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Polls every stream on its own schedule through its network's connector and commits what it
 * finds through the store. One timer drives everything: it fires when the earliest stream is
 * due, `pump()` starts what the limits allow, and every finished poll pumps again.
 */
export function createPoller(deps: PollerDeps): Poller {
  const opts: PollerOptions = { ...DEFAULT_POLLER_OPTIONS, ...deps.options };
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const connectivity = deps.connectivity ?? alwaysOnline;
  const hostKey = deps.hostKey ?? defaultHostKey;
  const log = deps.log ?? silentLog;
  const hosts = new HostLimits(opts.maxPerHost);
  const entries = new Map<string, StreamState>();
  const inFlight = new Set<Run>();

  let started = false;
  let online = true;
  let timer: TimerHandle | null = null;
  let unsubscribe: (() => void) | null = null;
  let stopWakeWatch: (() => void) | null = null;
  /** Monotonic time of the last start, wake or return online: network errors soon after are expected. */
  let resumedAt = Number.NEGATIVE_INFINITY;

  const mono = () => clock.monotonic();
  const wall = () => clock.now();

  function scheduleIn(entry: StreamState, ms: number): void {
    entry.dueAt = mono() + ms;
    entry.nextPollWall = wall() + ms;
  }

  function intervalOf(entry: StreamState): number {
    const configured = entry.stream.intervalMs ?? opts.defaultIntervalMs[entry.stream.spec.network];
    return Math.max(opts.minIntervalMs, configured);
  }

  function pollable(entry: StreamState): boolean {
    return !entry.reconnectNeeded && !entry.stream.paused && entry.dueAt !== null;
  }

  /** When the stream may start: its own due time, or later if its host asked us to wait. */
  function effectiveDue(entry: StreamState): number {
    const block = hosts.blockedUntil(entry.host, mono());
    return Math.max(entry.dueAt ?? Number.POSITIVE_INFINITY, block?.untilMono ?? Number.NEGATIVE_INFINITY);
  }

  // ---- the scheduler -------------------------------------------------------------------------

  function pump(): void {
    if (!started) return;
    if (online) {
      const now = mono();
      const due = [...entries.values()]
        .filter((entry) => pollable(entry) && !entry.running && effectiveDue(entry) <= now)
        .sort((a, b) => effectiveDue(a) - effectiveDue(b));
      for (const entry of due) {
        if (inFlight.size >= opts.maxConcurrent) break;
        if (hosts.canStart(entry.host)) startPoll(entry);
      }
    }
    arm();
    emitAll();
  }

  /** One timer for the next moment something can change: a stream falls due or a host wait ends. */
  function arm(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (!started || !online) return; // coming online pumps
    const now = mono();
    let next = hosts.nextExpiry(now) ?? Number.POSITIVE_INFINITY;
    for (const entry of entries.values()) {
      if (!pollable(entry) || entry.running) continue;
      const at = effectiveDue(entry);
      // Due but not started: waits for a slot; the poll that frees it pumps.
      if (at > now && at < next) next = at;
    }
    if (next === Number.POSITIVE_INFINITY) return;
    timer = clock.setTimeout(
      () => {
        timer = null;
        pump();
      },
      Math.max(0, Math.ceil(next - now)),
    );
  }

  function startPoll(entry: StreamState): void {
    const controller = new AbortController();
    const run: Run = { entry, host: entry.host, controller, done: Promise.resolve() };
    entry.running = run;
    entry.lastPollAt = wall();
    hosts.acquire(run.host);
    inFlight.add(run);
    run.done = poll(run)
      .catch((error: unknown) => log.warn('poller: unexpected error', { streamId: entry.stream.spec.id, error: String(error) }))
      .finally(() => {
        inFlight.delete(run);
        hosts.release(run.host);
        if (entry.running === run) entry.running = null;
        pump();
      });
  }

  // ---- one poll ------------------------------------------------------------------------------

  async function poll(run: Run): Promise<void> {
    const { entry, controller } = run;
    const spec = entry.stream.spec;
    const specVersion = entry.specVersion;
    const connector = deps.connectors[spec.network];
    const timeout = clock.setTimeout(() => controller.abort(new PollAbort('timeout')), opts.pollTimeoutMs);
    let result: PollResult;
    try {
      if (!connector) throw new ConnectorError('not_found', `No connector for ${spec.network}`);
      const cursor = entry.stream.cursor;
      result = await raceAbort(
        () => connector.poll({ stream: spec, cursor, signal: controller.signal, maxItems: opts.maxItemsPerPoll }),
        controller.signal,
      );
    } catch (error) {
      clock.clearTimeout(timeout);
      afterAbortOrFailure(run, error);
      return;
    }
    clock.clearTimeout(timeout);
    // Removed, stopped, gone offline or superseded while the connector worked: commit nothing.
    if (!isCurrent(run)) return;

    // A connector that forgets its cursor must not send the stream back to "first poll".
    const cursor = result.cursor ?? entry.stream.cursor;
    let added: number;
    try {
      const stored = await deps.store.commitPoll(spec.id, result.items, cursor, wall());
      added = typeof stored === 'number' ? stored : result.items.length;
    } catch (error) {
      fail(entry, { kind: 'store', message: classifyFailure(error).message, retryAfterMs: null });
      return;
    }
    // Only now, with the items stored, does the poller's copy of the cursor move; unless the
    // spec changed during an asynchronous commit, and the caller's new cursor is the right one.
    if (entry.specVersion !== specVersion) return;
    entry.stream = { ...entry.stream, cursor };
    if (entries.get(spec.id) !== entry) return;
    succeed(entry, result, added);
  }

  function isCurrent(run: Run): boolean {
    const { entry } = run;
    return started && !run.controller.signal.aborted && entry.running === run && entries.get(entry.stream.spec.id) === entry;
  }

  function afterAbortOrFailure(run: Run, error: unknown): void {
    const { entry, controller } = run;
    const current = entries.get(entry.stream.spec.id) === entry;
    if (!controller.signal.aborted) {
      if (current) fail(entry, classifyFailure(error));
      return;
    }
    const reason = controller.signal.reason instanceof PollAbort ? controller.signal.reason.reason : 'stopped';
    if (!current) return;
    if (reason === 'timeout') {
      fail(entry, { kind: 'timeout', message: `No answer within ${Math.round(opts.pollTimeoutMs / 1000)} s`, retryAfterMs: null });
    } else if (reason === 'offline' || reason === 'superseded') {
      // Not the stream's fault: no backoff; poll again as soon as allowed.
      scheduleIn(entry, 0);
    }
  }

  function succeed(entry: StreamState, result: PollResult, added: number): void {
    const id = entry.stream.spec.id;
    entry.failures = 0;
    entry.lastError = null;
    entry.lastSuccessAt = wall();
    entry.itemsLastPoll = added;
    applyRateLimitHeaders(entry, result);
    if (result.more && entry.morePages < opts.maxMorePages) {
      entry.morePages += 1;
      scheduleIn(entry, opts.morePollDelayMs);
    } else {
      if (result.more) log.warn('poller: still more after the page limit; continuing at the interval', { streamId: id });
      entry.morePages = 0;
      scheduleIn(entry, jittered(intervalOf(entry), random, opts.jitter));
    }
    if (added > 0) guard(() => deps.onItemsStored?.(id, added));
  }

  /** An exhausted window (remaining 0) is a wait for the whole host until it resets. */
  function applyRateLimitHeaders(entry: StreamState, result: PollResult): void {
    const limit = result.rateLimit;
    if (!limit || limit.remaining !== 0 || !limit.resetAt) return;
    const ms = Date.parse(limit.resetAt) - wall();
    if (Number.isFinite(ms) && ms > 0) hosts.block(entry.host, Math.min(ms, opts.maxRetryAfterMs), mono(), wall());
  }

  function fail(entry: StreamState, failure: PollFailure): void {
    const id = entry.stream.spec.id;
    entry.lastError = { kind: failure.kind, message: failure.message };
    entry.morePages = 0;
    log.warn('poller: poll failed', { streamId: id, kind: failure.kind, message: failure.message });
    switch (failure.kind) {
      case 'rate_limited': {
        // Not a failure of the stream: no backoff, but the whole host waits.
        const wait = Math.min(opts.maxRetryAfterMs, Math.max(1_000, failure.retryAfterMs ?? opts.defaultRetryAfterMs));
        hosts.block(entry.host, wait, mono(), wall());
        scheduleIn(entry, wait);
        return;
      }
      case 'auth': {
        // Credentials belong to the account: every stream of it stops until the user reconnects.
        const accountId = entry.stream.spec.accountId;
        for (const other of entries.values()) {
          if (other === entry || (accountId !== null && other.stream.spec.accountId === accountId)) {
            other.reconnectNeeded = true;
            other.dueAt = null;
            other.nextPollWall = null;
            other.lastError = { kind: 'auth', message: failure.message };
          }
        }
        return;
      }
      case 'not_found':
        entry.failures += 1;
        scheduleIn(entry, jittered(backoffDelay(entry.failures, opts.failedBaseMs, opts.failedCapMs), random, opts.jitter));
        return;
      case 'network':
      case 'timeout':
        connectivity.check?.();
        if (!connectivity.isOnline()) {
          // Offline explains it: wait for the network, don't grow the backoff.
          scheduleIn(entry, 0);
          return;
        }
        if (mono() - resumedAt < opts.graceMs) {
          scheduleIn(entry, opts.graceRetryMs);
          return;
        }
        break;
      default:
        break;
    }
    entry.failures += 1;
    scheduleIn(entry, jittered(backoffDelay(entry.failures, opts.backoffBaseMs, opts.backoffCapMs), random, opts.jitter));
  }

  // ---- status --------------------------------------------------------------------------------

  function statusOf(entry: StreamState): PollStatus {
    return deriveStatus(entry, { online, block: hosts.blockedUntil(entry.host, mono()), monoNow: mono() });
  }

  function emitAll(): void {
    for (const entry of entries.values()) {
      const status = statusOf(entry);
      if (entry.emitted && sameStatus(entry.emitted, status)) continue;
      entry.emitted = status;
      const id = entry.stream.spec.id;
      guard(() => deps.onStatus?.(id, status));
      guard(() => deps.store.recordStatus?.(id, status));
    }
  }

  function guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      log.warn('poller: a status or item callback threw', { error: String(error) });
    }
  }

  // ---- outside events ------------------------------------------------------------------------

  function onConnectivity(nowOnline: boolean): void {
    if (nowOnline === online) return;
    online = nowOnline;
    if (!online) {
      log.debug('poller: offline; pausing');
      for (const run of inFlight) run.controller.abort(new PollAbort('offline'));
    } else {
      log.debug('poller: online; polling every due stream');
      resumedAt = mono();
      const now = mono();
      for (const entry of entries.values()) {
        if (!pollable(entry) || entry.running) continue;
        // A network change also explains recent network errors: retry those now.
        const kind = entry.lastError?.kind;
        if ((entry.dueAt ?? 0) <= now || kind === 'network' || kind === 'timeout') scheduleIn(entry, 0);
      }
    }
    pump();
  }

  function wake(gapMs?: number): void {
    if (!started) return;
    log.debug('poller: wake from sleep or clock jump; catching up every stream', { gapMs });
    resumedAt = mono();
    hosts.rebase(mono(), wall());
    connectivity.check?.();
    for (const entry of entries.values()) {
      if (entry.reconnectNeeded || entry.stream.paused) continue;
      entry.morePages = 0;
      // A poll from before the sleep talks over a socket that is probably dead: start over.
      if (entry.running) entry.running.controller.abort(new PollAbort('superseded'));
      else scheduleIn(entry, 0);
    }
    pump();
  }

  function newEntry(stream: PolledStream): StreamState {
    return {
      stream: { ...stream },
      host: hostKey(stream.spec),
      specVersion: 0,
      dueAt: null,
      nextPollWall: null,
      failures: 0,
      morePages: 0,
      reconnectNeeded: false,
      running: null,
      lastPollAt: null,
      lastSuccessAt: null,
      lastError: null,
      itemsLastPoll: 0,
      emitted: null,
    };
  }

  function upsert(stream: PolledStream): void {
    const existing = entries.get(stream.spec.id);
    if (!existing) {
      const entry = newEntry(stream);
      scheduleIn(entry, 0);
      entries.set(stream.spec.id, entry);
      return;
    }
    const specChanged = JSON.stringify(existing.stream.spec) !== JSON.stringify(stream.spec);
    if (specChanged) {
      existing.running?.controller.abort(new PollAbort('superseded'));
      existing.stream = { ...stream };
      existing.host = hostKey(stream.spec);
      existing.specVersion += 1;
      existing.failures = 0;
      existing.morePages = 0;
      existing.reconnectNeeded = false;
      existing.lastError = null;
      scheduleIn(existing, 0);
      return;
    }
    const wasPaused = existing.stream.paused;
    const oldInterval = intervalOf(existing);
    // Keep our cursor: it is the last committed one, possibly newer than the caller's copy.
    existing.stream = { ...stream, cursor: existing.stream.cursor };
    if (wasPaused && !stream.paused) scheduleIn(existing, 0);
    else if (intervalOf(existing) !== oldInterval && existing.failures === 0 && existing.dueAt !== null) {
      const sooner = jittered(intervalOf(existing), random, opts.jitter);
      if (existing.dueAt - mono() > sooner) scheduleIn(existing, sooner);
    }
  }

  function removeEntry(streamId: string): void {
    const entry = entries.get(streamId);
    if (!entry) return;
    entries.delete(streamId);
    entry.running?.controller.abort(new PollAbort('removed'));
  }

  function reloadFromStore(): void {
    let streams: PolledStream[];
    try {
      streams = deps.store.listStreams();
    } catch (error) {
      log.warn('poller: could not list streams', { error: String(error) });
      return;
    }
    const seen = new Set<string>();
    for (const stream of streams) {
      seen.add(stream.spec.id);
      upsert(stream);
    }
    for (const id of [...entries.keys()]) if (!seen.has(id)) removeEntry(id);
  }

  const resumeEntry = (entry: StreamState) => {
    entry.reconnectNeeded = false;
    entry.failures = 0;
    entry.lastError = null;
    if (!entry.running) scheduleIn(entry, 0);
  };

  return {
    start() {
      if (started) return;
      started = true;
      online = connectivity.isOnline();
      resumedAt = mono();
      unsubscribe = connectivity.subscribe(onConnectivity);
      stopWakeWatch = watchForWake(clock, { checkMs: opts.wakeCheckMs, jumpMs: opts.wakeJumpMs }, wake);
      reloadFromStore();
      // The app was closed for a while: every stream catches up from its stored cursor now.
      for (const entry of entries.values()) if (!entry.running) scheduleIn(entry, 0);
      pump();
    },
    async stop() {
      if (started) {
        started = false;
        unsubscribe?.();
        unsubscribe = null;
        stopWakeWatch?.();
        stopWakeWatch = null;
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
        for (const run of inFlight) run.controller.abort(new PollAbort('stopped'));
      }
      await Promise.all([...inFlight].map((run) => run.done));
    },
    reload() {
      reloadFromStore();
      pump();
    },
    add(stream) {
      upsert(stream);
      pump();
    },
    update(stream) {
      upsert(stream);
      pump();
    },
    remove(streamId) {
      removeEntry(streamId);
      pump();
    },
    refresh(streamId) {
      const entry = entries.get(streamId);
      if (!entry || entry.reconnectNeeded || entry.stream.paused) return false;
      if (!entry.running) {
        entry.morePages = 0;
        scheduleIn(entry, 0);
        pump();
      }
      return true;
    },
    resume(streamId) {
      const entry = entries.get(streamId);
      if (!entry) return;
      resumeEntry(entry);
      pump();
    },
    resumeAccount(accountId) {
      for (const entry of entries.values()) if (entry.stream.spec.accountId === accountId) resumeEntry(entry);
      pump();
    },
    wake: () => wake(),
    getStatus(streamId) {
      const entry = entries.get(streamId);
      return entry ? statusOf(entry) : null;
    },
    statuses() {
      return new Map([...entries].map(([id, entry]) => [id, statusOf(entry)]));
    },
  };
}
