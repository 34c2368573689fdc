import { DateTime } from 'luxon';
import type { BusinessDay, ClockState, InboxSettings, InboxStatus } from '../contract/inbox';

/**
 * The response clock: how long a customer has waited and when the goal runs out, counted in the
 * workspace's business hours. Hours are wall-clock times in the workspace's IANA zone, so a day
 * on which the clocks change holds one hour more or less of real time inside "00:00-24:00", and
 * "09:00-17:00" stays 09:00-17:00 local time on both sides of the change. Pure (luxon only):
 * the core computes due times with it, the renderer the clock it shows.
 */

/** Monday first, seven entries; null is a closed day. All null means around the clock. */
export type BusinessHours = readonly BusinessDay[];

const MINUTE_MS = 60_000;
/** A goal that cannot be met within this many days has hours that are (almost) never open. */
const MAX_DAYS = 80_000;

export function isAroundTheClock(hours: BusinessHours): boolean {
  return hours.every((day) => day === null);
}

interface Window {
  startMs: number;
  endMs: number;
}

/** The real-time span of one day's business hours; `day` is that day's midnight in the zone. */
function windowOf(day: DateTime, hours: BusinessHours): Window | null {
  const business = hours[day.weekday - 1];
  if (!business) return null;
  const startMs = wallClock(day, business.start);
  const endMs = wallClock(day, business.end);
  return endMs > startMs ? { startMs, endMs } : null;
}

function wallClock(day: DateTime, time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  if (hour === 24) return nextDay(day).toMillis();
  // A time that does not exist on this day (inside a spring-forward gap) moves forward, as luxon does.
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: day.zone }).toMillis();
}

function nextDay(day: DateTime): DateTime {
  return day.plus({ days: 1 }).startOf('day');
}

function midnightOf(ms: number, timeZone: string): DateTime {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone ${timeZone}.`);
  return local.startOf('day');
}

/** The moment `minutes` business minutes after `startMs`. */
export function addBusinessMinutes(startMs: number, minutes: number, hours: BusinessHours, timeZone: string): number {
  if (minutes <= 0) return startMs;
  if (isAroundTheClock(hours)) return startMs + minutes * MINUTE_MS;
  let remaining = minutes * MINUTE_MS;
  let day = midnightOf(startMs, timeZone);
  for (let n = 0; n < MAX_DAYS; n++, day = nextDay(day)) {
    const window = windowOf(day, hours);
    if (!window) continue;
    const from = Math.max(window.startMs, startMs);
    if (from >= window.endMs) continue;
    const open = window.endMs - from;
    if (remaining <= open) return from + remaining;
    remaining -= open;
  }
  throw new RangeError('These business hours leave no time to answer in.');
}

/** Business minutes between two moments (fractional; 0 when `endMs` is not after `startMs`). */
export function businessMinutesBetween(startMs: number, endMs: number, hours: BusinessHours, timeZone: string): number {
  if (endMs <= startMs) return 0;
  if (isAroundTheClock(hours)) return (endMs - startMs) / MINUTE_MS;
  let total = 0;
  for (let day = midnightOf(startMs, timeZone); day.toMillis() < endMs; day = nextDay(day)) {
    const window = windowOf(day, hours);
    if (!window) continue;
    const overlap = Math.min(window.endMs, endMs) - Math.max(window.startMs, startMs);
    if (overlap > 0) total += overlap;
  }
  return total / MINUTE_MS;
}

/** When the response goal of an item received at `receivedMs` runs out. */
export function dueFor(receivedMs: number, settings: Pick<InboxSettings, 'goalMinutes' | 'businessHours' | 'timeZone'>): number {
  return addBusinessMinutes(receivedMs, settings.goalMinutes, settings.businessHours, settings.timeZone);
}

export interface ClockInput {
  receivedMs: number;
  dueMs: number | null;
  firstResponseMs: number | null;
  status: InboxStatus;
  nowMs: number;
  goalMinutes: number;
  businessHours: BusinessHours;
  timeZone: string;
}

export interface Clock {
  state: ClockState;
  /** Business minutes the customer waited: until the first response, or until now while nobody answered. Null for an item closed without a reply. */
  waitedMinutes: number | null;
  /** Business minutes left until the item is due; negative once it is overdue; null without a due time or once answered. */
  remainingMinutes: number | null;
}

/** The share of the goal that, once it is all that remains, turns the clock amber. */
export const AMBER_SHARE = 0.25;

export function clockFor(input: ClockInput): Clock {
  const { receivedMs, dueMs, firstResponseMs, status, nowMs, goalMinutes, businessHours, timeZone } = input;
  const between = (a: number, b: number) => businessMinutesBetween(a, b, businessHours, timeZone);
  if (firstResponseMs !== null || status === 'done') {
    return { state: 'answered', waitedMinutes: firstResponseMs === null ? null : Math.floor(between(receivedMs, firstResponseMs)), remainingMinutes: null };
  }
  const waitedMinutes = Math.floor(between(receivedMs, nowMs));
  if (dueMs === null) return { state: 'none', waitedMinutes, remainingMinutes: null };
  if (nowMs >= dueMs) return { state: 'red', waitedMinutes, remainingMinutes: -Math.floor(between(dueMs, nowMs)) || 0 };
  const remaining = between(nowMs, dueMs);
  return { state: remaining <= goalMinutes * AMBER_SHARE ? 'amber' : 'ok', waitedMinutes, remainingMinutes: Math.ceil(remaining) };
}
