import { describe, expect, it } from 'vitest';
import { detectSpikes, judgeHour, type SpikeSettings } from '../../src/main/core/insight/alerts/spikeDetector';

const DEFAULTS: SpikeSettings = { k: 3, minCount: 5 };
const DAY = 24;

/** mulberry32: a small seeded generator, so every run sees the same noise. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * An hourly series from a level per hour, with seeded noise of up to ±20 % (at least ±1).
 * Bounded noise on purpose: with k = 3 any detector has a small false-alarm rate on unbounded
 * noise by design; these tests check the detector's logic, not the tails of a distribution.
 */
function series(hours: number, level: (hour: number) => number, seed: number): number[] {
  const random = seeded(seed);
  return Array.from({ length: hours }, (_, hour) => {
    const base = level(hour);
    const amplitude = Math.max(1, Math.round(base * 0.2));
    return Math.max(0, Math.round(base + (random() * 2 - 1) * amplitude));
  });
}

const SEEDS = [1, 7, 42, 2024, 99_991];

describe('spike detection on synthetic series', () => {
  it.each(SEEDS)('a steady series raises nothing (seed %i)', (seed) => {
    expect(detectSpikes(series(21 * DAY, () => 12, seed), DEFAULTS)).toEqual([]);
  });

  it.each(SEEDS)('a 5x burst raises exactly one alert, at the burst (seed %i)', (seed) => {
    const burstAt = 10 * DAY + 14;
    const counts = series(12 * DAY, () => 8, seed);
    counts[burstAt] = 40;
    const spikes = detectSpikes(counts, DEFAULTS);
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ startHour: burstAt, lastHour: burstAt });
    expect(spikes[0]!.peak.count).toBe(40);
    expect(spikes[0]!.peak.centre).toBeGreaterThan(6);
    expect(spikes[0]!.peak.centre).toBeLessThan(10);
    expect(spikes[0]!.peak.threshold).toBeLessThan(40);
  });

  it.each(SEEDS)('a long burst (6 hours) is one alert (seed %i)', (seed) => {
    const burstAt = 9 * DAY + 10;
    const counts = series(11 * DAY, (hour) => (hour >= burstAt && hour < burstAt + 6 ? 50 : 10), seed);
    const spikes = detectSpikes(counts, DEFAULTS);
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ startHour: burstAt, lastHour: burstAt + 5 });
  });

  it.each(SEEDS)('two bursts a day apart are two alerts, even at the same hour of day (seed %i)', (seed) => {
    const first = 9 * DAY + 16;
    const counts = series(12 * DAY, () => 10, seed);
    counts[first] = 50;
    counts[first + DAY] = 50;
    const spikes = detectSpikes(counts, DEFAULTS);
    expect(spikes.map((spike) => spike.startHour)).toEqual([first, first + DAY]);
  });

  it.each(SEEDS)('a slow drift raises nothing (seed %i)', (seed) => {
    // From 5 to 35 negative mentions an hour over four weeks: a brand that grows, not a shitstorm.
    const hours = 28 * DAY;
    expect(detectSpikes(series(hours, (hour) => 5 + (30 * hour) / hours, seed), DEFAULTS)).toEqual([]);
  });

  it.each(SEEDS)('daily seasonality does not raise an alert every morning (seed %i)', (seed) => {
    // Quiet nights, a sharp morning peak when people read their mail, a middling day.
    const level = (hour: number) => {
      const hourOfDay = hour % DAY;
      if (hourOfDay >= 7 && hourOfDay < 9) return 30;
      if (hourOfDay >= 9 && hourOfDay < 20) return 5;
      return 1;
    };
    const counts = series(21 * DAY, level, seed);
    expect(detectSpikes(counts, DEFAULTS)).toEqual([]);
    // The same series against the rolling 7-day bar alone alerts on most mornings: the
    // same-hour-of-day bar is what keeps them quiet.
    expect(detectSpikes(counts, DEFAULTS, { seasonal: false }).length).toBeGreaterThanOrEqual(10);
  });

  it('still sees a burst on top of the daily pattern', () => {
    const level = (hour: number) => (hour % DAY >= 7 && hour % DAY < 9 ? 30 : 3);
    const counts = series(14 * DAY, level, 5);
    const burstAt = 12 * DAY + 8; // in the morning peak: 5x of 30
    counts[burstAt] = 150;
    const spikes = detectSpikes(counts, DEFAULTS);
    expect(spikes.map((spike) => spike.startHour)).toEqual([burstAt]);
    // The morning's own bar set the threshold: it speaks of a usual level of about 30, not the daily mean.
    expect(spikes[0]!.peak.centre).toBeGreaterThanOrEqual(25);
  });

  it('a dip of one hour inside a burst does not make it two alerts', () => {
    const counts = series(10 * DAY, () => 10, 3);
    const at = 8 * DAY + 12;
    counts[at] = 60;
    counts[at + 1] = 10;
    counts[at + 2] = 60;
    const spikes = detectSpikes(counts, DEFAULTS);
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ startHour: at, lastHour: at + 2 });
    // ... but a new burst after a longer calm is a new alert.
    expect(detectSpikes(counts, DEFAULTS, { mergeGapHours: 0 })).toHaveLength(2);
  });
});

describe('edge cases of the baseline', () => {
  it('judges nothing with fewer than 24 hours of history (no false alarm right after set-up)', () => {
    const counts = [...Array.from({ length: 20 }, () => 1), 40];
    expect(judgeHour(counts, 20, DEFAULTS)).toBeNull();
    expect(detectSpikes(counts, DEFAULTS)).toEqual([]);
    // The hours before the workspace was listening are no history either.
    const later = [...Array.from({ length: 200 }, () => 0), ...Array.from({ length: 20 }, () => 1), 40];
    expect(detectSpikes(later, DEFAULTS, { historyStart: 200 })).toEqual([]);
    expect(detectSpikes(later, DEFAULTS)).toHaveLength(1);
  });

  it('with a day of history it judges', () => {
    const counts = [...Array.from({ length: 24 }, () => 1), 40];
    expect(judgeHour(counts, 24, DEFAULTS)).toMatchObject({ spike: true, centre: 1 });
  });

  it('a perfectly steady history (sd 0) does not make one more mention a spike', () => {
    const counts = Array.from({ length: 8 * DAY }, () => 5);
    counts.push(7);
    const verdict = judgeHour(counts, counts.length - 1, DEFAULTS)!;
    expect(verdict.spike).toBe(false);
    expect(verdict.spread).toBeCloseTo(Math.sqrt(5));
    expect(Number.isFinite(verdict.threshold)).toBe(true);
  });

  it('a silent history and then five negative mentions is a spike; three are not (minimum count)', () => {
    const silent = Array.from({ length: 8 * DAY }, () => 0);
    expect(judgeHour([...silent, 5], silent.length, DEFAULTS)).toMatchObject({ spike: true, threshold: 3 });
    expect(judgeHour([...silent, 4], silent.length, DEFAULTS)).toMatchObject({ spike: false, threshold: 3 });
    const sparse = series(8 * DAY, () => 0.4, 11);
    expect(judgeHour([...sparse, 3], sparse.length, DEFAULTS)!.spike).toBe(false);
  });

  it('a higher k asks for more', () => {
    const counts = series(8 * DAY, () => 10, 13);
    counts.push(25);
    expect(judgeHour(counts, counts.length - 1, { k: 3, minCount: 5 })!.spike).toBe(true);
    expect(judgeHour(counts, counts.length - 1, { k: 6, minCount: 5 })!.spike).toBe(false);
  });

  it('only judges hours from `from` on', () => {
    const counts = series(10 * DAY, () => 10, 17);
    counts[8 * DAY] = 60;
    counts[9 * DAY + 5] = 60;
    expect(detectSpikes(counts, DEFAULTS, { from: 9 * DAY }).map((spike) => spike.startHour)).toEqual([9 * DAY + 5]);
  });
});
