import { describe, expect, it } from 'vitest';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { createInboxFeature } from '../../src/main/core/inbox';
import { ItemStore } from '../../src/main/core/items/itemStore';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { InboxItemView } from '../../src/shared/contract/inbox';
import { call, nextEvent } from '../support/core';
import { anItem } from '../support/items';
import { column, deliver, inboxChanged, listAll, startCore, workspace, type Started } from './support';

async function twoWorkspaces() {
  const started = startCore();
  const { core, clock } = started;
  const a = await workspace(core, 'Migros');
  const b = await workspace(core, 'Coop');
  const streamA = await column(started, a, { url: 'https://example.org/a.xml' });
  const arrived = inboxChanged(core, a);
  await deliver(started, streamA, [anItem({ remoteId: 'a1', createdAt: new Date(clock.ms - 60_000).toISOString() })]);
  const [idA] = (await arrived).ids as [number];
  const agentA = await call<{ id: string }>(core, 'agents.create', { workspaceId: a, agent: { name: 'Anna', initials: 'AM', signature: '^AM' } });
  const agentB = await call<{ id: string }>(core, 'agents.create', { workspaceId: b, agent: { name: 'Bea', initials: 'BB', signature: '^BB' } });
  return { started, core, a, b, streamA, idA, agentA: agentA.id, agentB: agentB.id };
}

describe('workspace isolation', () => {
  it('never shows or changes one workspace\'s inbox, agents or rules through another', async () => {
    const { core, a, b, streamA, idA, agentA, agentB } = await twoWorkspaces();
    const snapshot = () => core.store.db.prepare('SELECT * FROM inbox_items').all();
    const before = snapshot();

    expect(await listAll(core, b)).toEqual([]);
    expect((await call<{ counts: unknown }>(core, 'inbox.list', { workspaceId: b })).counts).toEqual({ open: 0, pending: 0, done: 0 });
    await expect(call(core, 'inbox.get', { workspaceId: b, id: idA })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'inbox.update', { workspaceId: b, ids: [idA], patch: { status: 'done' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'inbox.addNote', { workspaceId: b, id: idA, text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'rules.test', { workspaceId: b, sample: { inboxItemId: idA } })).rejects.toMatchObject({ code: 'not_found' });
    // An agent of A cannot be assigned, made current or edited in B, nor B's in A.
    await expect(call(core, 'inbox.update', { workspaceId: a, ids: [idA], patch: { assigneeId: agentB } })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call(core, 'inbox.setSettings', { workspaceId: b, settings: { currentAgentId: agentA } })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call(core, 'agents.update', { workspaceId: b, id: agentA, agent: { name: 'X', initials: 'X', signature: '' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'agents.remove', { workspaceId: b, id: agentA })).rejects.toMatchObject({ code: 'not_found' });
    expect((await call<{ agents: Array<{ id: string }> }>(core, 'agents.list', { workspaceId: b })).agents.map((x) => x.id)).toEqual([agentB]);
    // A rule of B cannot look at A's column, and A's rules are not B's to touch.
    const ANY = { keywords: [], networks: [], streamIds: [], languages: [], minFollowers: null };
    await expect(call(core, 'rules.save', { workspaceId: b, name: 'x', enabled: true, conditions: { ...ANY, streamIds: [streamA] }, actions: { tags: [], assigneeId: null } })).rejects.toMatchObject({
      code: 'invalid_params',
    });
    const ruleA = await call<{ id: string }>(core, 'rules.save', { workspaceId: a, name: 'a', enabled: true, conditions: ANY, actions: { tags: ['a'], assigneeId: null } });
    await expect(call(core, 'rules.remove', { workspaceId: b, id: ruleA.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'rules.move', { workspaceId: b, id: ruleA.id, position: 0 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'rules.save', { workspaceId: b, id: ruleA.id, name: 'b', enabled: true, conditions: ANY, actions: { tags: [], assigneeId: null } })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await call<{ rules: unknown[] }>(core, 'rules.list', { workspaceId: b })).rules).toEqual([]);
    expect(await call(core, 'inbox.tags', { workspaceId: b })).toEqual({ tags: [] });
    expect(snapshot()).toEqual(before);
  });

  it('refuses to work in an archived workspace', async () => {
    const { core, a, idA } = await twoWorkspaces();
    await call(core, 'workspaces.archive', { id: a });
    for (const [method, params] of [
      ['inbox.list', { workspaceId: a }],
      ['inbox.get', { workspaceId: a, id: idA }],
      ['inbox.update', { workspaceId: a, ids: [idA], patch: { status: 'done' } }],
      ['inbox.getSettings', { workspaceId: a }],
      ['agents.list', { workspaceId: a }],
      ['rules.list', { workspaceId: a }],
    ] as const) {
      await expect(call(core, method, params)).rejects.toMatchObject({ code: 'conflict', reason: 'workspace_archived' });
    }
  });
});

describe('the inbox service (outbox and composer side)', () => {
  function service(started: Started) {
    const { db } = started.core.store;
    return createInboxFeature({
      db,
      now: started.clock.now,
      events: started.core.events,
      workspaces: new WorkspaceRepository(db),
      accounts: new AccountRepository(db),
      streams: new StreamRepository(db),
      items: new ItemStore(db),
      log: () => {},
      setNeedsAnswer: () => {
        throw new Error('not used');
      },
    }).service;
  }

  it('records the first response once and closes the item; knows the target and the current agent', async () => {
    const { started, core, a, b, idA, agentA } = await twoWorkspaces();
    const inbox = service(started);
    const itemId = (core.store.db.prepare('SELECT item_id FROM inbox_items WHERE id = ?').get(idA) as { item_id: number }).item_id;
    expect(inbox.entryTarget(a, idA)).toEqual({ itemId, accountId: null });
    expect(() => inbox.entryTarget(b, idA)).toThrow(expect.objectContaining({ code: 'not_found' }));

    expect(inbox.currentAgent(a)).toBeNull();
    await call(core, 'inbox.setSettings', { workspaceId: a, settings: { currentAgentId: agentA } });
    expect(inbox.currentAgent(a)).toMatchObject({ id: agentA, initials: 'AM', signature: '^AM' });
    expect(inbox.settings(a).currentAgentId).toBe(agentA);

    await call(core, 'inbox.update', { workspaceId: a, ids: [idA], patch: { followUpAt: new Date(started.clock.ms + 3_600_000).toISOString() } });
    const first = new Date(started.clock.ms + 20 * 60_000);
    const changed = nextEvent(core, 'inbox.changed', (p: { ids: number[] }) => p.ids.includes(idA));
    inbox.recordResponse(idA, first);
    expect(await changed).toMatchObject({ workspaceId: a, counts: { open: 0, pending: 0, done: 1 } });
    inbox.recordResponse(idA, new Date(first.getTime() + 60_000));
    const { entry } = await call<{ entry: InboxItemView }>(core, 'inbox.get', { workspaceId: a, id: idA });
    expect(entry).toMatchObject({ status: 'done', firstResponseAt: first.toISOString(), followUpAt: null });

    // An item that went meanwhile: nothing breaks.
    expect(() => inbox.recordResponse(987_654, first)).not.toThrow();
  });
});
