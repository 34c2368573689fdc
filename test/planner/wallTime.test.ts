import { describe, expect, it } from 'vitest';
import { formatLocal, resolveWallTime, shiftLocal } from '../../src/shared/planner/wallTime';

describe('wall-clock times in a zone', () => {
  it.each([
    // zone, local, instant, local as stored, adjustment
    ['Europe/Zurich', '2026-06-01T10:00', '2026-06-01T08:00:00.000Z', '2026-06-01T10:00', 'none'],
    ['Europe/Zurich', '2026-01-15T10:00', '2026-01-15T09:00:00.000Z', '2026-01-15T10:00', 'none'],
    // Spring forward: 02:00–02:59 do not exist; the first minute after the gap is 03:00.
    ['Europe/Zurich', '2026-03-29T02:30', '2026-03-29T01:00:00.000Z', '2026-03-29T03:00', 'gap'],
    ['Europe/Zurich', '2026-03-29T02:00', '2026-03-29T01:00:00.000Z', '2026-03-29T03:00', 'gap'],
    ['Europe/Zurich', '2026-03-29T01:59', '2026-03-29T00:59:00.000Z', '2026-03-29T01:59', 'none'],
    ['Europe/Zurich', '2026-03-29T03:00', '2026-03-29T01:00:00.000Z', '2026-03-29T03:00', 'none'],
    // Fall back: 02:00–02:59 happen twice; the first (summer time, +02:00) is taken.
    ['Europe/Zurich', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z', '2026-10-25T02:30', 'ambiguous'],
    ['Europe/Zurich', '2026-10-25T03:00', '2026-10-25T02:00:00.000Z', '2026-10-25T03:00', 'none'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:00:00.000Z', '2026-03-08T03:00', 'gap'],
    ['America/New_York', '2026-03-08T09:00', '2026-03-08T13:00:00.000Z', '2026-03-08T09:00', 'none'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z', '2026-11-01T01:30', 'ambiguous'],
    ['America/New_York', '2026-11-01T09:00', '2026-11-01T14:00:00.000Z', '2026-11-01T09:00', 'none'],
    // A half-hour shift (Lord Howe Island) and a zone without DST.
    ['Australia/Lord_Howe', '2026-10-04T02:15', '2026-10-03T15:30:00.000Z', '2026-10-04T02:30', 'gap'],
    ['Asia/Tokyo', '2026-03-29T02:30', '2026-03-28T17:30:00.000Z', '2026-03-29T02:30', 'none'],
  ])('%s %s is %s', (zone, local, instant, stored, adjustment) => {
    const resolved = resolveWallTime(local, zone);
    expect(new Date(resolved.ms).toISOString()).toBe(instant);
    expect(resolved.local).toBe(stored);
    expect(resolved.adjustment).toBe(adjustment);
    expect(formatLocal(resolved.ms, zone)).toBe(stored);
  });

  it('refuses dates that do not exist and zones nobody knows', () => {
    expect(() => resolveWallTime('2026-02-30T10:00', 'Europe/Zurich')).toThrow(/No such date/);
    expect(() => resolveWallTime('2026-02-10 10:00', 'Europe/Zurich')).toThrow(/YYYY-MM-DD/);
    expect(() => resolveWallTime('2026-02-10T10:00', 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });

  it('shifts on the clock face, so a day later is the same wall time across a DST change', () => {
    expect(shiftLocal('2026-03-28T10:00', 24 * 60)).toBe('2026-03-29T10:00');
    expect(shiftLocal('2026-12-31T23:30', 45)).toBe('2027-01-01T00:15');
    const before = resolveWallTime('2026-03-28T10:00', 'Europe/Zurich').ms;
    const after = resolveWallTime(shiftLocal('2026-03-28T10:00', 24 * 60), 'Europe/Zurich').ms;
    expect(after - before).toBe(23 * 3600_000);
  });
});
