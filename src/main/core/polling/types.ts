import type { Network } from '../../../shared/contract/items';
import type { Connector, PolledItem, StreamCursor, StreamSpec } from '../connectors/connector';
import type { Clock } from './clock';
import type { Connectivity } from './connectivity';
import type { PollErrorKind } from './errors';

/** A stream as the store keeps it: what to poll, how often, and where the last poll stopped. */
export interface PolledStream {
  spec: StreamSpec;
  /** Null: the network's default (PollerOptions.defaultIntervalMs). */
  intervalMs: number | null;
  /** The cursor of the last committed poll; null before the first. */
  cursor: StreamCursor | null;
  /** A paused stream is kept but not polled. */
  paused: boolean;
}

/** What the poller needs from the item store. Implemented by the store (better-sqlite3). */
export interface PollerStore {
  /** Every stream of every workspace that should be polled. */
  listStreams(): PolledStream[];
  /**
   * Stores `items` for the stream and sets its cursor to `cursor` in ONE transaction. This is
   * the only way the poller advances a cursor, so a crash between fetching and storing means
   * the same items are fetched again (and deduplicated), never skipped. Throws (or rejects) if
   * the stream no longer exists. `at` is the wall-clock time of the poll (epoch ms).
   * Returns how many of the items are new to this stream (after deduplication).
   */
  commitPoll(streamId: string, items: PolledItem[], cursor: StreamCursor | null, at: number): number | Promise<number>;
  /** Optional: keep the latest status so a column header can show it after a restart. */
  recordStatus?(streamId: string, status: PollStatus): void;
}

export type PollState =
  | 'idle' // waiting for its next regular poll
  | 'polling'
  | 'waiting' // due, waiting for a free slot (global or per-host concurrency)
  | 'backoff' // the last poll failed; retrying after an exponential wait
  | 'rate_limited' // its host asked us to wait (Retry-After or an exhausted window)
  | 'offline'
  | 'reconnect_needed' // its account's credentials failed; not polled until resume()
  | 'failed' // the source is gone (not_found); retried rarely
  | 'paused'; // paused by the user (PolledStream.paused)

/** What a column header shows. Times are wall-clock epoch milliseconds. */
export interface PollStatus {
  state: PollState;
  lastPollAt: number | null;
  lastSuccessAt: number | null;
  nextPollAt: number | null;
  lastError: { kind: PollErrorKind; message: string } | null;
  rateLimitedUntil: number | null;
  /** New items the last successful poll stored. */
  itemsLastPoll: number;
}

/** Never given secrets: messages carry stream ids, error kinds and connector messages. */
export interface PollerLog {
  debug(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export interface PollerOptions {
  defaultIntervalMs: Record<Network, number>;
  /** A floor for configured intervals, against a typo hammering a server. */
  minIntervalMs: number;
  /** ±fraction applied to every interval and backoff. */
  jitter: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Backoff for `not_found` (state 'failed'): the source is probably gone for good. */
  failedBaseMs: number;
  failedCapMs: number;
  /** When a server says 429 without Retry-After. */
  defaultRetryAfterMs: number;
  /** The longest wait a server can impose on us. */
  maxRetryAfterMs: number;
  maxConcurrent: number;
  maxPerHost: number;
  /** Delay before the next page when a connector answered more=true. */
  morePollDelayMs: number;
  /** Pages in a row before falling back to the interval (against a connector that never says done). */
  maxMorePages: number;
  maxItemsPerPoll: number;
  /** A poll is aborted (kind 'timeout') after this long. */
  pollTimeoutMs: number;
  wakeCheckMs: number;
  wakeJumpMs: number;
  /**
   * For this long after start, a wake or coming online, network errors are retried after
   * graceRetryMs without backoff: the network often needs a few seconds to come back.
   */
  graceMs: number;
  graceRetryMs: number;
}

export interface PollerDeps {
  connectors: Partial<Record<Network, Connector>>;
  store: PollerStore;
  /** Default: the system clock. */
  clock?: Clock;
  /** [0, 1); default Math.random. */
  random?: () => number;
  /** Default: alwaysOnline. */
  connectivity?: Connectivity;
  /** Streams with the same key share rate-limit waits and the per-host limit. Default: defaultHostKey. */
  hostKey?: (spec: StreamSpec) => string;
  /** Every status change (the core emits `poll.status`). */
  onStatus?: (streamId: string, status: PollStatus) => void;
  /** After a commit that stored new items (the core emits `items.added`). */
  onItemsStored?: (streamId: string, count: number) => void;
  log?: PollerLog;
  options?: Partial<PollerOptions>;
}

export interface Poller {
  /** Reads listStreams() and polls every stream at once (from its stored cursor), then on schedule. */
  start(): void;
  /** Aborts polls in flight (nothing of theirs is committed), clears timers; resolves when all ended. Idempotent. */
  stop(): Promise<void>;
  /** Re-reads listStreams(): adds new streams, updates changed ones, removes gone ones. */
  reload(): void;
  /** Adds a stream (or updates it if known); a new stream polls as soon as allowed. */
  add(stream: PolledStream): void;
  /**
   * A changed spec (kind, query, account) aborts an in-flight poll and takes the given cursor;
   * a changed interval or paused flag keeps the poller's cursor, which is the committed one.
   */
  update(stream: PolledStream): void;
  /** Forgets the stream; an in-flight poll is aborted and commits nothing. */
  remove(streamId: string): void;
  /** Polls now (bypassing backoff, not a host's rate-limit wait). False if unknown, paused or reconnect_needed. */
  refresh(streamId: string): boolean;
  /** Ends 'reconnect_needed' for one stream and polls it now. */
  resume(streamId: string): void;
  /** Ends 'reconnect_needed' for every stream of the account (after the user reconnected it). */
  resumeAccount(accountId: string): void;
  /** Treat as a wake from sleep (e.g. Electron's powerMonitor 'resume'): every stream polls now. */
  wake(): void;
  getStatus(streamId: string): PollStatus | null;
  statuses(): Map<string, PollStatus>;
}
