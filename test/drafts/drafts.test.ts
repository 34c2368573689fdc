import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { createDispatcher, type HandlerTable } from '../../src/main/core/dispatch';
import { createDraftsFeature, type DraftsFeature } from '../../src/main/core/drafts';
import { CoreEvents } from '../../src/main/core/events';
import type { InboxService } from '../../src/main/core/inbox';
import { ItemStore } from '../../src/main/core/items/itemStore';
import type { OutboxFeature, OutboxPost } from '../../src/main/core/outbox';
import { openStore, type Store } from '../../src/main/core/store/database';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { ComposerCheck, Draft, DraftContent, OutboxEntry } from '../../src/shared/contract/composer';
import { AppError } from '../../src/shared/contract/errors';
import type { Agent, InboxSettings } from '../../src/shared/contract/inbox';
import type { Network } from '../../src/shared/contract/items';
import { anItem } from '../support/items';
import { tempDir } from '../support/tempDir';

// A 1x1 PNG, a GIF header and a WebP header: real signatures.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString('base64');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L')]).toString('base64');

let dataDir: string;
let store: Store;
let workspaceA: string;
let workspaceB: string;
let bluesky: string;
let mastodon: string;
let foreignAccount: string;
let blueskyItem: number;
let mastodonItem: number;
let foreignItem: number;
let inboxItem: number;
let foreignInboxItem: number;
let settings: InboxSettings;
let agent: Agent | null;
let enqueued: OutboxPost[];
let kicks: Array<{ inTransaction: boolean; outboxRows: number }>;
let moveMedia: boolean;
let feature: DraftsFeature;
let accounts: AccountRepository;

function content(overrides: Partial<DraftContent> = {}): DraftContent {
  return { text: 'Danke für den Hinweis!', spoilerText: null, language: 'de', visibility: null, appendSignature: true, ...overrides };
}

/** The inbox as the composer sees it, over the real inbox_items table. */
function inboxService(db: Store['db']): InboxService {
  return {
    settings: () => settings,
    currentAgent: () => agent,
    entryTarget(workspaceId, inboxItemId) {
      const row = db.prepare('SELECT item_id, account_id FROM inbox_items WHERE id = ? AND workspace_id = ?').get(inboxItemId, workspaceId) as
        | { item_id: number; account_id: string | null }
        | undefined;
      if (!row) throw new AppError('not_found', `There is no inbox item ${inboxItemId} in this workspace.`);
      return { itemId: row.item_id, accountId: row.account_id };
    },
    recordResponse: () => {},
  };
}

/** The part of the outbox the composer uses: enqueue writes the entry and re-parents the media, as outbox/index.ts documents. */
function outboxFeature(db: Store['db']): OutboxFeature {
  return {
    handlers: {} as OutboxFeature['handlers'],
    enqueue(post) {
      enqueued.push(post);
      const id = randomUUID();
      const stamp = '2026-11-02T09:00:00.000Z';
      const network = (db.prepare('SELECT network FROM accounts WHERE id = ?').get(post.accountId) as { network: Network }).network;
      db.prepare(
        `INSERT INTO outbox (id, workspace_id, account_id, network, inbox_id, reply_to_item, state, idempotency_key, body, due_ms, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?, ?)`,
      ).run(id, post.workspaceId, post.accountId, network, post.inboxItemId, post.replyToItemId, randomUUID(), JSON.stringify(post), Date.parse(stamp), stamp, stamp);
      if (moveMedia && post.mediaFromDraftId) db.prepare('UPDATE media SET outbox_id = ?, draft_id = NULL WHERE draft_id = ?').run(id, post.mediaFromDraftId);
      const entry: OutboxEntry = {
        id,
        workspaceId: post.workspaceId,
        accountId: post.accountId,
        network,
        inboxItemId: post.inboxItemId,
        replyToItemId: post.replyToItemId,
        state: 'scheduled',
        text: post.text,
        dueAt: stamp,
        attempts: 0,
        error: null,
        remoteId: null,
        remoteUrl: null,
        createdAt: stamp,
        updatedAt: stamp,
        publishedAt: null,
      };
      return entry;
    },
    kick() {
      kicks.push({ inTransaction: db.inTransaction, outboxRows: (db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n });
    },
    start: () => {},
    tick: () => {},
    close: async () => {},
  } as OutboxFeature;
}

function open(): void {
  store = openStore({ dataDir });
  const now = () => new Date('2026-11-02T09:00:00.000Z');
  const workspaces = new WorkspaceRepository(store.db, now);
  accounts = new AccountRepository(store.db, now);
  const items = new ItemStore(store.db, now);
  feature = createDraftsFeature({
    db: store.db,
    now,
    events: new CoreEvents(),
    workspaces,
    accounts,
    items,
    inbox: inboxService(store.db),
    outbox: outboxFeature(store.db),
  });
}

let internalErrors: unknown[] = [];
const dispatcher = () => createDispatcher({ ...feature.handlers } as HandlerTable, (_method, error) => internalErrors.push(error));

/** Calls a method as the UI does: params and result checked against the contract. */
async function call<T>(method: string, params: unknown): Promise<T> {
  const outcome = await dispatcher().call(method, params);
  if (!outcome.ok) throw Object.assign(new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`), outcome.error);
  return outcome.result as T;
}

const save = (key: string, overrides: { workspaceId?: string; accountId?: string | null; content?: DraftContent } = {}) =>
  call<Draft>('drafts.save', { workspaceId: overrides.workspaceId ?? workspaceA, key, accountId: overrides.accountId ?? null, content: overrides.content ?? content() });

const addMedia = (key: string, media: { fileName?: string; mimeType?: string; dataBase64?: string; alt?: string }, workspaceId = workspaceA) =>
  call<Draft>('drafts.addMedia', { workspaceId, key, media: { fileName: 'bild.png', mimeType: 'image/png', dataBase64: PNG, ...media } });

const count = (sql: string, ...params: unknown[]) => (store.db.prepare(sql).get(...params) as { n: number }).n;

beforeEach(() => {
  dataDir = tempDir();
  open();
  const workspaces = new WorkspaceRepository(store.db);
  const streams = new StreamRepository(store.db);
  const items = new ItemStore(store.db);
  workspaceA = workspaces.create('Migros').id;
  workspaceB = workspaces.create('Helsana').id;
  bluesky = accounts.create({ workspaceId: workspaceA, network: 'bluesky', handle: 'migros.test' }).id;
  mastodon = accounts.create({ workspaceId: workspaceA, network: 'mastodon', handle: 'migros@social.example' }).id;
  foreignAccount = accounts.create({ workspaceId: workspaceB, network: 'bluesky', handle: 'helsana.test' }).id;
  const mentions = streams.create({ workspaceId: workspaceA, accountId: bluesky, network: 'bluesky', kind: 'mentions', title: 'Mentions' }).id;
  const home = streams.create({ workspaceId: workspaceA, accountId: mastodon, network: 'mastodon', kind: 'home', title: 'Home' }).id;
  const foreign = streams.create({ workspaceId: workspaceB, accountId: foreignAccount, network: 'bluesky', kind: 'mentions', title: 'Mentions' }).id;
  items.ingest(mentions, [anItem({ remoteId: 'at://anna/post/1', network: 'bluesky', text: '@migros.test wo ist die Filiale?' })]);
  items.ingest(home, [anItem({ remoteId: 'https://social.example/@anna/1', network: 'mastodon' })]);
  items.ingest(foreign, [anItem({ remoteId: 'at://bruno/post/1', network: 'bluesky' })]);
  const itemId = (remoteId: string) => (store.db.prepare('SELECT id FROM items WHERE remote_id = ?').get(remoteId) as { id: number }).id;
  blueskyItem = itemId('at://anna/post/1');
  mastodonItem = itemId('https://social.example/@anna/1');
  foreignItem = itemId('at://bruno/post/1');
  const addInbox = (workspaceId: string, item: number, accountId: string, streamId: string) =>
    Number(
      store.db
        .prepare(`INSERT INTO inbox_items (workspace_id, item_id, reason, stream_id, account_id, received_ms, updated_at) VALUES (?, ?, 'mention', ?, ?, 0, '')`)
        .run(workspaceId, item, streamId, accountId).lastInsertRowid,
    );
  inboxItem = addInbox(workspaceA, blueskyItem, bluesky, mentions);
  foreignInboxItem = addInbox(workspaceB, foreignItem, foreignAccount, foreign);
  settings = {
    goalMinutes: 120,
    timeZone: 'Europe/Zurich',
    businessHours: [null, null, null, null, null, null, null],
    signaturePlacement: 'replies',
    currentAgentId: null,
    requireAltText: false,
    acknowledgementReplyId: null,
  };
  agent = { id: randomUUID(), workspaceId: workspaceA, name: 'Anna Berger', initials: 'AB', signature: '^AB', createdAt: '' };
  enqueued = [];
  kicks = [];
  moveMedia = true;
  internalErrors = [];
});
afterEach(() => store.close());

describe('drafts: keys and autosave', () => {
  it('creates a reply draft for an inbox item, from the account it came in through, and updates it in place', async () => {
    const first = await save(`reply:${inboxItem}`);
    expect(first).toMatchObject({ workspaceId: workspaceA, key: `reply:${inboxItem}`, inboxItemId: inboxItem, replyToItemId: blueskyItem, accountId: bluesky, media: [] });
    const second = await save(`reply:${inboxItem}`, { content: content({ text: 'Die Filiale ist am Bahnhof.' }) });
    expect(second.id).toBe(first.id);
    expect(second.accountId).toBe(bluesky); // a null account keeps the draft's account
    expect(await call('drafts.get', { workspaceId: workspaceA, key: `reply:${inboxItem}` })).toEqual({ draft: second });
    expect(count('SELECT COUNT(*) AS n FROM drafts')).toBe(1);
  });

  it("refuses an inbox item or item of another workspace, and stores nothing", async () => {
    await expect(save(`reply:${foreignInboxItem}`)).rejects.toMatchObject({ code: 'not_found' });
    await expect(save(`item:${foreignItem}`)).rejects.toMatchObject({ code: 'not_found' });
    await expect(save(`item:${blueskyItem}`, { workspaceId: workspaceB })).rejects.toMatchObject({ code: 'not_found' });
    expect(count('SELECT COUNT(*) AS n FROM drafts')).toBe(0);
  });

  it('answers any item a column shows, from that column’s account', async () => {
    expect(await save(`item:${mastodonItem}`)).toMatchObject({ inboxItemId: null, replyToItemId: mastodonItem, accountId: mastodon });
  });

  it('keeps new posts without a target; an account must be one of the workspace’s', async () => {
    const key = `post:${randomUUID()}`;
    expect(await save(key)).toMatchObject({ inboxItemId: null, replyToItemId: null, accountId: null });
    await expect(save(key, { accountId: foreignAccount, content: content({ text: 'changed' }) })).rejects.toMatchObject({ code: 'not_found' });
    await expect(save(`post:${randomUUID()}`, { accountId: foreignAccount })).rejects.toMatchObject({ code: 'not_found' });
    const { draft } = await call<{ draft: Draft }>('drafts.get', { workspaceId: workspaceA, key });
    expect(draft).toMatchObject({ accountId: null, content: { text: 'Danke für den Hinweis!' } });
    expect((await save(key, { accountId: mastodon })).accountId).toBe(mastodon);
  });

  it('takes the only account of a workspace for a new post', async () => {
    expect((await save(`post:${randomUUID()}`, { workspaceId: workspaceB })).accountId).toBe(foreignAccount);
  });

  it('rejects bad keys and content through the contract', async () => {
    await expect(save('reply:abc')).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call('drafts.save', { workspaceId: workspaceA, key: `reply:${inboxItem}`, accountId: null, content: { text: 'x' } })).rejects.toMatchObject({ code: 'invalid_params' });
  });

  it('finds the draft again after the store was closed and opened (a restart)', async () => {
    await save(`reply:${inboxItem}`, { content: content({ text: 'Halb getippt', spoilerText: 'cw', visibility: 'unlisted' }) });
    await addMedia(`reply:${inboxItem}`, { alt: 'Karte' });
    // The autosave answers with the media too (from the same statement).
    expect((await save(`reply:${inboxItem}`, { content: content({ text: 'Halb getippt', spoilerText: 'cw', visibility: 'unlisted' }) })).media).toMatchObject([{ alt: 'Karte' }]);
    store.close();
    open();
    const { drafts } = await call<{ drafts: Draft[] }>('drafts.list', { workspaceId: workspaceA });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ content: { text: 'Halb getippt', spoilerText: 'cw', visibility: 'unlisted' }, media: [{ fileName: 'bild.png', alt: 'Karte', size: 70 }] });
  });

  it('lists the workspace’s drafts only, and discards one with its media', async () => {
    await save(`reply:${inboxItem}`);
    await addMedia(`reply:${inboxItem}`, {});
    await save(`post:${randomUUID()}`, { workspaceId: workspaceB });
    expect((await call<{ drafts: Draft[] }>('drafts.list', { workspaceId: workspaceA })).drafts.map((d) => d.key)).toEqual([`reply:${inboxItem}`]);
    expect(await call('drafts.discard', { workspaceId: workspaceA, key: `reply:${inboxItem}` })).toEqual({ key: `reply:${inboxItem}` });
    expect(await call('drafts.get', { workspaceId: workspaceA, key: `reply:${inboxItem}` })).toEqual({ draft: null });
    expect(count('SELECT COUNT(*) AS n FROM media')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM drafts')).toBe(1);
  });
});

describe('drafts: media', () => {
  const key = () => `reply:${inboxItem}`;

  it('stores files in order with their size, alt text and bytes', async () => {
    await addMedia(key(), { fileName: 'a.png' });
    await addMedia(key(), { fileName: 'b.jpg', mimeType: 'image/jpg', dataBase64: JPEG, alt: 'Eingang' });
    const draft = await addMedia(key(), { fileName: 'c.gif', mimeType: 'image/gif', dataBase64: GIF });
    await addMedia(key(), { fileName: 'd.webp', mimeType: 'image/webp', dataBase64: WEBP });
    expect(draft.media.map((m) => [m.fileName, m.mimeType, m.size, m.alt])).toEqual([
      ['a.png', 'image/png', 70, ''],
      ['b.jpg', 'image/jpeg', 12, 'Eingang'],
      ['c.gif', 'image/gif', 14, ''],
    ]);
    const withAlt = await call<Draft>('drafts.setMediaAlt', { workspaceId: workspaceA, key: key(), mediaId: draft.media[0]!.id, alt: 'Karte der Filiale' });
    expect(withAlt.media[0]!.alt).toBe('Karte der Filiale');
    const removed = await call<Draft>('drafts.removeMedia', { workspaceId: workspaceA, key: key(), mediaId: draft.media[1]!.id });
    expect(removed.media.map((m) => m.fileName)).toEqual(['a.png', 'c.gif', 'd.webp']);
    const data = await call<{ dataBase64: string; media: { alt: string } }>('drafts.mediaData', { workspaceId: workspaceA, mediaId: draft.media[0]!.id });
    expect(data.dataBase64).toBe(PNG);
    expect(data.media.alt).toBe('Karte der Filiale');
  });

  it('refuses invalid base64 and bytes that are not what the MIME type says', async () => {
    await expect(addMedia(key(), { dataBase64: 'iVBORw0K!!==' })).rejects.toMatchObject({ code: 'invalid_params', message: expect.stringContaining('base64') });
    await expect(addMedia(key(), { dataBase64: PNG.slice(0, -1) })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(addMedia(key(), { mimeType: 'image/png', dataBase64: JPEG })).rejects.toMatchObject({ code: 'invalid_params', message: expect.stringContaining('image/jpeg') });
    await expect(addMedia(key(), { mimeType: 'image/webp', dataBase64: Buffer.from('RIFF\0\0\0\0AVI LIST').toString('base64') })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(addMedia(key(), { mimeType: 'video/mp4', dataBase64: PNG })).rejects.toMatchObject({ code: 'invalid_params' });
    expect(count('SELECT COUNT(*) AS n FROM media')).toBe(0);
  });

  it('takes other types it cannot sniff as declared', async () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42')]).toString('base64');
    expect((await addMedia(key(), { fileName: 'clip.mp4', mimeType: 'video/mp4', dataBase64: mp4 })).media[0]).toMatchObject({ mimeType: 'video/mp4', size: 12 });
  });

  it('keeps each workspace’s files to itself', async () => {
    const draft = await addMedia(key(), {});
    await expect(call('drafts.mediaData', { workspaceId: workspaceB, mediaId: draft.media[0]!.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('drafts.setMediaAlt', { workspaceId: workspaceB, key: key(), mediaId: draft.media[0]!.id, alt: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('drafts.removeMedia', { workspaceId: workspaceA, key: key(), mediaId: randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('composer.check', () => {
  const check = (key: string, overrides: { accountId?: string | null; content?: DraftContent } = {}) =>
    call<ComposerCheck>('composer.check', { workspaceId: workspaceA, key, accountId: overrides.accountId ?? null, content: overrides.content ?? content() });

  it("checks by the draft account's network, with the agent's signature on replies", async () => {
    const result = await check(`reply:${inboxItem}`, { content: content({ text: 'Hallo @anna.test, siehe https://migros.ch' }) });
    expect(result).toMatchObject({ network: 'bluesky', finalText: 'Hallo @anna.test, siehe https://migros.ch ^AB', limit: 300, problems: [] });
    expect(result.facets.map((f) => f.kind)).toEqual(['mention', 'link']);
    const onMastodon = await check(`item:${mastodonItem}`, { content: content({ text: 'Siehe https://migros.ch', spoilerText: 'Essen' }) });
    expect(onMastodon).toMatchObject({ network: 'mastodon', finalText: 'Siehe https://migros.ch ^AB', length: 5 + 6 + 23 + 4, limit: 500 });
  });

  it('uses the stored media and the workspace settings', async () => {
    await addMedia(`reply:${inboxItem}`, {});
    settings = { ...settings, requireAltText: true, signaturePlacement: 'off' };
    const result = await check(`reply:${inboxItem}`, { content: content({ text: '' }) });
    expect(result.finalText).toBe('');
    expect(result.problems.map((p) => p.code)).toEqual(['alt_text_missing']);
  });

  it('says when the account cannot answer: another network, another workspace, or reconnect needed', async () => {
    expect((await check(`reply:${inboxItem}`, { accountId: mastodon })).problems).toEqual([expect.objectContaining({ code: 'no_account', params: { network: 'bluesky' } })]);
    expect((await check(`reply:${inboxItem}`, { accountId: foreignAccount })).problems.map((p) => p.code)).toEqual(['no_account']);
    accounts.setStatus(bluesky, 'reconnect_needed');
    expect((await check(`reply:${inboxItem}`)).problems.map((p) => p.code)).toEqual(['account_needs_reconnect']);
  });

  it('does not create a draft', async () => {
    await check(`post:${randomUUID()}`);
    expect(count('SELECT COUNT(*) AS n FROM drafts')).toBe(0);
  });
});

describe('composer.send', () => {
  const send = (key: string, overrides: { accountId?: string; content?: DraftContent } = {}) =>
    call<OutboxEntry>('composer.send', { workspaceId: workspaceA, key, accountId: overrides.accountId ?? bluesky, content: overrides.content ?? content() });

  it('moves the draft with its media into the outbox in one transaction, then kicks the outbox', async () => {
    const key = `reply:${inboxItem}`;
    await save(key, { content: content({ text: 'alt' }) });
    const draft = await addMedia(key, { alt: 'Karte' });
    const entry = await send(key, { content: content({ text: 'Die Filiale ist am Bahnhof.' }) });
    expect(entry).toMatchObject({ state: 'scheduled', text: 'Die Filiale ist am Bahnhof. ^AB', inboxItemId: inboxItem, replyToItemId: blueskyItem, accountId: bluesky });
    expect(enqueued).toEqual([
      {
        workspaceId: workspaceA,
        accountId: bluesky,
        inboxItemId: inboxItem,
        replyToItemId: blueskyItem,
        text: 'Die Filiale ist am Bahnhof. ^AB',
        spoilerText: null,
        language: 'de',
        visibility: null,
        mediaFromDraftId: draft.id,
      },
    ]);
    expect(count('SELECT COUNT(*) AS n FROM drafts')).toBe(0);
    expect(store.db.prepare('SELECT draft_id, outbox_id, alt FROM media').all()).toEqual([{ draft_id: null, outbox_id: entry.id, alt: 'Karte' }]);
    expect(kicks).toEqual([{ inTransaction: false, outboxRows: 1 }]);
    // The entry's files stay readable for the workspace.
    expect((await call<{ dataBase64: string }>('drafts.mediaData', { workspaceId: workspaceA, mediaId: draft.media[0]!.id })).dataBase64).toBe(PNG);
  });

  it('passes the content warning and visibility to Mastodon', async () => {
    await send(`item:${mastodonItem}`, { accountId: mastodon, content: content({ text: 'Guten Appetit', spoilerText: 'Essen', visibility: 'unlisted', language: 'de-CH' }) });
    expect(enqueued[0]).toMatchObject({ spoilerText: 'Essen', visibility: 'unlisted', language: 'de-CH', inboxItemId: null, replyToItemId: mastodonItem });
  });

  it('sends nothing when the check finds problems, and keeps the draft as typed', async () => {
    const key = `reply:${inboxItem}`;
    const error = await send(key, { content: content({ text: 'x'.repeat(320) }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_params', message: expect.stringContaining('Bluesky allows 300'), details: { problems: 'too_long' } });
    expect(enqueued).toEqual([]);
    expect(kicks).toEqual([]);
    expect(count('SELECT COUNT(*) AS n FROM outbox')).toBe(0);
    const { draft } = await call<{ draft: Draft }>('drafts.get', { workspaceId: workspaceA, key });
    expect(draft?.content.text).toBe('x'.repeat(320));
  });

  it('loses nothing when the outbox leaves the media behind: the send is rolled back', async () => {
    moveMedia = false;
    const key = `reply:${inboxItem}`;
    await addMedia(key, { alt: 'Karte' });
    await expect(send(key, { content: content({ text: 'Neu getippt' }) })).rejects.toMatchObject({ code: 'internal' });
    expect(internalErrors).toEqual([expect.objectContaining({ message: expect.stringContaining('media rows') })]);
    expect(count('SELECT COUNT(*) AS n FROM outbox')).toBe(0);
    expect(kicks).toEqual([]);
    const { draft } = await call<{ draft: Draft }>('drafts.get', { workspaceId: workspaceA, key });
    expect(draft).toMatchObject({ content: { text: 'Neu getippt' }, media: [{ alt: 'Karte' }] });
  });

  it('refuses an account of another workspace', async () => {
    await expect(send(`post:${randomUUID()}`, { accountId: foreignAccount })).rejects.toMatchObject({ code: 'not_found' });
    expect(enqueued).toEqual([]);
  });
});
