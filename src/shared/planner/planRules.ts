import type { PlanWarning, PostingPlan } from '../contract/planner';
import { addDays, clockMinutes, formatLocal, localParts, resolveWallTime } from './wallTime';

/**
 * The posting plan's rules, pure (the core and the renderer both use them). Instants are ms since
 * the epoch; "taken" are the account's other scheduled and published posts. Calendar days and
 * clock times are read in the plan's zone.
 */

const MINUTE = 60_000;
/** How far "Add to queue" looks ahead for a free slot. */
export const NEXT_SLOT_HORIZON_DAYS = 56;

/** The plan of an account that has none stored: the workspace's zone and no rules. */
export function defaultPlan(timeZone: string): PostingPlan {
  return { timeZone, slots: [], dailyCap: null, minGapMinutes: null, quietHours: null };
}

/** Whether a clock time (minutes since midnight) lies in the quiet hours; they may wrap past midnight. Equal start and end: no quiet hours. */
export function inQuietHours(quiet: PostingPlan['quietHours'], minutes: number): boolean {
  if (!quiet) return false;
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** Which rules of the plan a post at `at` would break, given the account's other posts. */
export function checkPlan(plan: PostingPlan, taken: readonly number[], at: number, nowMs: number): PlanWarning[] {
  return planChecker(plan, taken)(at, nowMs);
}

/** checkPlan for many candidates against the same posts: the posts' calendar days are read once. */
export function planChecker(plan: PostingPlan, taken: readonly number[]): (at: number, nowMs: number) => PlanWarning[] {
  const takenDays = plan.dailyCap !== null ? taken.map((t) => localParts(t, plan.timeZone).date) : [];
  return (at, nowMs) => check(plan, taken, takenDays, at, nowMs);
}

function check(plan: PostingPlan, taken: readonly number[], takenDays: readonly string[], at: number, nowMs: number): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const zone = plan.timeZone;
  // Minute precision: "now" on the clock is not in the past.
  if (at < Math.floor(nowMs / MINUTE) * MINUTE) {
    warnings.push({ rule: 'in_the_past', message: `${formatLocal(at, zone)} is in the past.`, params: { at: formatLocal(at, zone) } });
  }
  const here = localParts(at, zone);
  if (plan.dailyCap !== null) {
    const sameDay = takenDays.filter((day) => day === here.date).length;
    if (sameDay + 1 > plan.dailyCap) {
      warnings.push({
        rule: 'daily_cap',
        message: `${here.date} already has ${sameDay} post${sameDay === 1 ? '' : 's'}; the plan allows ${plan.dailyCap} a day.`,
        params: { date: here.date, count: sameDay, cap: plan.dailyCap },
      });
    }
  }
  if (plan.minGapMinutes !== null) {
    const gapMs = plan.minGapMinutes * MINUTE;
    let nearest: number | null = null;
    for (const t of taken) if (Math.abs(t - at) < gapMs && (nearest === null || Math.abs(t - at) < Math.abs(nearest - at))) nearest = t;
    if (nearest !== null) {
      const apart = Math.round(Math.abs(nearest - at) / MINUTE);
      warnings.push({
        rule: 'min_gap',
        message: `Another post goes out at ${formatLocal(nearest, zone)}, ${apart} minutes apart; the plan wants at least ${plan.minGapMinutes}.`,
        params: { other: formatLocal(nearest, zone), minutes: apart, minGapMinutes: plan.minGapMinutes },
      });
    }
  }
  if (inQuietHours(plan.quietHours, here.minutes)) {
    warnings.push({
      rule: 'quiet_hours',
      message: `${formatLocal(at, zone).slice(11)} is in the quiet hours (${plan.quietHours!.start}–${plan.quietHours!.end}).`,
      params: { start: plan.quietHours!.start, end: plan.quietHours!.end },
    });
  }
  return warnings;
}

/**
 * The earliest slot of the plan after `after` that no post takes and that breaks no rule, looking
 * ahead NEXT_SLOT_HORIZON_DAYS; null when there is none (no slots, or all of them full).
 * A slot at a wall time that does not exist that day (a DST gap) is taken at the first minute
 * after the gap, as every wall time is (see wallTime.ts).
 */
export function nextFreeSlot(plan: PostingPlan, taken: readonly number[], after: number, nowMs: number = after): { ms: number; local: string } | null {
  if (plan.slots.length === 0) return null;
  const zone = plan.timeZone;
  const byWeekday = new Map<number, string[]>();
  for (const slot of plan.slots) byWeekday.set(slot.weekday, [...(byWeekday.get(slot.weekday) ?? []), slot.time]);
  for (const times of byWeekday.values()) times.sort();
  const takenMinutes = new Set(taken.map((t) => Math.floor(t / MINUTE)));
  const breaks = planChecker(plan, taken);
  // Start a day early: `after` may be late in the day in UTC but early in the plan's zone.
  const first = localParts(after, zone).date;
  for (let day = -1; day <= NEXT_SLOT_HORIZON_DAYS; day++) {
    const { date, weekday } = addDays(first, day);
    for (const time of byWeekday.get(weekday) ?? []) {
      if (time === '24:00') continue;
      const resolved = resolveWallTime(`${date}T${time}`, zone);
      if (resolved.ms <= after || takenMinutes.has(Math.floor(resolved.ms / MINUTE))) continue;
      if (breaks(resolved.ms, nowMs).length === 0) return { ms: resolved.ms, local: resolved.local };
    }
  }
  return null;
}
