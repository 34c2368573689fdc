import { DateTime, IANAZone } from 'luxon';

/**
 * Wall-clock times in a named IANA zone, and the instants they stand for.
 *
 * A post is planned for "10:00 in Europe/Zurich", not for an instant: the instant is derived
 * from (local, zone) with the zone rules of the day, so a change of the machine's zone (or of
 * the rules) never shifts it. Two wall times need a rule of their own:
 * - one that does not exist (the spring-forward gap, e.g. 02:30 on 2026-03-29 in Europe/Zurich)
 *   moves forward to the first minute that exists after the gap (03:00), and that is what is
 *   stored and shown;
 * - one that exists twice (autumn, e.g. 02:30 on 2026-10-25 in Europe/Zurich) takes the first
 *   (earlier) occurrence, the one in summer time.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Largest clock shift a zone makes at once that we look around for (real ones are ≤ 2 h). */
const SHIFT_WINDOW = 3 * HOUR;

export interface ResolvedWallTime {
  /** The instant, ms since the epoch (UTC). */
  ms: number;
  /** The wall time that instant shows in the zone: the input, or the first minute after a gap. */
  local: string;
  /** 'gap': the input did not exist and moved forward; 'ambiguous': it existed twice, the first was taken. */
  adjustment: 'none' | 'gap' | 'ambiguous';
}

const zones = new Map<string, IANAZone>();

function zoneOf(timeZone: string): IANAZone {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
    zone = IANAZone.create(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Minutes since the epoch of the local fields read as if they were UTC; throws for a date that does not exist (2026-02-30). */
function localAsUtc(local: string): number {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) throw new RangeError(`Not a local date and time (YYYY-MM-DDTHH:MM): ${local}`);
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) {
    throw new RangeError(`No such date: ${local}`);
  }
  return ms;
}

/** The instant a wall time in a zone stands for (see the module comment for gaps and doubles). */
export function resolveWallTime(local: string, timeZone: string): ResolvedWallTime {
  const zone = zoneOf(timeZone);
  const asUtc = localAsUtc(local);
  const offsetAt = (ms: number) => zone.offset(ms) * MINUTE;
  const guess = asUtc - offsetAt(asUtc);
  const candidates = new Set([offsetAt(guess - SHIFT_WINDOW), offsetAt(guess), offsetAt(guess + SHIFT_WINDOW)]);
  const valid = [...candidates].map((offset) => asUtc - offset).filter((ms) => asUtc - offsetAt(ms) === ms);
  if (valid.length > 0) {
    const ms = Math.min(...valid);
    return { ms, local, adjustment: valid.length > 1 ? 'ambiguous' : 'none' };
  }
  // In a gap: the zone's clock jumped over this time. The jump happened between the instants the
  // wall time would have had with the offsets before and after it; find it to the minute.
  const instants = [...candidates].map((offset) => asUtc - offset);
  let lo = Math.floor(Math.min(...instants) / MINUTE);
  let hi = Math.ceil(Math.max(...instants) / MINUTE);
  const before = offsetAt(lo * MINUTE);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * MINUTE) === before) lo = mid;
    else hi = mid;
  }
  const ms = hi * MINUTE;
  return { ms, local: formatLocal(ms, timeZone), adjustment: 'gap' };
}

/** The wall time ("YYYY-MM-DDTHH:MM") an instant shows in a zone; seconds are dropped. */
export function formatLocal(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: zoneOf(timeZone) }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Adds minutes to a wall time on the clock face (a shift of 1440 keeps 10:00 at 10:00 across a DST change). */
export function shiftLocal(local: string, minutes: number): string {
  const ms = localAsUtc(local) + minutes * MINUTE;
  return new Date(ms).toISOString().slice(0, 16);
}

/** Calendar date ("YYYY-MM-DD"), ISO weekday (1 = Monday) and minutes since midnight of an instant in a zone. */
export function localParts(ms: number, timeZone: string): { date: string; weekday: number; minutes: number; hour: number } {
  const dt = DateTime.fromMillis(ms, { zone: zoneOf(timeZone) });
  return { date: dt.toFormat('yyyy-MM-dd'), weekday: dt.weekday, minutes: dt.hour * 60 + dt.minute, hour: dt.hour };
}

/** The calendar date `days` after a "YYYY-MM-DD" date, and its ISO weekday. */
export function addDays(date: string, days: number): { date: string; weekday: number } {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR;
  const d = new Date(ms);
  return { date: d.toISOString().slice(0, 10), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
}

/** "HH:MM" (or "24:00") as minutes since midnight. */
export function clockMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
