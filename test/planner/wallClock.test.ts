import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/shared/contract/composer';
import { call, Clock, Networks, plan, row, schedulePost, seedBrand, settle, startCore, tempDir, untilState } from './support';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const MINUTE = 60_000;

/**
 * Each post is scheduled with the machine in one zone, then the app is closed, the machine's
 * zone changed (Node honours a runtime change of process.env.TZ) and the app started again just
 * before and just after the intended instant: it goes out at the wall-clock time it was planned
 * for, in its own zone, once.
 */
describe('posts go out at their wall-clock time', () => {
  it.each([
    // zone, planned wall time, the instant it must go out, machine zone when scheduling, then when publishing
    ['Europe/Zurich', '2026-03-29T09:00', '2026-03-29T07:00:00.000Z', 'UTC', 'America/Los_Angeles'],
    ['Europe/Zurich', '2026-03-29T02:30', '2026-03-29T01:00:00.000Z', 'Asia/Tokyo', 'UTC'], // in the gap: 03:00
    ['Europe/Zurich', '2026-10-25T09:00', '2026-10-25T08:00:00.000Z', 'Europe/Zurich', 'Asia/Singapore'],
    ['Europe/Zurich', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z', 'America/New_York', 'Europe/Zurich'], // doubled: the first
    ['America/New_York', '2026-03-08T09:00', '2026-03-08T13:00:00.000Z', 'Europe/Zurich', 'Australia/Sydney'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:00:00.000Z', 'UTC', 'Europe/Berlin'], // in the gap: 03:00
    ['America/New_York', '2026-11-01T09:00', '2026-11-01T14:00:00.000Z', 'America/New_York', 'UTC'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z', 'Asia/Tokyo', 'America/Chicago'], // doubled: the first
  ])('%s %s goes out at %s (machine zone %s, then %s)', async (zone, local, instant, tzWhenScheduling, tzWhenPublishing) => {
    const dataDir = tempDir();
    const networks = new Networks();
    const due = Date.parse(instant);
    process.env.TZ = tzWhenScheduling;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tzWhenScheduling);
    // A week before, as a small business plans ahead.
    const first = startCore({ dataDir, clock: new Clock(due - 7 * 24 * 60 * MINUTE), networks });
    const brand = seedBrand(first.core);
    await call(first.core, 'plans.set', { workspaceId: brand.workspaceId, accountId: brand.accounts.bluesky, plan: plan({ timeZone: zone }) });
    const scheduled = await schedulePost(first.core, brand.workspaceId, [brand.accounts.bluesky], { local, timeZone: zone });
    const entry = scheduled.entries[0]!;
    expect(entry.dueAt).toBe(instant);
    first.close();

    process.env.TZ = tzWhenPublishing;
    // The runtime really runs in the new zone now.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tzWhenPublishing);
    // A minute early: nothing goes out.
    const early = startCore({ dataDir, clock: new Clock(due - MINUTE), networks });
    await settle(80);
    expect(row(early.core, entry.id)).toMatchObject({ state: 'scheduled', due_ms: due });
    expect(early.connectors.bluesky.calls).toEqual([]);
    early.close();

    // On time: out once.
    const onTime = startCore({ dataDir, clock: new Clock(due + 20_000), networks });
    const published = await untilState(onTime.core, entry.id, 'published');
    expect(published.due_ms).toBe(due);
    expect(networks.bluesky.created).toBe(1);
    const listed = await call<{ entries: OutboxEntry[] }>(onTime.core, 'schedule.list', {
      workspaceId: brand.workspaceId,
      from: new Date(due - 60 * MINUTE).toISOString(),
      to: new Date(due + 60 * MINUTE).toISOString(),
    });
    expect(listed.entries.map((e) => e.id)).toEqual([entry.id]);
  });

  it('derives the due instants from the wall times again at start, whatever was stored', async () => {
    const dataDir = tempDir();
    const networks = new Networks();
    const first = startCore({ dataDir, clock: new Clock(Date.parse('2026-03-20T12:00:00Z')), networks });
    const brand = seedBrand(first.core);
    const entry = (await schedulePost(first.core, brand.workspaceId, [brand.accounts.bluesky], { local: '2026-03-30T09:00', timeZone: 'Europe/Zurich' })).entries[0]!;
    // As if the instant had been computed with last year's rules (no summer time yet): an hour off.
    first.core.store.db.prepare('UPDATE outbox SET due_ms = due_ms + 3600000 WHERE id = ?').run(entry.id);
    first.close();

    const again = startCore({ dataDir, clock: new Clock(Date.parse('2026-03-20T12:00:00Z')), networks });
    expect(row(again.core, entry.id).due_ms).toBe(Date.parse('2026-03-30T07:00:00Z'));
  });
});
