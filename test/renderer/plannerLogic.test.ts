// Pure logic of the planner UI: the calendar's days and navigation, where a post sits and what it
// is called, drop targets, bulk shifts, warning texts (with real i18next plurals), the plan form,
// the heatmap's cells and the composer's target accounts and per-network variants.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import type { AccountView } from '../../src/shared/contract/accounts';
import type { DraftContent } from '../../src/shared/contract/composer';
import type { PostingPlan, ScheduledPost } from '../../src/shared/contract/planner';
import { postingPlanSchema } from '../../src/shared/contract/planner';
import { resources } from '../../src/renderer/src/i18n';
import {
  dropTarget,
  entryDay,
  entryHour,
  fetchRange,
  formatEntryTime,
  formatMinutes,
  groupByDay,
  isLocalDateTime,
  isMovable,
  postButtonName,
  shiftMinutes,
  stepAnchor,
  textExcerpt,
  todayKey,
  visibleDays,
} from '../../src/renderer/src/features/planner/calendar';
import { warningText } from '../../src/renderer/src/features/planner/warnings';
import { formToPlan, planToForm, weekdayName } from '../../src/renderer/src/features/planner/planForm';
import { heatLevel, heatRows } from '../../src/renderer/src/features/planner/heatmap';
import { targetIdsOf, targetNetworks, textFor, toggledTargets, withVariant } from '../../src/renderer/src/features/composer/targets';

let n = 0;
function post(patch: Partial<ScheduledPost> = {}): ScheduledPost {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    workspaceId: '11111111-1111-4111-8111-111111111111',
    accountId: '22222222-2222-4222-8222-222222222222',
    network: 'bluesky',
    inboxItemId: null,
    replyToItemId: null,
    state: 'scheduled',
    text: 'Our autumn sale starts on Tuesday with twenty percent off everything in the shop, come early',
    dueAt: '2026-11-24T08:30:00.000Z',
    attempts: 0,
    error: null,
    remoteId: null,
    remoteUrl: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    publishedAt: null,
    wallTime: { local: '2026-11-24T09:30', timeZone: 'Europe/Zurich' },
    counts: null,
    ...patch,
  };
}

describe('calendar days', () => {
  test('a week runs Monday to Sunday around the anchor', () => {
    expect(visibleDays('week', '2026-11-26')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  test('a month covers whole weeks from the Monday before the 1st to the Sunday after the last', () => {
    const days = visibleDays('month', '2026-11-15');
    expect(days[0]).toBe('2026-10-26');
    expect(days.at(-1)).toBe('2026-12-06');
    expect(days.length % 7).toBe(0);
    expect(days).toContain('2026-11-30');
  });

  test('previous and next step a week, or a month from its first day (no day overflow on the 31st)', () => {
    expect(stepAnchor('week', '2026-11-26', 1)).toBe('2026-12-03');
    expect(stepAnchor('week', '2026-11-26', -1)).toBe('2026-11-19');
    expect(stepAnchor('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(stepAnchor('month', '2026-03-31', -1)).toBe('2026-02-01');
  });

  test('the range asked for reaches a day beyond the visible days on both sides', () => {
    const range = fetchRange(visibleDays('week', '2026-11-26'));
    expect(Date.parse(range.from)).toBe(Date.parse('2026-11-22T00:00:00Z'));
    expect(Date.parse(range.to)).toBe(Date.parse('2026-12-01T00:00:00Z'));
  });

  test('today is the date in the given zone, not in UTC', () => {
    const late = Date.parse('2026-11-24T23:30:00Z');
    expect(todayKey(late, 'UTC')).toBe('2026-11-24');
    expect(todayKey(late, 'Europe/Zurich')).toBe('2026-11-25');
    expect(todayKey(late, 'America/New_York')).toBe('2026-11-24');
  });
});

describe('where a post sits and what it is called', () => {
  test('its day and hour are those of its own zone', () => {
    const tokyo = post({ dueAt: '2026-11-24T20:00:00.000Z', wallTime: { local: '2026-11-25T05:00', timeZone: 'Asia/Tokyo' } });
    expect(entryDay(tokyo)).toBe('2026-11-25');
    expect(entryHour(tokyo)).toBe(5);
  });

  test('its time is shown in its own zone, in the user locale', () => {
    const zurich = post();
    expect(formatEntryTime(zurich, 'de-CH')).toBe('09:30');
    const newYork = post({ dueAt: '2026-11-24T14:05:00.000Z', wallTime: { local: '2026-11-24T09:05', timeZone: 'America/New_York' } });
    expect(formatEntryTime(newYork, 'en-US')).toMatch(/^09:05\s?AM$/);
  });

  test('a published post sits where it went out', () => {
    const published = post({ state: 'published', wallTime: null, dueAt: '2026-11-24T08:30:00.000Z', publishedAt: '2026-11-25T10:00:00.000Z' });
    expect(entryDay(published)).toBe(new Date('2026-11-25T10:00:00.000Z').toLocaleDateString('sv-SE'));
  });

  test('the button name is "<time> <handle>: <excerpt>", the excerpt cut at a word', () => {
    const name = postButtonName(post(), 'shop.example', 'de-CH');
    expect(name.startsWith('09:30 @shop.example: Our autumn sale starts on Tuesday')).toBe(true);
    expect(name.endsWith('…')).toBe(true);
    expect(name.length).toBeLessThan(90);
    expect(textExcerpt('short\n\ntext')).toBe('short text');
  });

  test('posts group by day in time order', () => {
    const late = post({ dueAt: '2026-11-24T16:00:00.000Z', wallTime: { local: '2026-11-24T17:00', timeZone: 'Europe/Zurich' } });
    const early = post({ dueAt: '2026-11-24T07:00:00.000Z', wallTime: { local: '2026-11-24T08:00', timeZone: 'Europe/Zurich' } });
    const next = post({ dueAt: '2026-11-25T07:00:00.000Z', wallTime: { local: '2026-11-25T08:00', timeZone: 'Europe/Zurich' } });
    const byDay = groupByDay([late, next, early]);
    expect(byDay.get('2026-11-24')?.map((e) => e.id)).toEqual([early.id, late.id]);
    expect(byDay.get('2026-11-25')?.map((e) => e.id)).toEqual([next.id]);
  });

  test('published and publishing posts cannot be moved', () => {
    expect(isMovable(post())).toBe(true);
    expect(isMovable(post({ state: 'failed' }))).toBe(true);
    expect(isMovable(post({ state: 'published' }))).toBe(false);
    expect(isMovable(post({ state: 'publishing' }))).toBe(false);
  });
});

describe('moving', () => {
  test('a drop on a day keeps the time, on an hour keeps the minutes, always in the post zone', () => {
    const entry = post();
    expect(dropTarget(entry, '2026-11-27')).toEqual({ local: '2026-11-27T09:30', timeZone: 'Europe/Zurich' });
    expect(dropTarget(entry, '2026-11-27', 14)).toEqual({ local: '2026-11-27T14:30', timeZone: 'Europe/Zurich' });
    expect(dropTarget(entry, '2026-11-27', 7)).toEqual({ local: '2026-11-27T07:30', timeZone: 'Europe/Zurich' });
  });

  test('bulk shifts are whole hours or days, never 0, within a year', () => {
    expect(shiftMinutes('2', 'hours')).toBe(120);
    expect(shiftMinutes('-1', 'days')).toBe(-1440);
    expect(shiftMinutes('0', 'days')).toBeNull();
    expect(shiftMinutes('1.5', 'hours')).toBeNull();
    expect(shiftMinutes('', 'hours')).toBeNull();
    expect(shiftMinutes('400', 'days')).toBeNull();
  });

  test('only a complete date and time is a local date-time', () => {
    expect(isLocalDateTime('2026-11-24T09:30')).toBe(true);
    expect(isLocalDateTime('2026-11-24T24:00')).toBe(false);
    expect(isLocalDateTime('2026-11-24')).toBe(false);
  });
});

// The params are those shared/planner/planRules.ts gives each warning.
describe('warnings name the rule', () => {
  let t: TFunction;
  let tDe: TFunction;
  beforeAll(async () => {
    const en = i18next.createInstance();
    await en.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
    t = en.t;
    const de = i18next.createInstance();
    await de.init({ resources, lng: 'de', interpolation: { escapeValue: false } });
    tDe = de.t;
  });

  test('daily cap with its number and day', () => {
    expect(warningText({ rule: 'daily_cap', message: 'x', params: { date: '2026-11-24', count: 2, cap: 2 } }, t, 'en-GB')).toBe('Daily cap of 2 posts reached on Tue 24 Nov');
    expect(warningText({ rule: 'daily_cap', message: 'x', params: { cap: 1 } }, t, 'en-GB')).toBe('Daily cap of 1 post reached');
    expect(warningText({ rule: 'daily_cap', message: 'x', params: { date: '2026-11-24', count: 3, cap: 2 } }, tDe, 'de-CH')).toBe('Tageslimit von 2 Beiträgen am Di., 24. Nov. erreicht');
  });

  test('minimum gap with both durations', () => {
    expect(warningText({ rule: 'min_gap', message: 'x', params: { other: '2026-11-24T09:00', minutes: 20, minGapMinutes: 120 } }, t, 'en')).toBe('Only 20 min after another post; the plan wants 2 h');
    expect(warningText({ rule: 'min_gap', message: 'x', params: { other: '2026-11-24T09:00', minutes: 90, minGapMinutes: 180 } }, t, 'en')).toBe('Only 1 h 30 min after another post; the plan wants 3 h');
  });

  test('quiet hours with their times, and the past', () => {
    expect(warningText({ rule: 'quiet_hours', message: 'x', params: { start: '22:00', end: '07:00' } }, t, 'en')).toBe('In quiet hours 22:00–07:00');
    expect(warningText({ rule: 'in_the_past', message: 'x' }, t, 'en')).toBe('This time has already passed');
  });

  test("the core's message stands in when the numbers are missing", () => {
    expect(warningText({ rule: 'min_gap', message: 'Too close to the post at 09:00.' }, t, 'en')).toBe('Too close to the post at 09:00.');
    expect(warningText({ rule: 'quiet_hours', message: 'Quiet hours.', params: { start: '22:00' } }, t, 'en')).toBe('Quiet hours.');
  });

  test('durations read as hours and minutes', () => {
    expect(formatMinutes(45, { h: 'h', min: 'min' })).toBe('45 min');
    expect(formatMinutes(120, { h: 'h', min: 'min' })).toBe('2 h');
  });
});

describe('the plan form', () => {
  const plan: PostingPlan = {
    timeZone: 'Europe/Zurich',
    slots: [
      { weekday: 2, time: '12:00' },
      { weekday: 1, time: '09:00' },
      { weekday: 2, time: '08:15' },
    ],
    dailyCap: 2,
    minGapMinutes: 120,
    quietHours: { start: '22:00', end: '07:00' },
  };

  test('round-trips a plan, slots in weekday and time order', () => {
    const form = planToForm(plan);
    expect(form.slots[2]).toEqual(['08:15', '12:00']);
    const back = formToPlan(form);
    expect('plan' in back && back.plan).toEqual({ ...plan, slots: [plan.slots[1], plan.slots[2], plan.slots[0]] });
    expect(postingPlanSchema.safeParse('plan' in back ? back.plan : null).success).toBe(true);
  });

  test('empty limits mean no rule; quiet hours can be switched off; duplicate times count once', () => {
    const form = { ...planToForm(plan), dailyCap: '', minGap: ' ', quietEnabled: false, slots: { ...planToForm(plan).slots, 3: ['10:00', '10:00'] } };
    const result = formToPlan(form);
    if (!('plan' in result)) throw new Error('expected a plan');
    expect(result.plan.dailyCap).toBeNull();
    expect(result.plan.minGapMinutes).toBeNull();
    expect(result.plan.quietHours).toBeNull();
    expect(result.plan.slots.filter((s) => s.weekday === 3)).toEqual([{ weekday: 3, time: '10:00' }]);
  });

  test('bad numbers and half-typed times name the field', () => {
    expect(formToPlan({ ...planToForm(plan), dailyCap: '0' })).toEqual({ error: { field: 'dailyCap', min: 1, max: 100 } });
    expect(formToPlan({ ...planToForm(plan), minGap: '2.5' })).toEqual({ error: { field: 'minGap', min: 1, max: 1440 } });
    expect(formToPlan({ ...planToForm(plan), slots: { ...planToForm(plan).slots, 5: [''] } })).toEqual({ error: { field: 'time' } });
  });

  test('weekday names follow ISO numbering in the user language', () => {
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'de')).toBe('Sonntag');
  });
});

describe('the heatmap', () => {
  test('scores map to six colour steps', () => {
    expect([0, 0.09, 0.1, 0.5, 0.95, 1].map(heatLevel)).toEqual([0, 0, 1, 3, 5, 5]);
  });

  test('rows run Monday to Sunday, 24 hours each, filling missing cells with 0', () => {
    const rows = heatRows([{ weekday: 3, hour: 14, score: 1, posts: 9 }]);
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.length === 24)).toBe(true);
    expect(rows[2]![14]).toEqual({ weekday: 3, hour: 14, score: 1, posts: 9 });
    expect(rows[0]![0]).toEqual({ weekday: 1, hour: 0, score: 0, posts: 0 });
  });
});

describe('target accounts and variants of a new post', () => {
  const account = (id: string, network: 'bluesky' | 'mastodon'): AccountView => ({
    id,
    workspaceId: '11111111-1111-4111-8111-111111111111',
    network,
    handle: `${id}.example`,
    displayName: null,
    serverUrl: null,
    status: 'connected',
    createdAt: '2026-11-01T00:00:00.000Z',
  });
  const accounts = [account('a', 'bluesky'), account('b', 'mastodon'), account('c', 'bluesky')];
  const content: DraftContent = { text: 'Main', spoilerText: null, language: 'en', visibility: null, appendSignature: false };

  test('the targets are the draft list, or its one account', () => {
    expect(targetIdsOf(content, 'a')).toEqual(['a']);
    expect(targetIdsOf(content, null)).toEqual([]);
    expect(targetIdsOf({ ...content, targetAccountIds: ['b', 'c'] }, 'a')).toEqual(['b', 'c']);
  });

  test('ticking keeps order and never doubles; the networks come Bluesky first', () => {
    expect(toggledTargets(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggledTargets(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggledTargets(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(targetNetworks(['b', 'c'], accounts)).toEqual(['bluesky', 'mastodon']);
    expect(targetNetworks(['a', 'c'], accounts)).toEqual(['bluesky']);
  });

  test('a variant replaces the main text for its network only, and can be removed again', () => {
    const withMastodon = { ...content, ...withVariant(content, 'mastodon', 'Longer text for Mastodon') };
    expect(textFor(withMastodon, 'mastodon')).toBe('Longer text for Mastodon');
    expect(textFor(withMastodon, 'bluesky')).toBe('Main');
    const removed = { ...withMastodon, ...withVariant(withMastodon, 'mastodon', null) };
    expect(removed.variants).toBeUndefined();
    expect(textFor(removed, 'mastodon')).toBe('Main');
  });
});
