import { describe, expect, it } from 'vitest';
import type { PostingPlan } from '../../src/shared/contract/planner';
import { checkPlan, inQuietHours, nextFreeSlot } from '../../src/shared/planner/planRules';
import { formatLocal, resolveWallTime } from '../../src/shared/planner/wallTime';

const ZONE = 'Europe/Zurich';
const at = (local: string, zone = ZONE) => resolveWallTime(local, zone).ms;
const plan = (overrides: Partial<PostingPlan> = {}): PostingPlan => ({ timeZone: ZONE, slots: [], dailyCap: null, minGapMinutes: null, quietHours: null, ...overrides });
// Monday 2026-06-01 is a Monday.
const NOW = at('2026-06-01T08:00');
const weekdaySlots = (...times: string[]) => [1, 2, 3, 4, 5].flatMap((weekday) => times.map((time) => ({ weekday, time })));

describe('the plan rules', () => {
  it.each<[string, PostingPlan, string[], string, string[]]>([
    // name, plan, taken (local), candidate (local), rules broken
    ['no rules', plan(), ['2026-06-01T10:00'], '2026-06-01T10:05', []],
    ['cap of 2 with 2 that day', plan({ dailyCap: 2 }), ['2026-06-01T09:00', '2026-06-01T18:00'], '2026-06-01T12:00', ['daily_cap']],
    ['cap of 2 with 1 that day', plan({ dailyCap: 2 }), ['2026-06-01T09:00', '2026-06-02T09:00'], '2026-06-01T12:00', []],
    // 00:30 Zurich is still the previous day in UTC: the day is the plan zone's.
    ['cap counts the zone’s day', plan({ dailyCap: 1 }), ['2026-06-02T00:30'], '2026-06-02T23:30', ['daily_cap']],
    ['cap does not count yesterday late', plan({ dailyCap: 1 }), ['2026-06-01T23:59'], '2026-06-02T00:10', []],
    ['gap before', plan({ minGapMinutes: 60 }), ['2026-06-01T10:00'], '2026-06-01T10:20', ['min_gap']],
    ['gap after', plan({ minGapMinutes: 60 }), ['2026-06-01T11:00'], '2026-06-01T10:20', ['min_gap']],
    ['gap exactly met', plan({ minGapMinutes: 60 }), ['2026-06-01T10:00', '2026-06-01T12:00'], '2026-06-01T11:00', []],
    ['quiet hours inside', plan({ quietHours: { start: '12:00', end: '13:30' } }), [], '2026-06-01T13:00', ['quiet_hours']],
    ['quiet hours end is free', plan({ quietHours: { start: '12:00', end: '13:30' } }), [], '2026-06-01T13:30', []],
    ['quiet hours wrap: late', plan({ quietHours: { start: '22:00', end: '07:00' } }), [], '2026-06-01T23:15', ['quiet_hours']],
    ['quiet hours wrap: early', plan({ quietHours: { start: '22:00', end: '07:00' } }), [], '2026-06-02T06:59', ['quiet_hours']],
    ['quiet hours wrap: day', plan({ quietHours: { start: '22:00', end: '07:00' } }), [], '2026-06-02T07:00', []],
    ['in the past', plan(), [], '2026-06-01T07:59', ['in_the_past']],
    ['now is not the past', plan(), [], '2026-06-01T08:00', []],
    [
      'several at once',
      plan({ dailyCap: 1, minGapMinutes: 30, quietHours: { start: '20:00', end: '08:00' } }),
      ['2026-06-01T21:00'],
      '2026-06-01T21:10',
      ['daily_cap', 'min_gap', 'quiet_hours'],
    ],
  ])('%s', (_name, p, taken, candidate, rules) => {
    const warnings = checkPlan(p, taken.map((t) => at(t)), at(candidate), NOW);
    expect(warnings.map((w) => w.rule).sort()).toEqual([...rules].sort());
    for (const w of warnings) expect(w.message.length).toBeGreaterThan(10);
  });

  it('names the numbers in the warning for the UI', () => {
    const [cap] = checkPlan(plan({ dailyCap: 2 }), [at('2026-06-01T09:00'), at('2026-06-01T10:00')], at('2026-06-01T12:00'), NOW);
    expect(cap).toMatchObject({ rule: 'daily_cap', params: { date: '2026-06-01', count: 2, cap: 2 } });
    const [gap] = checkPlan(plan({ minGapMinutes: 60 }), [at('2026-06-01T09:00'), at('2026-06-01T10:00')], at('2026-06-01T10:20'), NOW);
    expect(gap).toMatchObject({ rule: 'min_gap', params: { other: '2026-06-01T10:00', minutes: 20, minGapMinutes: 60 } });
  });

  it('treats equal quiet-hour bounds as none', () => {
    expect(inQuietHours({ start: '10:00', end: '10:00' }, 600)).toBe(false);
  });
});

describe('next free slot', () => {
  it.each<[string, PostingPlan, string[], string, string | null]>([
    // name, plan, taken (local), after (local), expected slot (local) or null
    ['the next slot today', plan({ slots: weekdaySlots('09:00', '15:00') }), [], '2026-06-01T08:00', '2026-06-01T09:00'],
    ['strictly after', plan({ slots: weekdaySlots('09:00', '15:00') }), [], '2026-06-01T09:00', '2026-06-01T15:00'],
    ['skips a taken slot', plan({ slots: weekdaySlots('09:00', '15:00') }), ['2026-06-01T09:00'], '2026-06-01T08:00', '2026-06-01T15:00'],
    ['skips a full day', plan({ slots: weekdaySlots('09:00', '15:00'), dailyCap: 1 }), ['2026-06-01T18:00'], '2026-06-01T08:00', '2026-06-02T09:00'],
    ['skips slots too close to another post', plan({ slots: weekdaySlots('09:00', '10:00', '15:00'), minGapMinutes: 90 }), ['2026-06-01T08:45'], '2026-06-01T08:00', '2026-06-01T15:00'],
    ['skips slots in quiet hours', plan({ slots: weekdaySlots('07:00', '12:00'), quietHours: { start: '22:00', end: '08:00' } }), [], '2026-06-01T06:00', '2026-06-01T12:00'],
    ['over the weekend', plan({ slots: weekdaySlots('09:00') }), [], '2026-06-05T10:00', '2026-06-08T09:00'],
    ['weekday numbers are ISO (7 = Sunday)', plan({ slots: [{ weekday: 7, time: '11:00' }] }), [], '2026-06-01T08:00', '2026-06-07T11:00'],
    ['no slots', plan(), [], '2026-06-01T08:00', null],
    ['all full for 8 weeks', plan({ slots: [{ weekday: 1, time: '09:00' }], dailyCap: 1 }), Array.from({ length: 10 }, (_, i) => formatLocal(at('2026-06-01T12:00') + i * 7 * 86_400_000, ZONE)), '2026-06-01T08:00', null],
    // The slot at 02:30 does not exist on 2026-03-29 (spring forward): it is taken at 03:00.
    ['a slot in the DST gap', plan({ slots: [{ weekday: 7, time: '02:30' }] }), [], '2026-03-28T12:00', '2026-03-29T03:00'],
    // 02:30 exists twice on 2026-10-25: the first one (summer time).
    ['a doubled slot takes the first', plan({ slots: [{ weekday: 7, time: '02:30' }] }), [], '2026-10-24T12:00', '2026-10-25T02:30'],
  ])('%s', (_name, p, taken, after, expected) => {
    const slot = nextFreeSlot(p, taken.map((t) => at(t)), at(after), at(after));
    expect(slot?.local ?? null).toBe(expected);
    if (slot) expect(slot.ms).toBe(at(expected!));
  });

  it('reads slots in the plan’s zone: 09:00 in New York is 15:00 in Zurich', () => {
    const ny = plan({ timeZone: 'America/New_York', slots: weekdaySlots('09:00') });
    const slot = nextFreeSlot(ny, [], at('2026-06-01T08:00'))!;
    expect(slot.local).toBe('2026-06-01T09:00');
    expect(formatLocal(slot.ms, ZONE)).toBe('2026-06-01T15:00');
    expect(new Date(slot.ms).toISOString()).toBe('2026-06-01T13:00:00.000Z');
  });

  it('an ambiguous autumn slot is the earlier instant', () => {
    const slot = nextFreeSlot(plan({ slots: [{ weekday: 7, time: '02:30' }] }), [], at('2026-10-24T12:00'))!;
    expect(new Date(slot.ms).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
