import { DateTime } from 'luxon';
import type { AccountView } from '../../../../shared/contract/accounts';
import { localDateTimeSchema, type ScheduledPost, type WallTime } from '../../../../shared/contract/planner';

/** A month cell shows this many posts; the rest are one click away in the week view. */
export const MONTH_CELL_POSTS = 4;

/** The queue shows this many posts per account at first; the rest on request. */
export const QUEUE_PAGE = 25;

/** The calendar's two layouts. */
export type CalendarMode = 'week' | 'month';

/** A calendar day as "YYYY-MM-DD" (a wall-clock date, no zone). */
export type DayKey = string;

/** The zone of this machine: where "today" is and what the calendar's day grid means. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function todayKey(nowMs: number, zone = localZone()): DayKey {
  return DateTime.fromMillis(nowMs, { zone }).toISODate() ?? '1970-01-01';
}

function day(key: DayKey): DateTime {
  return DateTime.fromISO(key, { zone: 'UTC' });
}

/** The days on screen, Monday first: one week, or the whole weeks that cover the anchor's month. */
export function visibleDays(mode: CalendarMode, anchor: DayKey): DayKey[] {
  const anchorDay = day(anchor);
  const first = mode === 'week' ? anchorDay.startOf('week') : anchorDay.startOf('month').startOf('week');
  const last = mode === 'week' ? anchorDay.endOf('week') : anchorDay.endOf('month').endOf('week');
  const days: DayKey[] = [];
  for (let d = first; d <= last; d = d.plus({ days: 1 })) days.push(d.toISODate()!);
  return days;
}

/** Today/previous/next: one week or one month on, the anchor kept on the first of the month in month view. */
export function stepAnchor(mode: CalendarMode, anchor: DayKey, step: -1 | 1): DayKey {
  const next = mode === 'week' ? day(anchor).plus({ weeks: step }) : day(anchor).startOf('month').plus({ months: step });
  return next.toISODate()!;
}

/**
 * What to ask the core for: a day more on either side of the visible days, since a post shown on
 * a day of its own zone may lie a day off in UTC (Pacific/Kiritimati vs. Pacific/Niue).
 */
export function fetchRange(days: readonly DayKey[]): { from: string; to: string } {
  const from = day(days[0]!).minus({ days: 1 });
  const to = day(days[days.length - 1]!).plus({ days: 2 });
  return { from: from.toISO()!, to: to.toISO()! };
}

/** The zone a post's time is read in: its own, or (a "send now" entry) this machine's. */
export function entryZone(entry: ScheduledPost): string {
  return entry.wallTime?.timeZone ?? localZone();
}

/** The wall-clock date and time of the post in its own zone, "YYYY-MM-DDTHH:MM". */
export function entryLocal(entry: ScheduledPost): string {
  if (entry.wallTime) return entry.wallTime.local;
  const at = DateTime.fromISO(shownInstant(entry), { zone: entryZone(entry) });
  return at.toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Published posts sit where they went out; the others where they are due. */
function shownInstant(entry: ScheduledPost): string {
  return entry.state === 'published' && entry.publishedAt ? entry.publishedAt : entry.dueAt;
}

export function entryDay(entry: ScheduledPost): DayKey {
  return entryLocal(entry).slice(0, 10);
}

export function entryHour(entry: ScheduledPost): number {
  return Number(entryLocal(entry).slice(11, 13));
}

/** The posts of each visible day, in time order. */
export function groupByDay(entries: readonly ScheduledPost[]): Map<DayKey, ScheduledPost[]> {
  const byDay = new Map<DayKey, ScheduledPost[]>();
  for (const entry of sortedByTime(entries)) {
    const key = entryDay(entry);
    const list = byDay.get(key);
    if (list) list.push(entry);
    else byDay.set(key, [entry]);
  }
  return byDay;
}

/** The posts in due order, each time parsed once (thousands of posts in a month). */
export function sortedByTime(entries: readonly ScheduledPost[]): ScheduledPost[] {
  return entries
    .map((entry) => ({ entry, at: Date.parse(entry.dueAt) }))
    .sort((a, b) => a.at - b.at || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0))
    .map(({ entry }) => entry);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "09:30" (or "9:30 AM"), in the post's own zone, in the user's locale. One formatter per zone and locale. */
export function formatEntryTime(entry: ScheduledPost, locale: string): string {
  const zone = entryZone(entry);
  const key = `${locale}|${zone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
    timeFormats.set(key, format);
  }
  return format.format(new Date(shownInstant(entry)));
}

/** "Tue 24 Nov 2026, 09:30 (Europe/Zurich)": a post's time with its zone, for dialogs. */
const whenFormats = new Map<string, Intl.DateTimeFormat>();

export function formatEntryWhen(entry: ScheduledPost, locale: string): string {
  const zone = entryZone(entry);
  const key = `${locale}|${zone}`;
  let format = whenFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone });
    whenFormats.set(key, format);
  }
  return `${format.format(new Date(shownInstant(entry)))} (${zone})`;
}

/** "Tuesday, 24 November 2026": the accessible name of a day cell. */
export function formatDayName(key: DayKey, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day(key).toJSDate());
}

/** "Tue 24 Nov": a short date for warnings. */
export function formatShortDay(key: DayKey, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(day(key).toJSDate());
}

export function formatWeekdayShort(key: DayKey, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(day(key).toJSDate());
}

export function dayOfMonth(key: DayKey): number {
  return day(key).day;
}

export function isSameMonth(a: DayKey, b: DayKey): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** "November 2026" or "16–22 Nov 2026": what the toolbar says is on screen. */
export function formatRangeTitle(mode: CalendarMode, days: readonly DayKey[], anchor: DayKey, locale: string): string {
  if (mode === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day(anchor).toJSDate());
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(day(days[0]!).toJSDate(), day(days[days.length - 1]!).toJSDate());
}

/** The first line of the text, cut to a readable length at a word boundary. */
export function textExcerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "@handle" as accounts are shown everywhere. */
export function handleOf(handle: string | null | undefined): string {
  return handle ? `@${handle.replace(/^@/, '')}` : '?';
}

/** "@handle (Bluesky)": an account with its network, as the planner's account menu and post details name it. */
export function accountLabel(account: Pick<AccountView, 'handle' | 'network'>): string {
  return `${handleOf(account.handle)} (${account.network === 'bluesky' ? 'Bluesky' : 'Mastodon'})`;
}

/** The accessible name of a post in the calendar: "09:30 @shop.example: Our autumn sale starts…". */
export function postButtonName(entry: ScheduledPost, handle: string | null | undefined, locale: string): string {
  return `${formatEntryTime(entry, locale)} ${handleOf(handle)}: ${textExcerpt(entry.text)}`;
}

/** Where a post lands when it is dropped on a day (keeps its time) or on an hour of a day (keeps its minutes). */
export function dropTarget(entry: ScheduledPost, target: DayKey, hour?: number): WallTime {
  const local = entryLocal(entry);
  const time = hour === undefined ? local.slice(11, 16) : `${String(hour).padStart(2, '0')}:${local.slice(14, 16)}`;
  return { local: `${target}T${time}`, timeZone: entryZone(entry) };
}

/** Bulk reschedule: "N hours" or "N days" as the contract's shift in minutes; null when it is not a usable number. */
export function shiftMinutes(amount: string, unit: 'hours' | 'days'): number | null {
  if (!/^\s*-?\d+\s*$/.test(amount)) return null;
  const n = Number(amount);
  if (n === 0) return null;
  const minutes = n * (unit === 'hours' ? 60 : 24 * 60);
  return Math.abs(minutes) <= 525_600 ? minutes : null;
}

/** "2 h", "20 min", "1 h 30 min". */
export function formatMinutes(minutes: number, units: { h: string; min: string }): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h} ${units.h} ${m} ${units.min}`;
  return h ? `${h} ${units.h}` : `${m} ${units.min}`;
}

/** Whether the posts can be moved at all (published and publishing ones have left). */
export function isMovable(entry: ScheduledPost): boolean {
  return entry.state === 'scheduled' || entry.state === 'failed';
}

/** A value for <input type="datetime-local"> is exactly the contract's local date-time. */
export function isLocalDateTime(value: string): boolean {
  return localDateTimeSchema.safeParse(value).success;
}
