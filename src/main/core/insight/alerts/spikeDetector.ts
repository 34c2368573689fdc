/**
 * Spike detection on hourly counts of negative mentions. Pure: no store, no clock.
 *
 * An hour h is a spike hour when
 *   count[h] >= minCount, and
 *   count[h] > the threshold of h,
 * where the threshold is the larger of two bars:
 *
 * 1. The rolling bar the issue asks for: mean + k·sd of the (up to) 168 hours before h.
 * 2. A same-hour-of-day bar: median + k·spread of the same hour on each of the (up to) 7 days
 *    before. Without it a brand that gets most of its mentions in the morning would see an alert
 *    every morning: the morning hours sit far above a mean that the quiet nights pull down. The
 *    median (not the mean) because one earlier spike among only seven values would inflate a mean
 *    and sd enough to hide the next spike at the same hour a day later; the spread is the MAD
 *    scaled to a normal sd (x 1.4826). Taking the larger bar can only remove alerts, never add
 *    them. Hours are UTC hours, so across a daylight-saving change the same local hour is one
 *    bucket off for a week; the rolling bar still applies then, so this costs little.
 *
 * Both spreads are floored at √(centre) and at 1. Counts are roughly Poisson, whose sd is √mean;
 * a quieter-than-Poisson week (sd 0 for a perfectly steady series) would otherwise make one
 * extra mention a spike.
 *
 * History: the hours before `historyStart` (before the workspace was listening) are not history.
 * An hour with fewer than 24 hours of history is not judged at all, so a newly set-up workspace
 * raises no false alarm from its first burst of backfilled posts. The same-hour bar uses
 * whatever earlier days there are (from one on): in the first days a morning peak would otherwise
 * still alert, at the price that in those days an earlier spike at the same hour weighs more.
 *
 * Consecutive spike hours form one spike. An hour below the threshold ends it; a spike that
 * starts again within `mergeGapHours` (default 2) of the end of the previous one continues it,
 * so a burst that dips for an hour, or noise while a new level settles in, does not notify the
 * user twice. The rolling bar includes earlier spike hours, so a lasting step up in the level is
 * one alert that ends once the new level has become usual.
 */

export interface SpikeSettings {
  k: number;
  minCount: number;
}

export interface SpikeOptions {
  /** Index of the first hour that counts as history (the workspace started listening). Default 0. */
  historyStart?: number;
  /** Only hours from here on are judged (earlier ones serve as history). Default: historyStart. */
  from?: number;
  /** False leaves out the same-hour-of-day bar (for comparison in tests). Default true. */
  seasonal?: boolean;
  /** A spike starting within this many hours after the last one ended continues it. Default 2. */
  mergeGapHours?: number;
}

export const WINDOW_HOURS = 168;
export const MIN_HISTORY_HOURS = 24;
const MIN_SEASONAL_DAYS = 1;
const MAD_TO_SD = 1.4826;

/** How one hour was judged. `centre` and `spread` belong to the bar that set the threshold. */
export interface HourVerdict {
  hour: number;
  count: number;
  centre: number;
  spread: number;
  threshold: number;
  spike: boolean;
}

export interface Spike {
  /** First and last spike hour (indices into the counts). */
  startHour: number;
  lastHour: number;
  /** The worst hour and how it was judged. */
  peak: HourVerdict;
}

/** Judges hour `h`, or null when it has less than 24 hours of history. */
export function judgeHour(counts: readonly number[], h: number, settings: SpikeSettings, options: SpikeOptions = {}): HourVerdict | null {
  const historyStart = Math.max(0, options.historyStart ?? 0);
  const first = Math.max(historyStart, h - WINDOW_HOURS);
  if (h - first < MIN_HISTORY_HOURS || h >= counts.length) return null;
  const count = counts[h] ?? 0;

  let sum = 0;
  for (let i = first; i < h; i++) sum += counts[i] ?? 0;
  const n = h - first;
  const mean = sum / n;
  let squares = 0;
  for (let i = first; i < h; i++) squares += ((counts[i] ?? 0) - mean) ** 2;
  const rolling = bar(mean, Math.sqrt(squares / n), settings.k);

  let best = rolling;
  if (options.seasonal !== false) {
    const sameHour: number[] = [];
    for (let day = 1; day <= WINDOW_HOURS / 24; day++) {
      const i = h - day * 24;
      if (i < historyStart) break;
      sameHour.push(counts[i] ?? 0);
    }
    if (sameHour.length >= MIN_SEASONAL_DAYS) {
      const centre = median(sameHour);
      const seasonal = bar(centre, MAD_TO_SD * median(sameHour.map((value) => Math.abs(value - centre))), settings.k);
      if (seasonal.threshold > best.threshold) best = seasonal;
    }
  }
  return { hour: h, count, ...best, spike: count >= settings.minCount && count > best.threshold };
}

/** Every spike among the judged hours, oldest first. */
export function detectSpikes(counts: readonly number[], settings: SpikeSettings, options: SpikeOptions = {}): Spike[] {
  const from = Math.max(options.from ?? options.historyStart ?? 0, 0);
  const gap = Math.max(0, options.mergeGapHours ?? 2);
  const spikes: Spike[] = [];
  let current: Spike | null = null;
  for (let h = from; h < counts.length; h++) {
    const verdict = judgeHour(counts, h, settings, options);
    if (!verdict?.spike) continue;
    if (current && h - current.lastHour - 1 <= gap) {
      current.lastHour = h;
      if (verdict.count > current.peak.count) current.peak = verdict;
    } else {
      current = { startHour: h, lastHour: h, peak: verdict };
      spikes.push(current);
    }
  }
  return spikes;
}

function bar(centre: number, spread: number, k: number): { centre: number; spread: number; threshold: number } {
  const floored = Math.max(spread, Math.sqrt(centre), 1);
  return { centre, spread: floored, threshold: centre + k * floored };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
