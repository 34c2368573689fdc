import { describe, expect, it } from 'vitest';
import { scheduledPostSchema, scheduleResultSchema, type PostingPlan, type ScheduledPost, type ScheduleResult } from '../../src/shared/contract/planner';
import { call, Clock, content, Networks, newKey, plan, row, schedulePost, seedBrand, startCore, tempDir, untilState } from './support';

// Monday 2026-06-01, 08:00 in Zurich.
const START = '2026-06-01T06:00:00Z';
const ZURICH = 'Europe/Zurich';

function setup() {
  const dataDir = tempDir();
  const networks = new Networks();
  const clock = new Clock(Date.parse(START));
  const started = startCore({ dataDir, clock, networks });
  const brand = seedBrand(started.core);
  return { ...started, ...brand, dataDir, networks };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0a3f50000000049454e44ae426082', 'hex');

describe('plans', () => {
  it('answers a default plan in the workspace zone until one is set, and keeps what is set', async () => {
    const { core, workspaceId, accounts } = setup();
    await call(core, 'inbox.setSettings', { workspaceId, settings: { timeZone: 'America/New_York' } });
    const initial = await call<PostingPlan>(core, 'plans.get', { workspaceId, accountId: accounts.bluesky });
    expect(initial).toEqual({ timeZone: 'America/New_York', slots: [], dailyCap: null, minGapMinutes: null, quietHours: null });

    const wanted = plan({ slots: [{ weekday: 1, time: '09:00' }], dailyCap: 2, minGapMinutes: 90, quietHours: { start: '22:00', end: '07:00' } });
    expect(await call(core, 'plans.set', { workspaceId, accountId: accounts.bluesky, plan: wanted })).toEqual(wanted);
    expect(await call(core, 'plans.get', { workspaceId, accountId: accounts.bluesky })).toEqual(wanted);
    // The other account keeps the default.
    expect((await call<PostingPlan>(core, 'plans.get', { workspaceId, accountId: accounts.mastodon })).slots).toEqual([]);
  });

  it('refuses bad plans and accounts of other workspaces', async () => {
    const { core, workspaceId, accounts } = setup();
    const other = seedBrand(core, 'Coop');
    await expect(call(core, 'plans.get', { workspaceId, accountId: other.accounts.bluesky })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'plans.set', { workspaceId, accountId: other.accounts.bluesky, plan: plan() })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'plans.set', { workspaceId, accountId: accounts.bluesky, plan: plan({ timeZone: 'Mars/Olympus' }) })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call(core, 'plans.set', { workspaceId, accountId: accounts.bluesky, plan: { ...plan(), dailyCap: 0 } })).rejects.toMatchObject({ code: 'invalid_params' });
    // Nothing was stored by the refused calls.
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM posting_plans').get()).toEqual({ n: 0 });
  });
});

describe('schedule.fromDraft', () => {
  it('schedules one draft for two accounts with per-network variants and media copied per entry, in one go', async () => {
    const { core, workspaceId, accounts, events } = setup();
    const key = newKey(7);
    await call(core, 'drafts.save', { workspaceId, key, accountId: null, content: content('Allgemeiner Text') });
    await call(core, 'drafts.addMedia', { workspaceId, key, media: { fileName: 'shop.png', mimeType: 'image/png', dataBase64: PNG.toString('base64'), alt: 'Unser Laden' } });

    const result = await call<ScheduleResult>(core, 'schedule.fromDraft', {
      workspaceId,
      key,
      accountIds: [accounts.bluesky, accounts.mastodon],
      content: content('Allgemeiner Text', { variants: { mastodon: { text: 'Text für Mastodon #laden' } }, spoilerText: 'Werbung', visibility: 'unlisted' }),
      at: { local: '2026-06-02T09:30', timeZone: ZURICH },
      acknowledgeWarnings: false,
    });
    scheduleResultSchema.parse(result);
    expect(result.saved).toBe(true);
    expect(result.warnings).toEqual([]);
    const [bsky, masto] = result.entries as [ScheduledPost, ScheduledPost];
    expect(bsky).toMatchObject({ accountId: accounts.bluesky, network: 'bluesky', text: 'Allgemeiner Text', state: 'scheduled', dueAt: '2026-06-02T07:30:00.000Z', wallTime: { local: '2026-06-02T09:30', timeZone: ZURICH }, counts: null });
    expect(masto).toMatchObject({ accountId: accounts.mastodon, network: 'mastodon', text: 'Text für Mastodon #laden', dueAt: '2026-06-02T07:30:00.000Z' });
    // Mastodon keeps its content warning and visibility; Bluesky has neither.
    expect(JSON.parse(String(row(core, masto.id).body))).toMatchObject({ spoilerText: 'Werbung', visibility: 'unlisted' });
    expect(JSON.parse(String(row(core, bsky.id).body))).toMatchObject({ spoilerText: null, visibility: null });

    // Each entry has its own copy of the image; the draft is gone.
    const media = core.store.db.prepare('SELECT outbox_id, draft_id, alt, bytes FROM media ORDER BY outbox_id').all() as Array<{ outbox_id: string; draft_id: string | null; alt: string; bytes: Buffer }>;
    expect(media.map((m) => m.outbox_id).sort()).toEqual([bsky.id, masto.id].sort());
    for (const m of media) {
      expect(m.draft_id).toBeNull();
      expect(m.alt).toBe('Unser Laden');
      expect(Buffer.compare(m.bytes, PNG)).toBe(0);
    }
    expect(await call(core, 'drafts.get', { workspaceId, key })).toEqual({ draft: null });

    const changed = events.filter((e) => e.name === 'schedule.changed');
    expect(changed).toHaveLength(1);
    expect((changed[0]!.payload as { entries: ScheduledPost[] }).entries.map((e) => e.id)).toEqual([bsky.id, masto.id]);
  });

  it('stops at plan warnings with nothing scheduled, and schedules once they are acknowledged', async () => {
    const { core, workspaceId, accounts } = setup();
    await call(core, 'plans.set', { workspaceId, accountId: accounts.bluesky, plan: plan({ dailyCap: 1, minGapMinutes: 60 }) });
    const first = await schedulePost(core, workspaceId, [accounts.bluesky], { local: '2026-06-02T09:00', timeZone: ZURICH });
    expect(first.saved).toBe(true);

    const key = newKey(2);
    const refused = await schedulePost(core, workspaceId, [accounts.bluesky, accounts.mastodon], { local: '2026-06-02T09:20', timeZone: ZURICH }, { key, text: 'Zweiter Post' });
    expect(refused.saved).toBe(false);
    expect(refused.entries).toEqual([]);
    expect(refused.warnings.map((w) => [w.accountId, w.rule]).sort()).toEqual([
      [accounts.bluesky, 'daily_cap'],
      [accounts.bluesky, 'min_gap'],
    ]);
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    // The text is kept as a draft for the next try, with its targets.
    const { draft } = await call<{ draft: { content: { text: string; targetAccountIds: string[] } } }>(core, 'drafts.get', { workspaceId, key });
    expect(draft.content).toMatchObject({ text: 'Zweiter Post', targetAccountIds: [accounts.bluesky, accounts.mastodon] });

    const acknowledged = await schedulePost(core, workspaceId, [accounts.bluesky, accounts.mastodon], { local: '2026-06-02T09:20', timeZone: ZURICH }, { key, text: 'Zweiter Post', acknowledgeWarnings: true });
    expect(acknowledged.saved).toBe(true);
    expect(acknowledged.entries).toHaveLength(2);
    expect(acknowledged.warnings.map((w) => w.rule).sort()).toEqual(['daily_cap', 'min_gap']);
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 3 });
  });

  it('puts each account into its own next free slot ("Add to queue")', async () => {
    const { core, workspaceId, accounts } = setup();
    await call(core, 'plans.set', { workspaceId, accountId: accounts.bluesky, plan: plan({ slots: [1, 2, 3].map((weekday) => ({ weekday, time: '09:00' })) }) });
    await call(core, 'plans.set', { workspaceId, accountId: accounts.mastodon, plan: plan({ timeZone: 'America/New_York', slots: [{ weekday: 2, time: '08:00' }] }) });
    const one = await schedulePost(core, workspaceId, [accounts.bluesky, accounts.mastodon], { nextFreeSlot: true });
    expect(one.entries.map((e) => e.wallTime)).toEqual([
      { local: '2026-06-01T09:00', timeZone: ZURICH },
      { local: '2026-06-02T08:00', timeZone: 'America/New_York' },
    ]);
    const two = await schedulePost(core, workspaceId, [accounts.bluesky], { nextFreeSlot: true });
    expect(two.entries[0]!.wallTime).toEqual({ local: '2026-06-02T09:00', timeZone: ZURICH });
    expect(await call(core, 'planner.nextFreeSlot', { workspaceId, accountId: accounts.bluesky })).toEqual({ local: '2026-06-03T09:00', timeZone: ZURICH });

    // An account without slots cannot be queued: a clear conflict, nothing scheduled.
    const before = core.store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get();
    await call(core, 'plans.set', { workspaceId, accountId: accounts.mastodon, plan: plan() });
    await expect(schedulePost(core, workspaceId, [accounts.bluesky, accounts.mastodon], { nextFreeSlot: true })).rejects.toMatchObject({ code: 'conflict', reason: 'no_free_slot' });
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual(before);
  });

  it('checks the composer rules per account, with its variant, and keeps the draft when they fail', async () => {
    const { core, workspaceId, accounts } = setup();
    const key = newKey(3);
    const long = 'x'.repeat(301);
    await expect(
      call(core, 'schedule.fromDraft', {
        workspaceId,
        key,
        accountIds: [accounts.bluesky, accounts.mastodon],
        content: content('kurz', { variants: { bluesky: { text: long } } }),
        at: { local: '2026-06-02T09:00', timeZone: ZURICH },
        acknowledgeWarnings: true,
      }),
    ).rejects.toMatchObject({ code: 'invalid_params', details: { problems: 'too_long' } });
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    const { draft } = await call<{ draft: { content: { variants: unknown } } }>(core, 'drafts.get', { workspaceId, key });
    expect(draft.content.variants).toEqual({ bluesky: { text: long } });
  });

  it('keeps workspaces apart', async () => {
    const { core, workspaceId, accounts } = setup();
    const other = seedBrand(core, 'Coop');
    await expect(schedulePost(core, workspaceId, [other.accounts.bluesky], { local: '2026-06-02T09:00', timeZone: ZURICH })).rejects.toMatchObject({ code: 'not_found' });
    const mine = await schedulePost(core, workspaceId, [accounts.bluesky], { local: '2026-06-02T09:00', timeZone: ZURICH });
    await schedulePost(core, other.workspaceId, [other.accounts.bluesky], { local: '2026-06-02T10:00', timeZone: ZURICH });
    const range = { from: '2026-06-01T00:00:00Z', to: '2026-06-08T00:00:00Z' };
    const listed = await call<{ entries: ScheduledPost[] }>(core, 'schedule.list', { workspaceId, ...range });
    expect(listed.entries.map((e) => e.id)).toEqual([mine.entries[0]!.id]);
    await expect(call(core, 'schedule.move', { workspaceId: other.workspaceId, ids: [mine.entries[0]!.id], to: { shiftMinutes: 60 }, acknowledgeWarnings: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'planner.bestTimes', { workspaceId: other.workspaceId, accountId: accounts.bluesky })).rejects.toMatchObject({ code: 'not_found' });
    // One workspace's lateness limit is not the other's.
    await call(core, 'schedule.setSettings', { workspaceId, settings: { lateLimitMinutes: 15 } });
    expect(await call(core, 'schedule.getSettings', { workspaceId: other.workspaceId })).toEqual({ lateLimitMinutes: 120 });
    expect(await call(core, 'schedule.getSettings', { workspaceId })).toEqual({ lateLimitMinutes: 15 });
  });
});

describe('schedule.move and schedule.list', () => {
  it('moves to a wall time or by a shift, warns first, and lists by due time with wall times', async () => {
    const { core, workspaceId, accounts } = setup();
    await call(core, 'plans.set', { workspaceId, accountId: accounts.bluesky, plan: plan({ minGapMinutes: 120, quietHours: { start: '22:00', end: '07:00' } }) });
    const a = (await schedulePost(core, workspaceId, [accounts.bluesky], { local: '2026-06-02T09:00', timeZone: ZURICH })).entries[0]!;
    const b = (await schedulePost(core, workspaceId, [accounts.bluesky], { local: '2026-06-02T15:00', timeZone: ZURICH })).entries[0]!;

    // Dragging b next to a breaks the gap; nothing moves until acknowledged.
    const refused = await call<ScheduleResult>(core, 'schedule.move', { workspaceId, ids: [b.id], to: { at: { local: '2026-06-02T10:00', timeZone: ZURICH } }, acknowledgeWarnings: false });
    expect(refused).toMatchObject({ saved: false, entries: [] });
    expect(refused.warnings.map((w) => w.rule)).toEqual(['min_gap']);
    expect(row(core, b.id).due_local).toBe('2026-06-02T15:00');
    // The entry itself does not count against its own move.
    expect(await call(core, 'planner.check', { workspaceId, accountId: accounts.bluesky, at: { local: '2026-06-02T16:00', timeZone: ZURICH }, excludeEntryId: b.id })).toEqual({ warnings: [] });

    const moved = await call<ScheduleResult>(core, 'schedule.move', { workspaceId, ids: [b.id], to: { at: { local: '2026-06-02T12:00', timeZone: ZURICH } }, acknowledgeWarnings: false });
    expect(moved.saved).toBe(true);
    expect(moved.entries[0]).toMatchObject({ id: b.id, dueAt: '2026-06-02T10:00:00.000Z', wallTime: { local: '2026-06-02T12:00', timeZone: ZURICH } });

    // Bulk: both a day later, keeping their spacing (they do not warn about each other), across nothing special.
    const shifted = await call<ScheduleResult>(core, 'schedule.move', { workspaceId, ids: [a.id, b.id], to: { shiftMinutes: 24 * 60 }, acknowledgeWarnings: false });
    expect(shifted.saved).toBe(true);
    expect(shifted.entries.map((e) => e.wallTime!.local)).toEqual(['2026-06-03T09:00', '2026-06-03T12:00']);
    // Into the quiet hours: a warning names the rule.
    const late = await call<ScheduleResult>(core, 'schedule.move', { workspaceId, ids: [a.id], to: { shiftMinutes: 14 * 60 }, acknowledgeWarnings: false });
    expect(late.warnings.map((w) => w.rule)).toEqual(['quiet_hours']);

    const listed = await call<{ entries: ScheduledPost[] }>(core, 'schedule.list', { workspaceId, from: '2026-06-03T00:00:00+02:00', to: '2026-06-04T00:00:00+02:00' });
    for (const entry of listed.entries) scheduledPostSchema.parse(entry);
    expect(listed.entries.map((e) => [e.id, e.wallTime!.local])).toEqual([
      [a.id, '2026-06-03T09:00'],
      [b.id, '2026-06-03T12:00'],
    ]);
    expect((await call<{ entries: ScheduledPost[] }>(core, 'schedule.list', { workspaceId, from: '2026-06-03T00:00:00+02:00', to: '2026-06-04T00:00:00+02:00', accountIds: [accounts.mastodon] })).entries).toEqual([]);
    await expect(call(core, 'schedule.list', { workspaceId, from: '2026-06-04T00:00:00Z', to: '2026-06-03T00:00:00Z' })).rejects.toMatchObject({ code: 'invalid_params' });
  });

  it('moves only scheduled or failed posts; a moved failed post is scheduled again', async () => {
    const { core, workspaceId, accounts, clock } = setup();
    const post = (await schedulePost(core, workspaceId, [accounts.bluesky], { local: '2026-06-01T08:30', timeZone: ZURICH })).entries[0]!;
    // Published when it is due.
    clock.set('2026-06-01T06:31:00Z');
    await call(core, 'schedule.setSettings', { workspaceId, settings: { lateLimitMinutes: 120 } }); // wakes the publisher
    await untilState(core, post.id, 'published');
    await expect(call(core, 'schedule.move', { workspaceId, ids: [post.id], to: { shiftMinutes: 60 }, acknowledgeWarnings: true })).rejects.toMatchObject({ code: 'conflict' });

    // A failed one (too late) can be moved and is scheduled again, reason cleared.
    core.store.db.prepare(`UPDATE outbox SET state = 'failed', error = '{"code":"too_late","message":"late"}' WHERE id = ?`).run(post.id);
    const moved = await call<ScheduleResult>(core, 'schedule.move', { workspaceId, ids: [post.id], to: { at: { local: '2026-06-05T10:00', timeZone: ZURICH } }, acknowledgeWarnings: false });
    expect(moved.entries[0]).toMatchObject({ state: 'scheduled', error: null, wallTime: { local: '2026-06-05T10:00', timeZone: ZURICH } });
  });
});
