import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type HandlerTable } from '../../src/main/core/dispatch';
import { CoreEvents } from '../../src/main/core/events';
import { createSavedReplyHandlers } from '../../src/main/core/savedReplies';
import { openStore, type Store } from '../../src/main/core/store/database';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { SavedReply } from '../../src/shared/contract/inbox';
import { tempDir } from '../support/tempDir';

let store: Store;
let workspaces: WorkspaceRepository;
let events: CoreEvents;
let changes: Array<{ workspaceId: string; titles: string[] }>;
let call: <T>(method: string, params: unknown) => Promise<T>;
let workspaceA: string;
let workspaceB: string;
let clock: number;

beforeEach(() => {
  clock = Date.parse('2026-11-02T09:00:00.000Z');
  const now = () => new Date(clock);
  store = openStore({ dataDir: tempDir(), now });
  workspaces = new WorkspaceRepository(store.db, now);
  events = new CoreEvents();
  changes = [];
  events.subscribe((event, payload) => {
    if (event === 'savedReplies.changed') {
      const { workspaceId, replies } = payload as { workspaceId: string; replies: SavedReply[] };
      changes.push({ workspaceId, titles: replies.map((r) => r.title) });
    }
  });
  const handlers = createSavedReplyHandlers({ db: store.db, now, events, workspaces });
  const dispatcher = createDispatcher(handlers as unknown as HandlerTable, () => {});
  call = async <T>(method: string, params: unknown) => {
    const outcome = await dispatcher.call(method, params);
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), outcome.error);
    return outcome.result as T;
  };
  workspaceA = workspaces.create('Migros').id;
  workspaceB = workspaces.create('Helsana').id;
});
afterEach(() => store.close());

const save = (workspaceId: string, reply: object, id?: string) => call<SavedReply>('savedReplies.save', { workspaceId, reply, ...(id ? { id } : {}) });
const list = async (workspaceId: string) => (await call<{ replies: SavedReply[] }>('savedReplies.list', { workspaceId })).replies;

describe('saved replies', () => {
  it('creates, lists by title as people read it, updates and removes, announcing each change', async () => {
    const opening = await save(workspaceA, { title: 'Öffnungszeiten', body: 'Wir haben Mo–Sa 8–20 Uhr offen. {{agent.signature}}', keywords: [' offen ', 'Öffnungszeiten', 'OFFEN'] });
    expect(opening).toMatchObject({ workspaceId: workspaceA, title: 'Öffnungszeiten', keywords: ['offen', 'Öffnungszeiten'], updatedAt: '2026-11-02T09:00:00.000Z' });
    await save(workspaceA, { title: 'Antwort 10', body: 'Zehn' });
    await save(workspaceA, { title: 'antwort 2', body: 'Zwei' });
    await save(workspaceA, { title: 'Zustellung', body: 'Die Lieferung dauert 2 Tage.' });
    expect((await list(workspaceA)).map((r) => r.title)).toEqual(['antwort 2', 'Antwort 10', 'Öffnungszeiten', 'Zustellung']);
    expect(changes.map((c) => c.titles.length)).toEqual([1, 2, 3, 4]);

    clock += 60_000;
    const edited = await save(workspaceA, { title: 'Öffnungszeiten Filiale', body: 'Neu: 7–21 Uhr.' }, opening.id);
    expect(edited).toMatchObject({ id: opening.id, title: 'Öffnungszeiten Filiale', body: 'Neu: 7–21 Uhr.', keywords: ['offen', 'Öffnungszeiten'], updatedAt: '2026-11-02T09:01:00.000Z' });
    const rekeyed = await save(workspaceA, { title: 'Öffnungszeiten Filiale', body: 'Neu: 7–21 Uhr.', keywords: [] }, opening.id);
    expect(rekeyed.keywords).toEqual([]);

    expect(await call('savedReplies.remove', { workspaceId: workspaceA, id: opening.id })).toEqual({ id: opening.id });
    expect((await list(workspaceA)).map((r) => r.title)).toEqual(['antwort 2', 'Antwort 10', 'Zustellung']);
    expect(changes.at(-1)).toEqual({ workspaceId: workspaceA, titles: ['antwort 2', 'Antwort 10', 'Zustellung'] });
  });

  it('keeps workspaces apart and refuses bad input without changing anything', async () => {
    const reply = await save(workspaceA, { title: 'Danke', body: 'Danke für die Nachricht!' });
    expect(await list(workspaceB)).toEqual([]);
    await expect(save(workspaceB, { title: 'Hijack', body: 'x' }, reply.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('savedReplies.remove', { workspaceId: workspaceB, id: reply.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(save(workspaceA, { title: '   ', body: 'x' })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(save(workspaceA, { title: 'x', body: 'y', extra: 1 })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call('savedReplies.list', { workspaceId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
    workspaces.archive(workspaceA);
    await expect(save(workspaceA, { title: 'Neu', body: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await list(workspaceA)).map((r) => r.body)).toEqual(['Danke für die Nachricht!']);
    expect(changes).toHaveLength(1);
  });

  it('stores the inquiry types a reply answers, keeps them when an update leaves them out, and refuses unknown ones', async () => {
    const plain = await save(workspaceA, { title: 'Danke', body: 'Danke!' });
    expect(plain.inquiryTypes).toEqual([]);
    const hours = await save(workspaceA, { title: 'Öffnungszeiten', body: 'Mo–Sa 8–20 Uhr', keywords: ['offen'], inquiryTypes: ['other', 'question', 'question'] });
    expect(hours.inquiryTypes).toEqual(['question', 'other']);
    const edited = await save(workspaceA, { title: 'Öffnungszeiten', body: 'Mo–Sa 7–21 Uhr' }, hours.id);
    expect(edited).toMatchObject({ body: 'Mo–Sa 7–21 Uhr', inquiryTypes: ['question', 'other'] });
    expect((await save(workspaceA, { title: 'Öffnungszeiten', body: 'x', inquiryTypes: [] }, hours.id)).inquiryTypes).toEqual([]);
    await expect(save(workspaceA, { title: 'X', body: 'y', inquiryTypes: ['rant'] })).rejects.toMatchObject({ code: 'invalid_params' });
    // A damaged column (written by hand or an older build) reads as "any" rather than failing the list.
    store.db.prepare("UPDATE saved_replies SET inquiry_types = '[\"question\", 42, \"rant\"]' WHERE id = ?").run(plain.id);
    store.db.prepare("UPDATE saved_replies SET inquiry_types = 'not json' WHERE id = ?").run(hours.id);
    expect((await list(workspaceA)).map((r) => [r.title, r.inquiryTypes])).toEqual([
      ['Danke', ['question']],
      ['Öffnungszeiten', []],
    ]);
  });
});
