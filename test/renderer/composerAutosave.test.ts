// The composer's autosave: debounced, bounded by a max wait, one save at a time, retried after a
// failure, flushed on demand. Driven with fake timers; the "core" is a recording function.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createAutosave, type AutosaveStatus } from '../../src/renderer/src/features/composer/autosave';

interface Recorder {
  saved: string[];
  statuses: AutosaveStatus['kind'][];
  /** Resolvers of saves that are still in flight (when `hold` is on). */
  pending: Array<{ resolve: () => void; reject: (error: Error) => void }>;
  hold: boolean;
  failNext: number;
}

function setup(options: { wait?: number; maxWait?: number; retryDelay?: number; shouldRetry?: (error: unknown) => boolean } = {}) {
  const rec: Recorder = { saved: [], statuses: [], pending: [], hold: false, failNext: 0 };
  const autosave = createAutosave<string>({
    ...options,
    save: (value) => {
      if (rec.failNext > 0) {
        rec.failNext -= 1;
        return Promise.reject(new Error('offline'));
      }
      if (!rec.hold) {
        rec.saved.push(value);
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        rec.pending.push({
          resolve: () => {
            rec.saved.push(value);
            resolve();
          },
          reject,
        });
      });
    },
    onStatus: (status) => rec.statuses.push(status.kind),
  });
  return { rec, autosave };
}

/** Types `count` characters, one every `every` ms, starting from `text`. */
async function type(autosave: { change(value: string): void }, text: string, count: number, every: number): Promise<string> {
  let value = text;
  for (let i = 0; i < count; i += 1) {
    value += 'x';
    autosave.change(value);
    await vi.advanceTimersByTimeAsync(every);
  }
  return value;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave of drafts', () => {
  test('saves once, about 300 ms after the last keystroke', async () => {
    const { rec, autosave } = setup();
    autosave.change('H');
    await vi.advanceTimersByTimeAsync(100);
    autosave.change('Hi');
    await vi.advanceTimersByTimeAsync(299);
    expect(rec.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(rec.saved).toEqual(['Hi']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(rec.saved).toEqual(['Hi']);
    expect(rec.statuses.at(-1)).toBe('saved');
  });

  test('someone typing without pause is saved every 600 ms, well inside the promised second', async () => {
    const { rec, autosave } = setup();
    // 50 keystrokes 100 ms apart: never a 300 ms pause in 5 seconds.
    const final = await type(autosave, '', 50, 100);
    // Saved about every 600 ms after the first unsaved keystroke of each round.
    expect(rec.saved.length).toBeGreaterThanOrEqual(7);
    expect(rec.saved.length).toBeLessThanOrEqual(9);
    // At every save, at most 600 ms of typing (6 keystrokes) was unsaved.
    const lengths = rec.saved.map((value) => value.length);
    lengths.forEach((length, index) => expect(length - (index === 0 ? 0 : lengths[index - 1]!)).toBeLessThanOrEqual(6));
    await vi.advanceTimersByTimeAsync(300);
    expect(rec.saved.at(-1)).toBe(final);
  });

  test('flush saves at once and cancels the timer', async () => {
    const { rec, autosave } = setup();
    autosave.change('draft');
    expect(autosave.hasUnsaved()).toBe(true);
    await autosave.flush();
    expect(rec.saved).toEqual(['draft']);
    expect(autosave.hasUnsaved()).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(rec.saved).toEqual(['draft']);
    // Nothing unsaved: another flush saves nothing.
    await autosave.flush();
    expect(rec.saved).toEqual(['draft']);
  });

  test('one save at a time; what changed meanwhile follows right after', async () => {
    const { rec, autosave } = setup();
    rec.hold = true;
    autosave.change('a');
    await vi.advanceTimersByTimeAsync(300);
    expect(rec.pending).toHaveLength(1);
    autosave.change('ab');
    await vi.advanceTimersByTimeAsync(300);
    // The second save waits for the first.
    expect(rec.pending).toHaveLength(1);
    rec.pending.shift()!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(rec.pending).toHaveLength(1);
    rec.pending.shift()!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(rec.saved).toEqual(['a', 'ab']);
    expect(autosave.hasUnsaved()).toBe(false);
  });

  test('a failed save keeps the text, says so, and is retried with the newest text', async () => {
    const { rec, autosave } = setup({ retryDelay: 2000 });
    rec.failNext = 1;
    autosave.change('keep me');
    await vi.advanceTimersByTimeAsync(300);
    expect(rec.saved).toEqual([]);
    expect(rec.statuses.at(-1)).toBe('failed');
    expect(autosave.hasUnsaved()).toBe(true);
    // Typing while it fails does not hammer the core before the retry.
    autosave.change('keep me too');
    await vi.advanceTimersByTimeAsync(1000);
    expect(rec.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rec.saved).toEqual(['keep me too']);
    expect(rec.statuses.at(-1)).toBe('saved');
  });

  test('a failure that a retry cannot fix waits for the next change', async () => {
    const { rec, autosave } = setup({ shouldRetry: () => false });
    rec.failNext = 1;
    autosave.change('v1');
    await vi.advanceTimersByTimeAsync(300);
    expect(rec.statuses.at(-1)).toBe('failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rec.saved).toEqual([]);
    autosave.change('v2');
    await vi.advanceTimersByTimeAsync(300);
    expect(rec.saved).toEqual(['v2']);
  });

  test('flush during a save in flight saves the newest text after it', async () => {
    const { rec, autosave } = setup();
    rec.hold = true;
    autosave.change('first');
    await vi.advanceTimersByTimeAsync(300);
    autosave.change('second');
    const flushed = autosave.flush();
    rec.pending.shift()!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    rec.pending.shift()!.resolve();
    await flushed;
    expect(rec.saved).toEqual(['first', 'second']);
  });

  test('after dispose (the draft was sent) nothing saves it again', async () => {
    const { rec, autosave } = setup();
    autosave.change('gone');
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(2000);
    autosave.change('typed after sending');
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(2000);
    expect(rec.saved).toEqual([]);
  });
});
