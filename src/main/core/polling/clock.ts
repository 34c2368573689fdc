/**
 * Time for the poller, injectable so tests control it. Two clocks on purpose:
 * - `now()` is the wall clock (epoch ms): what we show and what the store records.
 * - `monotonic()` never jumps when the user or NTP sets the clock; scheduling uses it.
 * On Linux and macOS the monotonic clock (and with it every Node timer) stands still while the
 * machine sleeps, while the wall clock keeps going: that difference is how we notice a wake.
 */
export type TimerHandle = unknown;

export interface Clock {
  /** Wall-clock time, epoch milliseconds. */
  now(): number;
  /** Monotonic milliseconds from an arbitrary origin. */
  monotonic(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Node's setTimeout fires at once (with a warning) beyond this; callers re-arm instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    // The poller must never be what keeps a process (a test, the CLI host) alive.
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface WakeWatchOptions {
  /** How often to compare the clocks. */
  checkMs: number;
  /** How much unexplained time counts as a sleep (or a wall-clock jump). */
  jumpMs: number;
}

/**
 * Calls `onWake(gapMs)` when time passed that the timers cannot explain:
 * - the wall clock moved much further than the monotonic clock (sleep on Linux/macOS, where
 *   the monotonic clock pauses; or the user set the clock forward: a harmless extra poll), or
 * - a tick arrived far later than asked (platforms whose monotonic clock counts sleep, or an
 *   event loop blocked for that long: in both cases catching up from the cursor is right).
 * Returns the function that stops watching.
 */
export function watchForWake(clock: Clock, options: WakeWatchOptions, onWake: (gapMs: number) => void): () => void {
  let lastWall = clock.now();
  let lastMono = clock.monotonic();
  let handle: TimerHandle | null = null;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    const wall = clock.now();
    const mono = clock.monotonic();
    const wallDelta = wall - lastWall;
    const monoDelta = mono - lastMono;
    lastWall = wall;
    lastMono = mono;
    const gap = Math.max(wallDelta - monoDelta, monoDelta - options.checkMs);
    handle = clock.setTimeout(tick, options.checkMs);
    if (gap > options.jumpMs) onWake(gap);
  };
  handle = clock.setTimeout(tick, options.checkMs);
  return () => {
    stopped = true;
    if (handle !== null) clock.clearTimeout(handle);
    handle = null;
  };
}
