/**
 * Dates in the UI language: "3 min. ago" for recent items, the date for older ones, and the
 * full date and time for tooltips. Formatters are cached per language (creating them is slow).
 */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function relativeFormat(language: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
    relativeFormats.set(language, format);
  }
  return format;
}

function dateFormat(language: string, kind: 'full' | 'day' | 'dayShort' | 'time'): Intl.DateTimeFormat {
  const key = `${language}|${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'full'
        ? { dateStyle: 'full', timeStyle: 'short' }
        : kind === 'day'
          ? { day: 'numeric', month: 'short', year: 'numeric' }
          : kind === 'dayShort'
            ? { day: 'numeric', month: 'short' }
            : { hour: '2-digit', minute: '2-digit' };
    format = new Intl.DateTimeFormat(language, options);
    dateFormats.set(key, format);
  }
  return format;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A distance in time, past (negative) or future (positive), as words: "vor 5 Min.", "in 40 sec.". */
export function formatDistance(deltaMs: number, language: string): string {
  const format = relativeFormat(language);
  const abs = Math.abs(deltaMs);
  const sign = deltaMs < 0 ? -1 : 1;
  if (abs < 45 * SECOND) {
    // Seconds are only worth saying for the future ("next in 40 s"); the past is "now".
    return deltaMs > 0 && abs >= 1 * SECOND ? format.format(Math.round(abs / SECOND), 'second') : format.format(0, 'second');
  }
  if (abs < 45 * MINUTE) return format.format(sign * Math.max(1, Math.round(abs / MINUTE)), 'minute');
  if (abs < 22 * HOUR) return format.format(sign * Math.round(abs / HOUR), 'hour');
  return format.format(sign * Math.round(abs / DAY), 'day');
}

/** When an item was posted, as a column shows it: relative within a week, then the date. */
export function formatItemTime(iso: string, nowMs: number, language: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const delta = ms - nowMs;
  // A clock a little ahead of ours is still "now", not "in 2 min.".
  if (delta > 0 && delta < 5 * MINUTE) return relativeFormat(language).format(0, 'second');
  if (Math.abs(delta) < 7 * DAY) return formatDistance(delta, language);
  const sameYear = new Date(ms).getFullYear() === new Date(nowMs).getFullYear();
  return dateFormat(language, sameYear ? 'dayShort' : 'day').format(ms);
}

/** The full date and time, for a tooltip. */
export function formatFullDate(iso: string | number, language: string): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return Number.isFinite(ms) ? dateFormat(language, 'full').format(ms) : '';
}

/** A time of day ("14:05", "2:05 PM"), with the date when it is not today. */
export function formatClock(ms: number, nowMs: number, language: string): string {
  const sameDay = new Date(ms).toDateString() === new Date(nowMs).toDateString();
  const time = dateFormat(language, 'time').format(ms);
  return sameDay ? time : `${dateFormat(language, 'dayShort').format(ms)}, ${time}`;
}

/** Times in the contract are ISO strings; epoch milliseconds are read as well. */
export function toEpochMs(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
