import { DateTime } from 'luxon';
import type { BucketSize, DateRange } from '../../../../shared/contract/insight';
import { HOUR_MS, hourOf } from '../aggregates/time';

/**
 * The time axis of a chart over [from, to): UTC hours, or calendar days in the range's zone
 * (23 or 25 hours long around a DST change). The aggregates are hourly, so the data read is the
 * hours from the one containing `from` up to `to`; in a zone with a half-hour offset an hour
 * counts in the day its start falls on.
 */
export interface Buckets {
  size: BucketSize;
  /** Bucket starts, epoch ms, ascending. */
  starts: number[];
  /** The same as ISO date-times in the range's zone (with its offset), as the chart shows them. */
  labels: string[];
  /** Where to read the hourly aggregates: [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  /** The bucket of an hour inside [fromMs, toMs), or -1 outside. */
  indexOf(ms: number): number;
}

export function makeBuckets(range: DateRange, size: BucketSize): Buckets {
  const fromMs = hourOf(Date.parse(range.from));
  const toMs = Date.parse(range.to);
  const starts: number[] = [];
  if (size === 'hour') {
    for (let ms = fromMs; ms < toMs; ms += HOUR_MS) starts.push(ms);
  } else {
    let day = DateTime.fromMillis(Date.parse(range.from), { zone: range.timeZone }).startOf('day');
    while (day.toMillis() < toMs) {
      starts.push(day.toMillis());
      day = day.plus({ days: 1 }).startOf('day');
    }
  }
  const labels = starts.map((ms) => DateTime.fromMillis(ms, { zone: range.timeZone }).toISO() ?? new Date(ms).toISOString());
  return {
    size,
    starts,
    labels,
    fromMs,
    toMs,
    indexOf(ms) {
      if (ms < fromMs || ms >= toMs || starts.length === 0) return -1;
      if (size === 'hour') return Math.floor((ms - fromMs) / HOUR_MS);
      let low = 0;
      let high = starts.length - 1;
      // The last start at or before ms (the first bucket when a half-hour zone starts it later).
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= ms) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}
