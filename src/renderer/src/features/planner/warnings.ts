import type { TFunction } from 'i18next';
import type { PlanWarning } from '../../../../shared/contract/planner';
import { formatMinutes, formatShortDay } from './calendar';

type Params = NonNullable<PlanWarning['params']>;

function num(params: Params, name: string): number | null {
  const value = params[name];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}

function str(params: Params, name: string): string | null {
  const value = params[name];
  return typeof value === 'string' && value ? value : null;
}

/**
 * A broken rule of the plan in the user's language, naming the rule and its numbers ("Daily cap of
 * 2 posts reached on Tue 24 Nov") from the params of shared/planner/planRules. The core's own
 * (English) message is the fallback when the numbers are missing, so a warning is never empty.
 */
export function warningText(warning: PlanWarning, t: TFunction, locale: string): string {
  const params = warning.params ?? {};
  const units = { h: t('planner.units.h'), min: t('planner.units.min') };
  switch (warning.rule) {
    case 'daily_cap': {
      const cap = num(params, 'cap');
      const date = str(params, 'date');
      if (cap === null) break;
      return date && /^\d{4}-\d{2}-\d{2}/.test(date)
        ? t('planner.warnings.dailyCap', { count: cap, day: formatShortDay(date.slice(0, 10), locale) })
        : t('planner.warnings.dailyCapNoDay', { count: cap });
    }
    case 'min_gap': {
      const wanted = num(params, 'minGapMinutes');
      const actual = num(params, 'minutes');
      if (wanted === null || actual === null) break;
      return t('planner.warnings.minGap', { gap: formatMinutes(actual, units), wanted: formatMinutes(wanted, units) });
    }
    case 'quiet_hours': {
      const start = str(params, 'start');
      const end = str(params, 'end');
      if (!start || !end) break;
      return t('planner.warnings.quietHours', { start, end });
    }
    case 'in_the_past':
      return t('planner.warnings.inThePast');
  }
  return warning.message;
}
