import { INQUIRY_TYPES, SENTIMENTS, type InquiryType, type Sentiment } from '../../../../shared/contract/analysis';
import type { BusinessDay, InboxRule, RuleConditions } from '../../../../shared/contract/inbox';
import type { Network } from '../../../../shared/contract/items';

/** The goal as the form shows it: hours and minutes. */
export function goalParts(goalMinutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(goalMinutes / 60), minutes: goalMinutes % 60 };
}

/** The goal in minutes from the form, or null when it is not a whole number within 5 min and 7 days. */
export function goalFromParts(hours: string, minutes: string): number | null {
  const h = hours.trim() === '' ? 0 : Number(hours);
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59) return null;
  const total = h * 60 + m;
  return total >= 5 && total <= 7 * 24 * 60 ? total : null;
}

/** One weekday row of the form. */
export interface DayRow {
  open: boolean;
  start: string;
  end: string;
}

export function dayRows(hours: readonly BusinessDay[]): DayRow[] {
  return hours.map((day) => (day ? { open: true, start: day.start, end: day.end } : { open: false, start: '09:00', end: '17:00' }));
}

/** The week for the core, or the index of the first day whose end is not after its start. */
export function businessHoursFrom(rows: readonly DayRow[]): { ok: true; hours: BusinessDay[] } | { ok: false; day: number } {
  const hours: BusinessDay[] = [];
  for (const [index, row] of rows.entries()) {
    if (!row.open) {
      hours.push(null);
      continue;
    }
    // "24:00" may close a day; a time field gives "00:00" for midnight, which means the same at the end.
    const end = row.end === '00:00' ? '24:00' : row.end;
    if (!/^\d{2}:\d{2}$/.test(row.start) || !/^\d{2}:\d{2}$/.test(end) || row.start >= end) return { ok: false, day: index };
    hours.push({ start: row.start, end });
  }
  return { ok: true, hours };
}

/** A comma separated field as a list: trimmed, without empties and duplicates. */
export function splitList(value: string): string[] {
  return [...new Set(value.split(',').map((part) => part.trim()).filter(Boolean))];
}

/** The rule editor's fields, all as the inputs hold them. */
export interface RuleForm {
  name: string;
  enabled: boolean;
  keywords: string;
  networks: Network[];
  streamIds: string[];
  languages: string;
  minFollowers: string;
  /** As the on-device analysis judges the text; none ticked: any. */
  sentiments: Sentiment[];
  inquiryTypes: InquiryType[];
  tags: string;
  assigneeId: string;
}

export const EMPTY_RULE_FORM: RuleForm = {
  name: '',
  enabled: true,
  keywords: '',
  networks: [],
  streamIds: [],
  languages: '',
  minFollowers: '',
  sentiments: [],
  inquiryTypes: [],
  tags: '',
  assigneeId: '',
};

export function ruleForm(rule: InboxRule): RuleForm {
  return {
    name: rule.name,
    enabled: rule.enabled,
    keywords: rule.conditions.keywords.join(', '),
    networks: [...rule.conditions.networks],
    streamIds: [...rule.conditions.streamIds],
    languages: rule.conditions.languages.join(', '),
    minFollowers: rule.conditions.minFollowers === null ? '' : String(rule.conditions.minFollowers),
    sentiments: [...rule.conditions.sentiments],
    inquiryTypes: [...rule.conditions.inquiryTypes],
    tags: rule.actions.tags.join(', '),
    assigneeId: rule.actions.assigneeId ?? '',
  };
}

export type RuleFormProblem = 'name' | 'minFollowers' | 'noAction';

/** The rule for rules.save, or what is wrong with the form. */
export function ruleFromForm(form: RuleForm): { ok: true; rule: { name: string; enabled: boolean; conditions: RuleConditions; actions: { tags: string[]; assigneeId: string | null } } } | { ok: false; problem: RuleFormProblem } {
  const name = form.name.trim();
  if (!name) return { ok: false, problem: 'name' };
  let minFollowers: number | null = null;
  if (form.minFollowers.trim() !== '') {
    const value = Number(form.minFollowers);
    if (!Number.isInteger(value) || value < 0) return { ok: false, problem: 'minFollowers' };
    minFollowers = value;
  }
  const tags = splitList(form.tags).map((tag) => tag.toLowerCase());
  const assigneeId = form.assigneeId || null;
  if (tags.length === 0 && assigneeId === null) return { ok: false, problem: 'noAction' };
  return {
    ok: true,
    rule: {
      name,
      enabled: form.enabled,
      conditions: {
        keywords: splitList(form.keywords),
        networks: form.networks,
        streamIds: form.streamIds,
        languages: splitList(form.languages).map((code) => code.toLowerCase()),
        minFollowers,
        // In the vocabulary's order, whatever order they were ticked in.
        sentiments: SENTIMENTS.filter((sentiment) => form.sentiments.includes(sentiment)),
        inquiryTypes: INQUIRY_TYPES.filter((type) => form.inquiryTypes.includes(type)),
      },
      actions: { tags: [...new Set(tags)], assigneeId },
    },
  };
}
