import { DateTime } from 'luxon';

/** The snooze choices, computed in the workspace's time zone (not the machine's). */
export interface SnoozePresets {
  inOneHour: string;
  tomorrowNine: string;
  nextMondayNine: string;
}

export function snoozePresets(nowMs: number, timeZone: string): SnoozePresets {
  const now = DateTime.fromMillis(nowMs, { zone: timeZone });
  const tomorrow = now.plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  // Luxon's weekday: Monday is 1. On a Monday, "next Monday" is a week away.
  const daysToMonday = ((8 - now.weekday) % 7) || 7;
  const monday = now.plus({ days: daysToMonday }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  return {
    inOneHour: now.plus({ hours: 1 }).toUTC().toISO()!,
    tomorrowNine: tomorrow.toUTC().toISO()!,
    nextMondayNine: monday.toUTC().toISO()!,
  };
}

/**
 * A datetime-local value ("2025-03-30T09:00") read as wall-clock time in the workspace's zone.
 * Null for an empty or impossible value; a time skipped by a DST change moves forward as luxon does.
 */
export function fromLocalInput(value: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  return parsed.isValid ? parsed.toUTC().toISO() : null;
}

/** The value for a datetime-local field that shows an instant in the workspace's zone. */
export function toLocalInput(iso: string, timeZone: string): string {
  const parsed = DateTime.fromISO(iso, { zone: timeZone });
  return parsed.isValid ? parsed.toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

/** An instant as the workspace's clock shows it, in the UI language ("Mon, 31 Mar, 09:00"). */
export function formatInZone(iso: string, timeZone: string, language: string): string {
  const parsed = DateTime.fromISO(iso, { zone: timeZone });
  if (!parsed.isValid) return iso;
  return parsed.setLocale(language).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
