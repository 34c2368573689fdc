import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactHandlers } from '../../src/main/core/contacts';
import { HISTORY_SQL, REPLY_TO_INDEX } from '../../src/main/core/contacts/contactHistory';
import { createDispatcher, type HandlerTable } from '../../src/main/core/dispatch';
import type { Contact, HistoryEntry } from '../../src/shared/contract/inbox';
import type { PageCursor } from '../../src/shared/contract/items';
import { addInboxItem, addPublishedReply, contactsFixture, itemId, person, postBy, type ContactsFixture } from './fixture';

let f: ContactsFixture;
let workspaceA: string;
let workspaceB: string;
let columnA: string;
let mastodonA: string;
let inboxSourceA: string;
let columnB: string;

const bobSky = person('did:plc:bob', 'bob.bsky.social', 'Bob Keller', 250);
const bobMasto = person('https://social.example/users/bob', 'bob@social.example', 'Bob K.', 40);
const brand = person('did:plc:brand', 'brand.bsky.social', 'Brand', 9000);
const bob = { network: 'bluesky', remoteId: bobSky.remoteId } as const;
const bobOnMastodon = { network: 'mastodon', remoteId: bobMasto.remoteId } as const;

interface HistoryPage {
  entries: HistoryEntry[];
  next: PageCursor | null;
}

beforeEach(() => {
  f = contactsFixture();
  workspaceA = f.workspaces.create('Migros').id;
  workspaceB = f.workspaces.create('Helsana').id;
  columnA = f.streams.create({ workspaceId: workspaceA, network: 'bluesky', kind: 'search', query: 'migros', title: 'Search' }).id;
  mastodonA = f.streams.create({ workspaceId: workspaceA, network: 'mastodon', kind: 'hashtag', query: 'migros', title: 'Hashtag' }).id;
  inboxSourceA = f.streams.create({ workspaceId: workspaceA, network: 'bluesky', kind: 'mentions', title: 'Mentions' }).id;
  f.store.db.prepare("UPDATE streams SET role = 'inbox' WHERE id = ?").run(inboxSourceA);
  columnB = f.streams.create({ workspaceId: workspaceB, network: 'bluesky', kind: 'search', query: 'helsana', title: 'Search' }).id;
});
afterEach(() => f.close());

const texts = (page: HistoryPage) => page.entries.map((e) => `${e.direction}:${e.item.remoteId}`);

function history(workspaceId: string, author: typeof bob | typeof bobOnMastodon, after: PageCursor | null = null, limit?: number) {
  return f.call<HistoryPage>('contacts.history', { workspaceId, author, after, ...(limit ? { limit } : {}) });
}

describe('contact history across networks', () => {
  it('shows what every linked identity wrote in the workspace and what we answered, newest first', async () => {
    f.items.ingest(columnA, [postBy(bobSky, 'sky-1', 0), postBy(bobSky, 'sky-3', 30)]);
    f.items.ingest(inboxSourceA, [postBy(bobSky, 'sky-4', 50)]); // a mention: hidden inbox source
    f.items.ingest(mastodonA, [postBy(bobMasto, 'masto-2', 20, 'mastodon'), postBy(bobMasto, 'masto-5', 70, 'mastodon')]);
    const mention = addInboxItem(f.store, workspaceA, itemId(f.store, 'bluesky', 'sky-4'), 'pending');
    // Our reply to sky-3 was published and pulled in with our own timeline; a failed one was not.
    f.items.ingest(columnA, [postBy(brand, 'our-reply', 40), postBy(brand, 'our-failed', 45)]);
    addPublishedReply(f.store, workspaceA, itemId(f.store, 'bluesky', 'sky-3'), itemId(f.store, 'bluesky', 'our-reply'));
    addPublishedReply(f.store, workspaceA, itemId(f.store, 'bluesky', 'sky-1'), itemId(f.store, 'bluesky', 'our-failed'), 'failed');

    // Before linking, each profile is a person of its own.
    expect(texts(await history(workspaceA, bob))).toEqual(['in:sky-4', 'out:our-reply', 'in:sky-3', 'in:sky-1']);
    expect(texts(await history(workspaceA, bobOnMastodon))).toEqual(['in:masto-5', 'in:masto-2']);

    await f.call<Contact>('contacts.link', { workspaceId: workspaceA, author: bob, other: bobOnMastodon });
    const page = await history(workspaceA, bobOnMastodon);
    expect(texts(page)).toEqual(['in:masto-5', 'in:sky-4', 'out:our-reply', 'in:sky-3', 'in:masto-2', 'in:sky-1']);
    expect(page.next).toBeNull();
    const byRemote = new Map(page.entries.map((e) => [e.item.remoteId, e]));
    expect(byRemote.get('sky-4')).toMatchObject({ inboxItemId: mention, inboxStatus: 'pending' });
    expect(byRemote.get('sky-3')).toMatchObject({ inboxItemId: null, inboxStatus: null });
    expect(byRemote.get('masto-2')!.item).toMatchObject({ network: 'mastodon', author: { handle: 'bob@social.example' } });

    const contact = await f.call<Contact>('contacts.get', { workspaceId: workspaceA, author: bob });
    expect(contact.identities.map((i) => [i.network, i.handle, i.followers])).toEqual([
      ['bluesky', 'bob.bsky.social', 250],
      ['mastodon', 'bob@social.example', 40],
    ]);
    expect(contact.itemCount).toBe(5);
    expect(contact.firstSeenAt).toBe('2026-11-02T09:00:00.000Z');
  });

  it('never shows another workspace: its items, its replies or its people', async () => {
    f.items.ingest(columnA, [postBy(bobSky, 'in-a', 0)]);
    f.items.ingest(columnB, [postBy(bobSky, 'in-b', 10), postBy(brand, 'reply-from-b', 20)]);
    addPublishedReply(f.store, workspaceB, itemId(f.store, 'bluesky', 'in-a'), itemId(f.store, 'bluesky', 'reply-from-b'));
    // An inbox item of B for an item A also has does not lend its status to A.
    addInboxItem(f.store, workspaceB, itemId(f.store, 'bluesky', 'in-a'), 'done');
    const carol = person('did:plc:carol', 'carol.bsky.social');
    f.items.ingest(columnB, [postBy(carol, 'carol-b', 5)]);

    const pageA = await history(workspaceA, bob);
    expect(texts(pageA)).toEqual(['in:in-a']);
    expect(pageA.entries[0]).toMatchObject({ inboxItemId: null, inboxStatus: null });
    // B sees its own items, its own reply, and what its inbox holds.
    const pageB = await history(workspaceB, bob);
    expect(texts(pageB)).toEqual(['out:reply-from-b', 'in:in-b', 'in:in-a']);
    expect(pageB.entries[2]).toMatchObject({ inboxStatus: 'done' });
    expect((await f.call<Contact>('contacts.get', { workspaceId: workspaceA, author: bob })).itemCount).toBe(1);

    const carolRef = { network: 'bluesky', remoteId: carol.remoteId };
    await expect(f.call('contacts.get', { workspaceId: workspaceA, author: carolRef })).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.call('contacts.history', { workspaceId: workspaceA, author: carolRef })).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.call('contacts.link', { workspaceId: workspaceA, author: bob, other: carolRef })).rejects.toMatchObject({ code: 'not_found' });
    expect((await f.call<{ authors: unknown[] }>('contacts.searchAuthors', { workspaceId: workspaceA, text: 'carol' })).authors).toEqual([]);

    await f.call('contacts.addNote', { workspaceId: workspaceA, author: bob, text: 'Stammkunde seit 2019' });
    await f.call('contacts.setTags', { workspaceId: workspaceA, author: bob, tags: ['vip'] });
    const inB = await f.call<Contact>('contacts.get', { workspaceId: workspaceB, author: bob });
    expect(inB).toMatchObject({ workspaceId: workspaceB, notes: [], tags: [], itemCount: 2 });
  });

  it('pages by (time, id) without gaps or repeats, in and out entries mixed, ties included', async () => {
    const posts = [0, 10, 10, 10, 20, 30, 40, 50].map((minute, n) => postBy(bobSky, `p${n}`, minute));
    f.items.ingest(columnA, posts);
    f.items.ingest(columnA, [postBy(brand, 'r-a', 10), postBy(brand, 'r-b', 45)]);
    addPublishedReply(f.store, workspaceA, itemId(f.store, 'bluesky', 'p0'), itemId(f.store, 'bluesky', 'r-a'));
    addPublishedReply(f.store, workspaceA, itemId(f.store, 'bluesky', 'p5'), itemId(f.store, 'bluesky', 'r-b'));

    const all = await history(workspaceA, bob, null, 200);
    expect(all.entries).toHaveLength(10);
    const seen: string[] = [];
    let cursor: PageCursor | null = null;
    let pages = 0;
    do {
      const page: HistoryPage = await history(workspaceA, bob, cursor, 3);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...texts(page));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual(texts(all));
    expect(seen.slice(0, 3)).toEqual(['in:p7', 'out:r-b', 'in:p6']);
    const times = all.entries.map((e) => Date.parse(e.item.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // A page that ends exactly at the last entry says there is no next page.
    const exact = await history(workspaceA, bob, null, 10);
    expect(exact.next).toBeNull();
    const short = await history(workspaceA, bob, null, 9);
    expect(short.next).not.toBeNull();
  });

  it('asks SQLite for an index walk per author, with no sorting of all their items', () => {
    // Enough rows that the planner's statistics are not empty-table guesses.
    f.store.db.exec('ANALYZE');
    const plan = (sql: string) =>
      (f.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ workspaceId: workspaceA, authorId: 1, authors: '[1]', beforeMs: 1, beforeId: 1, limit: 51 }) as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join('\n');
    const incoming = plan(HISTORY_SQL.incoming);
    expect(incoming).toMatch(/SEARCH i USING (COVERING )?INDEX items_by_author \(author_id=\? AND created_ms<\?\)/);
    expect(incoming).toMatch(/SEARCH ii USING INDEX sqlite_autoindex_inbox_items_1 \(workspace_id=\? AND item_id=\?\)/);
    expect(incoming).toMatch(/SEARCH si USING (COVERING )?INDEX stream_items_by_item \(item_id=\?\)/);
    expect(incoming).toMatch(/SEARCH s USING INDEX sqlite_autoindex_streams_1 \(id=\?\)/);
    expect(incoming).not.toMatch(/TEMP B-TREE|SCAN (i|s|si)\b/);
  });

  it('finds what we sent through the index on outbox(reply_to_item), probing per item of the author', async () => {
    f.items.ingest(columnA, [postBy(bobSky, 'p1', 0), postBy(bobSky, 'p2', 20), postBy(brand, 'r1', 10), postBy(brand, 'r2', 30)]);
    f.items.ingest(columnB, [postBy(bobSky, 'p1', 0), postBy(brand, 'rb', 15)]);
    addPublishedReply(f.store, workspaceA, itemId(f.store, 'bluesky', 'p1'), itemId(f.store, 'bluesky', 'r1'));
    addPublishedReply(f.store, workspaceA, itemId(f.store, 'bluesky', 'p2'), itemId(f.store, 'bluesky', 'r2'));
    addPublishedReply(f.store, workspaceB, itemId(f.store, 'bluesky', 'p1'), itemId(f.store, 'bluesky', 'rb'));
    const handlers = createContactHandlers({ db: f.store.db, now: () => new Date(), items: f.items, workspaces: f.workspaces, currentAgentId: () => null });
    const dispatcher = createDispatcher(handlers as unknown as HandlerTable, () => {});
    const call = async (after: PageCursor | null) => {
      const outcome = await dispatcher.call('contacts.history', { workspaceId: workspaceA, author: bob, after, limit: 3 });
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.result as HistoryPage;
    };
    const first = await call(null);
    expect(texts(first)).toEqual(['out:r2', 'in:p2', 'out:r1']);
    expect(texts(await call(first.next))).toEqual(['in:p1']);
    const plan = (f.store.db.prepare(`EXPLAIN QUERY PLAN ${HISTORY_SQL.outgoing}`).all({ workspaceId: workspaceA, authorId: 1, beforeMs: 1, beforeId: 1, limit: 4 }) as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(new RegExp(`SEARCH r USING COVERING INDEX items_by_author[^\\n]*\\nSEARCH o USING INDEX ${REPLY_TO_INDEX} \\(reply_to_item=\\?\\)`));
  });
});
