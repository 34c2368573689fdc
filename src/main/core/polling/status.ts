import type { PollErrorKind } from './errors';
import type { PolledStream, PollState, PollStatus } from './types';

/** The poller's bookkeeping for one stream. */
export interface StreamState {
  /** Our copy; its cursor is the last one committed through the store. */
  stream: PolledStream;
  host: string;
  /** Bumped when the spec changes: a poll of an older spec must not touch the new cursor. */
  specVersion: number;
  /** Monotonic time the stream is due; null while it must not poll (reconnect needed). */
  dueAt: number | null;
  /** The same moment on the wall clock, fixed when scheduled so statuses don't flicker. */
  nextPollWall: number | null;
  /** Failures in a row; drives the backoff. */
  failures: number;
  /** more=true pages in a row. */
  morePages: number;
  reconnectNeeded: boolean;
  running: { controller: AbortController } | null;
  lastPollAt: number | null;
  lastSuccessAt: number | null;
  lastError: { kind: PollErrorKind; message: string } | null;
  itemsLastPoll: number;
  /** The status last reported, to report only changes. */
  emitted: PollStatus | null;
}

export interface StatusContext {
  online: boolean;
  /** The host's active rate-limit wait, if any. */
  block: { untilMono: number; untilWall: number } | null;
  monoNow: number;
}

/**
 * The state is derived from the facts every time rather than stored, so it can never disagree
 * with them (a host wait ending, connectivity returning, a poll starting).
 */
export function deriveStatus(entry: StreamState, context: StatusContext): PollStatus {
  const scheduled = entry.dueAt !== null && !entry.reconnectNeeded && !entry.stream.paused && !entry.running;
  let nextPollAt: number | null = null;
  if (scheduled && entry.nextPollWall !== null) nextPollAt = Math.max(entry.nextPollWall, context.block?.untilWall ?? 0);
  return {
    state: stateOf(entry, context),
    lastPollAt: entry.lastPollAt,
    lastSuccessAt: entry.lastSuccessAt,
    nextPollAt,
    lastError: entry.lastError,
    rateLimitedUntil: context.block?.untilWall ?? null,
    itemsLastPoll: entry.itemsLastPoll,
  };
}

function stateOf(entry: StreamState, { online, block, monoNow }: StatusContext): PollState {
  if (entry.running) return 'polling';
  if (entry.reconnectNeeded) return 'reconnect_needed';
  if (entry.stream.paused) return 'paused';
  if (!online) return 'offline';
  if (block) return 'rate_limited';
  if (entry.dueAt !== null && entry.dueAt <= monoNow) return 'waiting';
  if (entry.lastError?.kind === 'not_found') return 'failed';
  if (entry.failures > 0) return 'backoff';
  return 'idle';
}

export function sameStatus(a: PollStatus, b: PollStatus): boolean {
  return (
    a.state === b.state &&
    a.lastPollAt === b.lastPollAt &&
    a.lastSuccessAt === b.lastSuccessAt &&
    a.nextPollAt === b.nextPollAt &&
    a.rateLimitedUntil === b.rateLimitedUntil &&
    a.itemsLastPoll === b.itemsLastPoll &&
    a.lastError?.kind === b.lastError?.kind &&
    a.lastError?.message === b.lastError?.message
  );
}
