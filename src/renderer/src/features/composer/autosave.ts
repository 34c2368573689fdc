/**
 * Autosave of a draft: at most about one second of typing is ever at risk. A change is saved
 * `wait` ms after the last keystroke, but never later than `maxWait` ms after the first change
 * that is not saved yet (someone typing without pause would otherwise never be saved). One save
 * is in flight at a time; a failed save keeps the changes and is tried again after `retryDelay`.
 * Pure (no React, no DOM): the timers are the global ones, so tests drive them with fake timers.
 */

export type AutosaveStatus =
  | { kind: 'idle' }
  /** Changed, waiting for the pause in typing. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  /** The last save failed; the changes are kept and tried again. */
  | { kind: 'failed'; error: unknown };

export interface AutosaveOptions<T> {
  save(value: T): Promise<unknown>;
  onStatus?(status: AutosaveStatus): void;
  /** After the last change (default 300 ms). */
  wait?: number;
  /** After the first unsaved change at the latest (default 600 ms, see DEFAULT_MAX_WAIT_MS). */
  maxWait?: number;
  /** After a failed save (default 2000 ms). */
  retryDelay?: number;
  /** Whether a failure is worth another attempt by itself (default: always). */
  shouldRetry?(error: unknown): boolean;
  now?(): number;
}

export interface Autosave<T> {
  /** The newest value; saved after the pause (or the max wait). */
  change(value: T): void;
  /** Saves what is unsaved now (blur, close, unmount, pagehide); resolves when it is saved or failed. */
  flush(): Promise<void>;
  /** True while something is not saved yet (changed, in flight, or failed). */
  hasUnsaved(): boolean;
  /** Stops for good (e.g. the draft was sent): no timer, change or flush saves anything after it. */
  dispose(): void;
}

/**
 * We promise that at most one second of typing is at risk. The timer fires well before that
 * because the save still has to travel to the core and into SQLite, and a busy machine fires
 * timers late: 400 ms of the second are left for both.
 */
export const DEFAULT_MAX_WAIT_MS = 600;

export function createAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const wait = options.wait ?? 300;
  const maxWait = options.maxWait ?? DEFAULT_MAX_WAIT_MS;
  const retryDelay = options.retryDelay ?? 2000;
  const now = options.now ?? (() => Date.now());

  let latest: T | undefined;
  let dirty = false;
  /** When the oldest unsaved change was made (null while everything is saved). */
  let firstUnsavedAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  /** After a failure, typing does not bring the retry forward (that would hammer a failing core). */
  let failing = false;
  let disposed = false;

  const report = (status: AutosaveStatus) => options.onStatus?.(status);

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function arm(delay: number): void {
    clearTimer();
    if (disposed) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, Math.max(0, delay));
  }

  function schedule(): void {
    const at = now();
    firstUnsavedAt ??= at;
    arm(Math.min(at + wait, firstUnsavedAt + maxWait) - at);
  }

  async function runSave(): Promise<void> {
    const value = latest as T;
    dirty = false;
    const startedFor = firstUnsavedAt;
    firstUnsavedAt = null;
    report({ kind: 'saving' });
    try {
      await options.save(value);
      failing = false;
      if (dirty) report({ kind: 'pending' });
      else report({ kind: 'saved', at: now() });
    } catch (error) {
      // The value is kept: the newest one is saved on the next attempt, whichever it is.
      dirty = true;
      failing = true;
      firstUnsavedAt = Math.min(firstUnsavedAt ?? Infinity, startedFor ?? now());
      report({ kind: 'failed', error });
      if (options.shouldRetry?.(error) ?? true) arm(retryDelay);
      // Without a retry the next change or flush tries again.
      else failing = false;
    }
  }

  function flush(): Promise<void> {
    clearTimer();
    if (disposed) return Promise.resolve();
    if (inFlight) {
      // Whatever changed meanwhile is saved right after the save in flight.
      return inFlight.then(() => (dirty ? flush() : undefined));
    }
    if (!dirty) return Promise.resolve();
    const run = runSave().finally(() => {
      if (inFlight === run) inFlight = null;
    });
    inFlight = run;
    return run;
  }

  return {
    change(value) {
      if (disposed) return;
      latest = value;
      dirty = true;
      if (failing) return; // the retry timer saves this value too
      report({ kind: 'pending' });
      // A change during a save waits for it; the timer still bounds how long it waits.
      schedule();
    },
    flush,
    hasUnsaved: () => dirty || inFlight !== null,
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
