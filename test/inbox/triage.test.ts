import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxItemView, InboxSettings } from '../../src/shared/contract/inbox';
import { addBusinessMinutes } from '../../src/shared/inbox/responseClock';
import { call, nextEvent } from '../support/core';
import { anItem } from '../support/items';
import { column, deliver, inboxChanged, listAll, restart, startCore, workspace, type Started } from './support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEKDAYS = [...Array(5).fill({ start: '09:00', end: '17:00' }), null, null];

/** A workspace with a "needs answer" column that delivered `count` items, received over the last 20 hours. */
async function inboxWith(count: number, started: Started = startCore()) {
  const workspaceId = await workspace(started.core);
  const streamId = await column(started, workspaceId);
  const items = Array.from({ length: count }, (_, n) =>
    anItem({ remoteId: `item-${n}`, text: `Frage ${n}`, createdAt: new Date(started.clock.ms - ((n * 37) % (20 * 60)) * MINUTE).toISOString() }),
  );
  const arrived = inboxChanged(started.core, workspaceId);
  await deliver(started, streamId, items);
  const { ids } = await arrived;
  return { ...started, workspaceId, streamId, ids };
}

interface Row {
  id: number;
  status: string;
  due_ms: number | null;
  received_ms: number;
}

function rows(started: Started, workspaceId: string): Row[] {
  return started.core.store.db.prepare('SELECT id, status, due_ms, received_ms FROM inbox_items WHERE workspace_id = ?').all(workspaceId) as Row[];
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the inbox list', () => {
  it('pages due first (no due last), then done newest first, with counts, without gaps or repeats', async () => {
    const setup = await inboxWith(120);
    const { core, workspaceId, ids } = setup;
    await call(core, 'inbox.update', { workspaceId, ids: ids.slice(0, 30), patch: { status: 'done' } });
    await call(core, 'inbox.update', { workspaceId, ids: ids.slice(30, 50), patch: { status: 'pending' } });
    // Items without a due time (none arise today; the list must still place them): last of the waiting ones.
    core.store.db.prepare(`UPDATE inbox_items SET due_ms = NULL WHERE id IN (${ids.slice(50, 55).join(',')})`).run();

    const all = rows(setup, workspaceId);
    const waiting = all
      .filter((r) => r.status !== 'done')
      .sort((a, b) => (a.due_ms === null ? 1 : 0) - (b.due_ms === null ? 1 : 0) || (a.due_ms ?? 0) - (b.due_ms ?? 0) || a.id - b.id)
      .map((r) => r.id);
    const done = all
      .filter((r) => r.status === 'done')
      .sort((a, b) => b.received_ms - a.received_ms || a.id - b.id)
      .map((r) => r.id);

    const pages: number[][] = [];
    let after: unknown = null;
    let counts: unknown;
    do {
      const page = await call<{ items: InboxItemView[]; next: unknown; counts: unknown }>(core, 'inbox.list', { workspaceId, after, limit: 7 });
      pages.push(page.items.map((i) => i.id));
      after = page.next;
      counts = page.counts;
    } while (after);
    expect(pages.flat()).toEqual(waiting);
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    expect(counts).toEqual({ open: 70, pending: 20, done: 30 });

    expect((await listAll(core, workspaceId, { statuses: ['done'] }, 8)).map((i) => i.id)).toEqual(done);
    expect((await listAll(core, workspaceId, { statuses: ['done', 'open', 'pending'] }, 9)).map((i) => i.id)).toEqual([...waiting, ...done]);
    expect((await listAll(core, workspaceId, { statuses: ['pending'] }, 6)).map((i) => i.id)).toEqual(waiting.filter((id) => ids.slice(30, 50).includes(id)));
    const view = (await listAll(core, workspaceId, {}, 200))[0]!;
    expect(view).toMatchObject({ workspaceId, reason: 'stream', noteCount: 0, firstResponseAt: null, followUpAt: null });
  });

  it('filters by tag, assignee and network; counts follow the filter', async () => {
    const { core, workspaceId, ids } = await inboxWith(6);
    const agent = await call<{ id: string }>(core, 'agents.create', { workspaceId, agent: { name: 'Anna', initials: 'AM', signature: '^AM' } });
    await call(core, 'inbox.update', { workspaceId, ids: ids.slice(0, 2), patch: { addTags: ['VIP'], assigneeId: agent.id } });
    await call(core, 'inbox.update', { workspaceId, ids: [ids[1]!], patch: { status: 'done' } });
    const tagged = await call<{ items: InboxItemView[]; counts: unknown }>(core, 'inbox.list', { workspaceId, filter: { tag: 'vip' } });
    expect(tagged.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(tagged.counts).toEqual({ open: 1, pending: 0, done: 1 });
    expect((await listAll(core, workspaceId, { assignee: agent.id, statuses: ['open', 'done'] })).map((i) => i.id).sort()).toEqual(ids.slice(0, 2).sort());
    expect((await listAll(core, workspaceId, { assignee: 'none' })).map((i) => i.id).sort()).toEqual(ids.slice(2).sort());
    expect(await listAll(core, workspaceId, { network: 'bluesky' })).toEqual([]);
    expect(await listAll(core, workspaceId, { network: 'feed' })).toHaveLength(5);
  });
});

describe('counts', () => {
  it('follow items that go with their column', async () => {
    const { core, workspaceId, streamId } = await inboxWith(4);
    expect((await call<{ counts: unknown }>(core, 'inbox.list', { workspaceId })).counts).toEqual({ open: 4, pending: 0, done: 0 });
    await call(core, 'streams.remove', { id: streamId });
    expect(await call(core, 'inbox.list', { workspaceId })).toEqual({ items: [], next: null, counts: { open: 0, pending: 0, done: 0 } });
  });
});

describe('triage', () => {
  it('updates many items at once: status, assignee, tags; all or nothing', async () => {
    const { core, workspaceId, ids } = await inboxWith(5);
    const agent = await call<{ id: string }>(core, 'agents.create', { workspaceId, agent: { name: 'Anna', initials: 'AM', signature: '^AM' } });
    const three = ids.slice(0, 3);
    const changed = nextEvent(core, 'inbox.changed', (p: { ids: number[] }) => p.ids.length === 3);
    const result = await call<{ items: InboxItemView[] }>(core, 'inbox.update', { workspaceId, ids: three, patch: { status: 'pending', assigneeId: agent.id, addTags: ['VIP', 'Lieferung ', 'vip'] } });
    expect(result.items.map((i) => [i.id, i.status, i.assigneeId, i.tags])).toEqual(three.map((id) => [id, 'pending', agent.id, ['lieferung', 'vip']]));
    expect(await changed).toMatchObject({ workspaceId, ids: three, counts: { open: 2, pending: 3, done: 0 } });

    const next = await call<{ items: InboxItemView[] }>(core, 'inbox.update', { workspaceId, ids: [three[0]!], patch: { removeTags: ['vip'], assigneeId: null, status: 'done' } });
    expect(next.items[0]).toMatchObject({ tags: ['lieferung'], assigneeId: null, status: 'done' });
    expect(await call(core, 'inbox.tags', { workspaceId })).toEqual({ tags: ['lieferung', 'vip'] });

    const before = core.store.db.prepare('SELECT * FROM inbox_items ORDER BY id').all();
    await expect(call(core, 'inbox.update', { workspaceId, ids: [ids[3], 999_999], patch: { status: 'done' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'inbox.update', { workspaceId, ids: [ids[3]], patch: { assigneeId: '00000000-0000-4000-8000-000000000000' } })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(
      call(core, 'inbox.update', { workspaceId, ids: [ids[3]], patch: { status: 'done', followUpAt: '2026-11-03T10:00:00+01:00' } }),
    ).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call(core, 'inbox.update', { workspaceId, ids: [ids[3]], patch: { addTags: ['a,b'] } })).rejects.toMatchObject({ code: 'invalid_params' });
    expect(core.store.db.prepare('SELECT * FROM inbox_items ORDER BY id').all()).toEqual(before);
  });

  it('snoozes an item until its follow-up date and reopens it then (timer, wake, start)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const started = await inboxWith(3);
    const { core, workspaceId, ids, clock } = started;
    const followUpAt = new Date(clock.ms + HOUR).toISOString();
    const [snoozed] = (await call<{ items: InboxItemView[] }>(core, 'inbox.update', { workspaceId, ids: [ids[0]], patch: { followUpAt } })).items;
    expect(snoozed).toMatchObject({ status: 'pending', followUpAt });

    clock.advance(30 * MINUTE);
    vi.advanceTimersByTime(30_000);
    expect((await call<{ entry: InboxItemView }>(core, 'inbox.get', { workspaceId, id: ids[0] })).entry.status).toBe('pending');

    // The 30-second check reopens it once the time came.
    clock.advance(31 * MINUTE);
    const reopened = nextEvent(core, 'inbox.changed', (p: { ids: number[] }) => p.ids.includes(ids[0]!));
    vi.advanceTimersByTime(30_000);
    expect(await reopened).toMatchObject({ ids: [ids[0]], counts: { open: 3, pending: 0 } });
    expect((await call<{ entry: InboxItemView }>(core, 'inbox.get', { workspaceId, id: ids[0] })).entry).toMatchObject({ status: 'open', followUpAt: null });

    // After sleep: the machine's wake reopens at once.
    await call(core, 'inbox.update', { workspaceId, ids: [ids[1]], patch: { followUpAt: new Date(clock.ms + HOUR).toISOString() } });
    clock.advance(2 * HOUR);
    core.wake();
    expect((await call<{ entry: InboxItemView }>(core, 'inbox.get', { workspaceId, id: ids[1] })).entry.status).toBe('open');

    // Closed while snoozed: the app starts after the date and reopens it first thing.
    await call(core, 'inbox.update', { workspaceId, ids: [ids[2]], patch: { followUpAt: new Date(clock.ms + HOUR).toISOString() } });
    clock.advance(3 * HOUR);
    const again = restart(started);
    expect((await call<{ entry: InboxItemView }>(again.core, 'inbox.get', { workspaceId, id: ids[2] })).entry).toMatchObject({ status: 'open', followUpAt: null });

    // Setting a status by hand ends a snooze.
    await call(again.core, 'inbox.update', { workspaceId, ids: [ids[0]], patch: { followUpAt: new Date(clock.ms + HOUR).toISOString() } });
    const [manual] = (await call<{ items: InboxItemView[] }>(again.core, 'inbox.update', { workspaceId, ids: [ids[0]], patch: { status: 'open' } })).items;
    expect(manual).toMatchObject({ status: 'open', followUpAt: null });
  });

  it('keeps notes by the current agent, and lets a removed agent go cleanly', async () => {
    const { core, workspaceId, ids } = await inboxWith(1);
    const agent = await call<{ id: string }>(core, 'agents.create', { workspaceId, agent: { name: 'Anna Muster', initials: 'AM', signature: '^AM' } });
    const noAgent = await call<{ agentId: string | null }>(core, 'inbox.addNote', { workspaceId, id: ids[0], text: 'Rückruf vereinbart' });
    expect(noAgent.agentId).toBeNull();
    await call(core, 'inbox.setSettings', { workspaceId, settings: { currentAgentId: agent.id } });
    const note = await call<{ agentId: string; text: string }>(core, 'inbox.addNote', { workspaceId, id: ids[0], text: '  Kunde informiert ' });
    expect(note).toMatchObject({ agentId: agent.id, text: 'Kunde informiert' });
    await call(core, 'inbox.update', { workspaceId, ids, patch: { assigneeId: agent.id } });
    const got = await call<{ entry: InboxItemView; notes: Array<{ agentId: string | null }> }>(core, 'inbox.get', { workspaceId, id: ids[0] });
    expect(got.entry.noteCount).toBe(2);
    expect(got.notes.map((n) => n.agentId)).toEqual([null, agent.id]);

    const agentsChanged = nextEvent(core, 'agents.changed');
    await call(core, 'agents.remove', { workspaceId, id: agent.id });
    expect(await agentsChanged).toEqual({ workspaceId, agents: [] });
    expect((await call<InboxSettings>(core, 'inbox.getSettings', { workspaceId })).currentAgentId).toBeNull();
    const after = await call<{ entry: InboxItemView; notes: Array<{ agentId: string | null }> }>(core, 'inbox.get', { workspaceId, id: ids[0] });
    expect(after.entry.assigneeId).toBeNull();
    expect(after.notes.map((n) => n.agentId)).toEqual([null, null]);
  });
});

describe('inbox settings', () => {
  it('recompute the due time of waiting items when goal, hours or zone change, and leave done items alone', async () => {
    const setup = await inboxWith(4);
    const { core, workspaceId, ids } = setup;
    await call(core, 'inbox.update', { workspaceId, ids: [ids[0]], patch: { status: 'done' } });
    const before = new Map(rows(setup, workspaceId).map((r) => [r.id, r]));

    const changed = nextEvent(core, 'inbox.changed', (p: { ids: number[] }) => p.ids.length === 0);
    const saved = await call<InboxSettings>(core, 'inbox.setSettings', { workspaceId, settings: { goalMinutes: 240 } });
    expect(saved).toMatchObject({ goalMinutes: 240, timeZone: 'Europe/Zurich', businessHours: WEEKDAYS });
    expect(await changed).toMatchObject({ workspaceId, ids: [] });
    for (const row of rows(setup, workspaceId)) {
      const expected = row.id === ids[0] ? before.get(row.id)!.due_ms : addBusinessMinutes(row.received_ms, 240, WEEKDAYS, 'Europe/Zurich');
      expect(row.due_ms).toBe(expected);
    }

    await call(core, 'inbox.setSettings', { workspaceId, settings: { businessHours: Array(7).fill(null), timeZone: 'America/New_York' } });
    for (const row of rows(setup, workspaceId)) if (row.id !== ids[0]) expect(row.due_ms).toBe(row.received_ms + 240 * MINUTE);

    // Other fields leave due times as they are; bad values are refused and change nothing.
    await call(core, 'inbox.setSettings', { workspaceId, settings: { requireAltText: true, signaturePlacement: 'all' } });
    await expect(call(core, 'inbox.setSettings', { workspaceId, settings: { timeZone: 'Mars/Olympus' } })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call(core, 'inbox.setSettings', { workspaceId, settings: { currentAgentId: '00000000-0000-4000-8000-000000000000' } })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call(core, 'inbox.setSettings', { workspaceId, settings: { acknowledgementReplyId: '00000000-0000-4000-8000-000000000000' } })).rejects.toMatchObject({ code: 'invalid_params' });
    const reply = await call<{ id: string }>(core, 'savedReplies.save', { workspaceId, reply: { title: 'Danke', body: 'Danke, wir sind dran. {{agent.signature}}' } });
    const final = await call<InboxSettings>(core, 'inbox.setSettings', { workspaceId, settings: { acknowledgementReplyId: reply.id } });
    expect(final).toMatchObject({ goalMinutes: 240, timeZone: 'America/New_York', requireAltText: true, signaturePlacement: 'all', acknowledgementReplyId: reply.id });
    expect(await call(core, 'inbox.getSettings', { workspaceId })).toEqual(final);
  });
});
