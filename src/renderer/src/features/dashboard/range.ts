import { DateTime } from 'luxon';
import type { BucketSize, DateRange } from '../../../../shared/contract/insight';

export const RANGE_PRESETS = ['24h', '7d', '30d', '90d', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** What the user picked: a preset, or two calendar days (YYYY-MM-DD, both included) in the workspace's zone. */
export interface RangeSelection {
  preset: RangePreset;
  customFrom: string;
  customTo: string;
}

export type RangeProblem = 'invalidDate' | 'endBeforeStart' | 'tooLong';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Up to three days the charts show hours, beyond that calendar days (the contract's bucket rule). */
const HOURLY_UP_TO_MS = 3 * DAY_MS;
/** The contract refuses more than 400 days at once. */
const MAX_DAYS = 400;
const PRESET_DAYS: Record<Exclude<RangePreset, '24h' | 'custom'>, number> = { '7d': 7, '30d': 30, '90d': 90 };
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function bucketFor(range: DateRange): BucketSize {
  return Date.parse(range.to) - Date.parse(range.from) <= HOURLY_UP_TO_MS ? 'hour' : 'day';
}

/** The default custom range: the last seven calendar days up to today, in the zone. */
export function defaultSelection(nowMs: number, timeZone: string): RangeSelection {
  const today = DateTime.fromMillis(nowMs, { zone: timeZone }).startOf('day');
  return { preset: '7d', customFrom: today.minus({ days: 6 }).toISODate()!, customTo: today.toISODate()! };
}

/**
 * The date range a selection stands for, as [from, to) in the workspace's zone.
 * "Last 24 hours" ends with the current hour (so the hour now running is in it); the day presets
 * are whole calendar days ending with today, which is what a daily chart of "7 days" means.
 */
export function resolveRange(selection: RangeSelection, nowMs: number, timeZone: string): { range: DateRange } | { problem: RangeProblem } {
  const now = DateTime.fromMillis(nowMs, { zone: timeZone });
  if (selection.preset === '24h') {
    const to = now.startOf('hour').plus({ hours: 1 });
    return { range: rangeOf(to.minus({ hours: 24 }), to, timeZone) };
  }
  if (selection.preset !== 'custom') {
    const to = now.startOf('day').plus({ days: 1 });
    return { range: rangeOf(to.minus({ days: PRESET_DAYS[selection.preset] }), to, timeZone) };
  }
  if (!DAY_PATTERN.test(selection.customFrom) || !DAY_PATTERN.test(selection.customTo)) return { problem: 'invalidDate' };
  const from = DateTime.fromISO(selection.customFrom, { zone: timeZone }).startOf('day');
  const last = DateTime.fromISO(selection.customTo, { zone: timeZone }).startOf('day');
  if (!from.isValid || !last.isValid) return { problem: 'invalidDate' };
  if (last < from) return { problem: 'endBeforeStart' };
  const to = last.plus({ days: 1 });
  if (to.diff(from, 'days').days > MAX_DAYS) return { problem: 'tooLong' };
  return { range: rangeOf(from, to, timeZone) };
}

function rangeOf(from: DateTime, to: DateTime, timeZone: string): DateRange {
  return { from: from.toISO()!, to: to.toISO()!, timeZone };
}

/**
 * The start (epoch ms) of every bucket in the range, in order: whole hours, or local midnights
 * (23 or 25 hours apart across a daylight-saving change).
 */
export function bucketStarts(range: DateRange, bucket: BucketSize): number[] {
  const end = Date.parse(range.to);
  const starts: number[] = [];
  let at = DateTime.fromISO(range.from, { zone: range.timeZone }).startOf(bucket);
  while (at.toMillis() < end && starts.length <= MAX_DAYS * 24) {
    starts.push(at.toMillis());
    at = at.plus(bucket === 'hour' ? { hours: 1 } : { days: 1 });
  }
  return starts;
}

/**
 * A bucket's start as the core writes it (an ISO instant, or a bare local day for daily buckets)
 * as epoch ms, so that rows can be matched with the full list of buckets; NaN if unreadable.
 */
export function bucketMs(start: string, timeZone: string): number {
  if (DAY_PATTERN.test(start)) return DateTime.fromISO(start, { zone: timeZone }).toMillis();
  return Date.parse(start);
}

/**
 * The rows of a chart, one per bucket of the range, with `empty` for buckets the core left out
 * (a day without mentions is a zero on the chart, not a gap that joins its neighbours).
 */
export function fillBuckets<Row extends { start: string }, Out>(
  rows: readonly Row[],
  range: DateRange,
  bucket: BucketSize,
  map: (row: Row | undefined, startMs: number) => Out,
): Out[] {
  const byStart = new Map<number, Row>();
  for (const row of rows) byStart.set(bucketMs(row.start, range.timeZone), row);
  const starts = bucketStarts(range, bucket);
  const out = starts.map((ms) => map(byStart.get(ms), ms));
  // Rows the list of buckets did not foresee (e.g. another zone's midnight) are kept, in order.
  const known = new Set(starts);
  const extra = rows.filter((row) => !known.has(bucketMs(row.start, range.timeZone)));
  if (extra.length === 0) return out;
  const all = [...starts.map((ms, i) => ({ ms, value: out[i]! })), ...extra.map((row) => ({ ms: bucketMs(row.start, range.timeZone), value: map(row, bucketMs(row.start, range.timeZone)) }))];
  return all.sort((a, b) => a.ms - b.ms).map((entry) => entry.value);
}

/** A bucket's label: "14:00" / "Mo., 3. März, 14:00" for hours, "3. März" for days, in the zone and UI language. */
export function formatBucket(ms: number, bucket: BucketSize, timeZone: string, language: string, withDay = true): string {
  const at = DateTime.fromMillis(ms, { zone: timeZone }).setLocale(language);
  if (bucket === 'day') return at.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
  return withDay ? at.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }) : at.toLocaleString({ hour: 'numeric', minute: '2-digit' });
}

/** The range for headings and file names: "3.–9. März 2025" style, via Intl's range formatting. */
export function formatRange(range: DateRange, bucket: BucketSize, language: string): string {
  const from = new Date(range.from);
  // [from, to): the last day shown is the day before `to`'s midnight.
  const last = new Date(Date.parse(range.to) - (bucket === 'day' ? DAY_MS / 2 : 1));
  const options: Intl.DateTimeFormatOptions =
    bucket === 'day' ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: range.timeZone } : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: range.timeZone };
  return new Intl.DateTimeFormat(language, options).formatRange(from, bucket === 'day' ? last : new Date(range.to));
}

/** "2025-03-03_2025-03-09" (local days, `to` exclusive made inclusive) for file names. */
export function rangeSlug(range: DateRange): string {
  const from = DateTime.fromISO(range.from, { zone: range.timeZone });
  const last = DateTime.fromISO(range.to, { zone: range.timeZone }).minus({ milliseconds: 1 });
  const hourly = bucketFor(range) === 'hour';
  const format = hourly ? "yyyy-MM-dd'T'HHmm" : 'yyyy-MM-dd';
  return `${from.toFormat(format)}_${(hourly ? DateTime.fromISO(range.to, { zone: range.timeZone }) : last).toFormat(format)}`;
}
