import { describe, expect, it } from 'vitest';
import { inboxSettingsSchema, type BusinessDay } from '../../src/shared/contract/inbox';
import { DEFAULT_INBOX_SETTINGS, defaultInboxSettings } from '../../src/shared/inbox/defaults';
import { addBusinessMinutes, businessMinutesBetween, clockFor, dueFor, type BusinessHours } from '../../src/shared/inbox/responseClock';

const OFFICE: BusinessDay = { start: '09:00', end: '17:00' };
const WEEKDAYS: BusinessHours = [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, null, null];
const WHOLE_DAYS: BusinessHours = Array.from({ length: 7 }, () => ({ start: '00:00', end: '24:00' }));
const AROUND_THE_CLOCK: BusinessHours = Array.from({ length: 7 }, () => null);
const ZURICH = 'Europe/Zurich';
const NEW_YORK = 'America/New_York';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('addBusinessMinutes', () => {
  // Each case: received (UTC), goal, expected due (UTC), and why (local times in the comment).
  it.each([
    ['inside hours, same day', ZURICH, '2026-03-23T09:00:00Z', 120, '2026-03-23T11:00:00Z'], // Mon 10:00 CET -> 12:00
    ['before opening', ZURICH, '2026-03-23T06:00:00Z', 120, '2026-03-23T10:00:00Z'], // Mon 07:00 -> opens 09:00 -> 11:00
    ['after closing, into the next morning', ZURICH, '2026-03-23T15:00:00Z', 120, '2026-03-24T09:00:00Z'], // Mon 16:00: 60 today, 60 Tue -> 10:00
    ['ends exactly at closing', ZURICH, '2026-03-23T15:00:00Z', 60, '2026-03-23T16:00:00Z'], // Mon 16:00 + 60 -> 17:00 CET
    ['over a weekend and the spring DST change', ZURICH, '2026-03-27T15:30:00Z', 120, '2026-03-30T08:30:00Z'], // Fri 16:30 CET: 30 Fri, 90 Mon -> 10:30 CEST
    ['received on the Saturday of the change', ZURICH, '2026-03-28T11:00:00Z', 120, '2026-03-30T09:00:00Z'], // Sat -> Mon 09:00 CEST + 120 -> 11:00 CEST
    ['over a weekend and the autumn DST change', ZURICH, '2026-10-23T14:00:00Z', 120, '2026-10-26T09:00:00Z'], // Fri 16:00 CEST: 60 Fri, 60 Mon -> 10:00 CET
    ['New York, spring forward weekend', NEW_YORK, '2026-03-06T21:00:00Z', 120, '2026-03-09T14:00:00Z'], // Fri 16:00 EST: 60 Fri, 60 Mon -> 10:00 EDT
    ['New York, fall back weekend', NEW_YORK, '2026-10-30T20:30:00Z', 120, '2026-11-02T15:30:00Z'], // Fri 16:30 EDT: 30 Fri, 90 Mon -> 10:30 EST
    ['a goal longer than a business day', ZURICH, '2026-03-23T08:00:00Z', 8 * 60 + 30, '2026-03-24T08:30:00Z'], // Mon 09:00 + 8h30 -> Tue 09:30
  ])('%s', (_why, zone, received, goal, due) => {
    expect(iso(addBusinessMinutes(at(received), goal, WEEKDAYS, zone))).toBe(due);
  });

  it('counts real time around the clock, also through a DST night', () => {
    // 2026-03-29 00:00 CET (23:00Z the day before) + 24 h of real time = 01:00 CEST on Monday.
    expect(iso(addBusinessMinutes(at('2026-03-28T23:00:00Z'), 24 * 60, AROUND_THE_CLOCK, ZURICH))).toBe('2026-03-29T23:00:00Z');
  });

  it('gives a 00:00-24:00 day only 23 hours on the spring change, 25 on the autumn one', () => {
    const sundayOnly: BusinessHours = [null, null, null, null, null, null, { start: '00:00', end: '24:00' }];
    // From Saturday noon, 23 h of Sunday use the whole Sunday 2026-03-29: due at Monday 00:00 CEST.
    expect(iso(addBusinessMinutes(at('2026-03-28T11:00:00Z'), 23 * 60, sundayOnly, ZURICH))).toBe('2026-03-29T22:00:00Z');
    // 24 h do not fit into it: the last hour falls on the next Sunday.
    expect(iso(addBusinessMinutes(at('2026-03-28T11:00:00Z'), 24 * 60, sundayOnly, ZURICH))).toBe('2026-04-04T23:00:00Z');
    // On 2026-10-25, 25 h fit: due at Monday 00:00 CET.
    expect(iso(addBusinessMinutes(at('2026-10-24T10:00:00Z'), 25 * 60, sundayOnly, ZURICH))).toBe('2026-10-25T23:00:00Z');
  });

  it('keeps wall-clock business hours on both sides of a change', () => {
    // Monday after the spring change: opens 09:00 CEST = 07:00Z, a week earlier 09:00 CET = 08:00Z.
    expect(iso(addBusinessMinutes(at('2026-03-29T12:00:00Z'), 1, WEEKDAYS, ZURICH))).toBe('2026-03-30T07:01:00Z');
    expect(iso(addBusinessMinutes(at('2026-03-22T12:00:00Z'), 1, WEEKDAYS, ZURICH))).toBe('2026-03-23T08:01:00Z');
  });

  it('closes a day at 24:00', () => {
    const evenings: BusinessHours = Array.from({ length: 7 }, () => ({ start: '18:00', end: '24:00' }));
    // Mon 23:00 CET: 60 min until midnight, then 60 from Tuesday 18:00.
    expect(iso(addBusinessMinutes(at('2026-03-23T22:00:00Z'), 120, evenings, ZURICH))).toBe('2026-03-24T18:00:00Z');
  });

  it('returns the start for no minutes', () => {
    expect(addBusinessMinutes(at('2026-03-28T11:00:00Z'), 0, WEEKDAYS, ZURICH)).toBe(at('2026-03-28T11:00:00Z'));
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['Fri 16:00 to Mon 10:00 over the spring change', ZURICH, WEEKDAYS, '2026-03-27T15:00:00Z', '2026-03-30T08:00:00Z', 120],
    ['a whole weekend', ZURICH, WEEKDAYS, '2026-03-27T16:00:00Z', '2026-03-30T07:00:00Z', 0],
    ['the spring change day, 00:00-24:00', ZURICH, WHOLE_DAYS, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 23 * 60],
    ['the autumn change day, 00:00-24:00', ZURICH, WHOLE_DAYS, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25 * 60],
    ['New York, Fri 16:30 to Mon 10:30 over fall back', NEW_YORK, WEEKDAYS, '2026-10-30T20:30:00Z', '2026-11-02T15:30:00Z', 120],
    ['around the clock', ZURICH, AROUND_THE_CLOCK, '2026-03-28T23:00:00Z', '2026-03-29T23:00:00Z', 24 * 60],
    ['end before start', ZURICH, WEEKDAYS, '2026-03-30T08:00:00Z', '2026-03-27T15:00:00Z', 0],
  ])('%s', (_why, zone, hours, from, to, minutes) => {
    expect(businessMinutesBetween(at(from), at(to), hours, zone)).toBe(minutes);
  });

  it('is the inverse of addBusinessMinutes', () => {
    for (const start of ['2026-03-27T15:30:00Z', '2026-10-23T14:00:00Z', '2026-03-28T11:00:00Z', '2026-03-23T06:00:00Z']) {
      for (const goal of [5, 45, 120, 600, 3000]) {
        const due = addBusinessMinutes(at(start), goal, WEEKDAYS, ZURICH);
        expect(businessMinutesBetween(at(start), due, WEEKDAYS, ZURICH)).toBeCloseTo(goal, 9);
      }
    }
  });
});

describe('clockFor', () => {
  // Received Friday 16:30 CET before the spring change; due Monday 10:30 CEST.
  const receivedMs = at('2026-03-27T15:30:00Z');
  const dueMs = addBusinessMinutes(receivedMs, 120, WEEKDAYS, ZURICH);
  const base = { receivedMs, dueMs, firstResponseMs: null, status: 'open' as const, goalMinutes: 120, businessHours: WEEKDAYS, timeZone: ZURICH };

  it('stands still over the weekend: ok with 90 business minutes left on Sunday', () => {
    expect(clockFor({ ...base, nowMs: at('2026-03-29T12:00:00Z') })).toEqual({ state: 'ok', waitedMinutes: 30, remainingMinutes: 90 });
  });

  it('turns amber when at most a quarter of the goal is left', () => {
    // Monday 10:00 CEST: 30 min left of 120 (exactly 25 %).
    expect(clockFor({ ...base, nowMs: at('2026-03-30T08:00:00Z') })).toEqual({ state: 'amber', waitedMinutes: 90, remainingMinutes: 30 });
    // Monday 09:59 CEST: 31 min left.
    expect(clockFor({ ...base, nowMs: at('2026-03-30T07:59:00Z') }).state).toBe('ok');
  });

  it('turns red once due, with the overdue business minutes', () => {
    expect(clockFor({ ...base, nowMs: dueMs }).state).toBe('red');
    expect(clockFor({ ...base, nowMs: at('2026-03-30T09:15:00Z') })).toEqual({ state: 'red', waitedMinutes: 165, remainingMinutes: -45 });
  });

  it('is answered after a first response or when done', () => {
    const firstResponseMs = at('2026-03-30T07:15:00Z'); // Monday 09:15 CEST
    expect(clockFor({ ...base, firstResponseMs, nowMs: at('2026-04-02T12:00:00Z') })).toEqual({ state: 'answered', waitedMinutes: 45, remainingMinutes: null });
    expect(clockFor({ ...base, status: 'done', nowMs: at('2026-04-02T12:00:00Z') })).toEqual({ state: 'answered', waitedMinutes: null, remainingMinutes: null });
  });

  it('says none without a due time', () => {
    expect(clockFor({ ...base, dueMs: null, nowMs: at('2026-03-30T08:00:00Z') })).toEqual({ state: 'none', waitedMinutes: 90, remainingMinutes: null });
  });

  it('dueFor applies the goal of the settings', () => {
    expect(dueFor(receivedMs, { goalMinutes: 120, businessHours: [...WEEKDAYS], timeZone: ZURICH })).toBe(dueMs);
  });
});

describe('default inbox settings', () => {
  it('are valid settings: two hours, Monday to Friday 09:00-17:00, the machine zone', () => {
    expect(inboxSettingsSchema.parse(DEFAULT_INBOX_SETTINGS)).toEqual(DEFAULT_INBOX_SETTINGS);
    expect(DEFAULT_INBOX_SETTINGS.goalMinutes).toBe(120);
    expect(DEFAULT_INBOX_SETTINGS.businessHours).toEqual([OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, null, null]);
    expect(DEFAULT_INBOX_SETTINGS.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    expect(DEFAULT_INBOX_SETTINGS).toMatchObject({ signaturePlacement: 'replies', currentAgentId: null, requireAltText: false, acknowledgementReplyId: null });
  });

  it('hand out copies that do not change the defaults', () => {
    const copy = defaultInboxSettings();
    copy.businessHours[0] = null;
    expect(DEFAULT_INBOX_SETTINGS.businessHours[0]).toEqual(OFFICE);
  });
});
