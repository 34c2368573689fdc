import type { Clock } from '../../../../shared/inbox/responseClock';

/** A duration in parts, for "2 d 3 h", "1 h 10 min", "25 min". */
export type DurationParts =
  | { kind: 'minutes'; minutes: number }
  | { kind: 'hours'; hours: number; minutes: number }
  | { kind: 'days'; days: number; hours: number };

export function durationParts(totalMinutes: number): DurationParts {
  const minutes = Math.max(0, Math.round(Math.abs(totalMinutes)));
  if (minutes < 60) return { kind: 'minutes', minutes };
  if (minutes < 24 * 60) return { kind: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
  return { kind: 'days', days: Math.floor(minutes / (24 * 60)), hours: Math.floor((minutes % (24 * 60)) / 60) };
}

/**
 * The clock as words and a tone: the tone names the CSS class (colour), the message says the
 * same in words, since colour alone tells a screen reader (and many eyes) nothing.
 */
export interface ClockLine {
  tone: Clock['state'];
  message: 'dueIn' | 'dueAt' | 'dueSoon' | 'overdue' | 'answeredAfter' | 'closed' | 'noGoal';
  /** The duration the message names (remaining, overdue or waited until answered), in minutes. */
  minutes: number;
  /** Waited so far while nobody answered, for the "Waiting …" part; null once answered or closed. */
  waited: number | null;
  /** For 'dueAt': when the goal runs out, since outside business hours the wall clock runs faster than the goal's. */
  dueMs?: number;
}

/** Business time left and wall-clock time left differ by more than this: say when, not just how long. */
const PAUSED_MS = 60 * 60_000;

export function clockLine(clock: Clock, due?: { dueMs: number | null; nowMs: number }): ClockLine {
  const remaining = clock.remainingMinutes ?? 0;
  switch (clock.state) {
    case 'ok':
      // "Due in 2 h" on a Saturday evening would mislead: the two business hours start on Monday.
      if (due?.dueMs != null && due.dueMs - due.nowMs > remaining * 60_000 + PAUSED_MS) {
        return { tone: 'ok', message: 'dueAt', minutes: remaining, waited: clock.waitedMinutes, dueMs: due.dueMs };
      }
      return { tone: 'ok', message: 'dueIn', minutes: remaining, waited: clock.waitedMinutes };
    case 'amber':
      return { tone: 'amber', message: 'dueSoon', minutes: Math.max(0, remaining), waited: clock.waitedMinutes };
    case 'red':
      return { tone: 'red', message: 'overdue', minutes: Math.abs(Math.min(0, remaining)), waited: clock.waitedMinutes };
    case 'answered':
      return clock.waitedMinutes === null
        ? { tone: 'answered', message: 'closed', minutes: 0, waited: null }
        : { tone: 'answered', message: 'answeredAfter', minutes: clock.waitedMinutes, waited: null };
    default:
      return { tone: 'none', message: 'noGoal', minutes: 0, waited: clock.waitedMinutes };
  }
}
