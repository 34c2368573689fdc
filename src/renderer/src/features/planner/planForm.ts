import type { PostingPlan } from '../../../../shared/contract/planner';

/** The plan editor's fields as typed (numbers as text, slots per weekday 1..7). */
export interface PlanForm {
  timeZone: string;
  dailyCap: string;
  minGap: string;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  slots: Record<number, string[]>;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function planToForm(plan: PostingPlan): PlanForm {
  const slots: Record<number, string[]> = {};
  for (const weekday of WEEKDAYS) slots[weekday] = [];
  for (const slot of plan.slots) slots[slot.weekday]!.push(slot.time);
  for (const weekday of WEEKDAYS) slots[weekday]!.sort();
  return {
    timeZone: plan.timeZone,
    dailyCap: plan.dailyCap === null ? '' : String(plan.dailyCap),
    minGap: plan.minGapMinutes === null ? '' : String(plan.minGapMinutes),
    quietEnabled: plan.quietHours !== null,
    quietStart: plan.quietHours?.start ?? '22:00',
    quietEnd: plan.quietHours?.end ?? '07:00',
    slots,
  };
}

export type PlanFormError = { field: 'dailyCap'; min: number; max: number } | { field: 'minGap'; min: number; max: number } | { field: 'time' };

function wholeNumber(text: string, min: number, max: number): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const n = Number(trimmed);
  return n >= min && n <= max ? n : 'invalid';
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** The form as the contract's plan, or which field is wrong. Duplicate times of a day count once. */
export function formToPlan(form: PlanForm): { plan: PostingPlan } | { error: PlanFormError } {
  const dailyCap = wholeNumber(form.dailyCap, 1, 100);
  if (dailyCap === 'invalid') return { error: { field: 'dailyCap', min: 1, max: 100 } };
  const minGap = wholeNumber(form.minGap, 1, 24 * 60);
  if (minGap === 'invalid') return { error: { field: 'minGap', min: 1, max: 24 * 60 } };
  const slots: PostingPlan['slots'] = [];
  for (const weekday of WEEKDAYS) {
    const times = form.slots[weekday] ?? [];
    if (times.some((time) => !TIME.test(time))) return { error: { field: 'time' } };
    for (const time of [...new Set(times)].sort()) slots.push({ weekday, time });
  }
  if (form.quietEnabled && (!TIME.test(form.quietStart) || !TIME.test(form.quietEnd))) return { error: { field: 'time' } };
  return {
    plan: {
      timeZone: form.timeZone,
      slots,
      dailyCap,
      minGapMinutes: minGap,
      quietHours: form.quietEnabled ? { start: form.quietStart, end: form.quietEnd } : null,
    },
  };
}

/** "Monday" for ISO weekday 1, in the user's language (1 January 2024 was a Monday). */
export function weekdayName(weekday: number, locale: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}
