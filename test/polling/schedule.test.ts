import { describe, expect, it } from 'vitest';
import { backoffDelay, jittered } from '../../src/main/core/polling/schedule';

describe('jitter', () => {
  it('stays within ±10% of the interval', () => {
    expect(jittered(60_000, () => 0, 0.1)).toBe(54_000);
    expect(jittered(60_000, () => 0.5, 0.1)).toBe(60_000);
    expect(jittered(60_000, () => 0.999_999_9, 0.1)).toBeLessThanOrEqual(66_000);
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const samples = Array.from({ length: 1000 }, () => jittered(30_000, random, 0.1));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(27_000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(33_000);
    // Actually spread, not a constant.
    expect(new Set(samples).size).toBeGreaterThan(500);
  });
});

describe('backoff', () => {
  it('doubles from the base up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 60].map((failures) => backoffDelay(failures, 30_000, 1_800_000));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000]);
    expect(backoffDelay(5_000, 30_000, 1_800_000)).toBe(1_800_000);
  });
});
