import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ItemStore } from '../../src/main/core/items/itemStore';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { openStore, type Store } from '../../src/main/core/store/database';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import { anItem } from '../support/items';
import { tempDir } from '../support/tempDir';

let store: Store;
let items: ItemStore;
let streams: StreamRepository;
let workspaceA: string;
let workspaceB: string;

beforeEach(() => {
  store = openStore({ dataDir: tempDir() });
  items = new ItemStore(store.db);
  streams = new StreamRepository(store.db);
  const workspaces = new WorkspaceRepository(store.db);
  workspaceA = workspaces.create('Migros').id;
  workspaceB = workspaces.create('Helsana').id;
});
afterEach(() => store.close());

function stream(workspaceId = workspaceA, title = 'Feed') {
  return streams.create({ workspaceId, network: 'feed', kind: 'feed', query: 'https://example.org/feed', title }).id;
}

function minutes(n: number): string {
  return new Date(Date.UTC(2026, 10, 1, 10, 0) + n * 60_000).toISOString();
}

describe('item store: ingest', () => {
  it('deduplicates by (network, remote id) across streams, and repeats are harmless', () => {
    const home = stream();
    const search = stream(workspaceA, 'Search');
    expect(items.ingest(home, [anItem({ remoteId: 'p1' }), anItem({ remoteId: 'p2' })])).toEqual({ added: 2, created: 2 });
    expect(items.ingest(search, [anItem({ remoteId: 'p1' })])).toEqual({ added: 1, created: 0 });
    expect(items.ingest(home, [anItem({ remoteId: 'p1' }), anItem({ remoteId: 'p2' })])).toEqual({ added: 0, created: 0 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 2 });
    // The same remote id on another network is another item.
    expect(items.ingest(home, [anItem({ remoteId: 'p1', network: 'mastodon' })]).created).toBe(1);
  });

  it('keeps counts fresh and re-indexes an edited post', () => {
    const home = stream();
    items.ingest(home, [anItem({ remoteId: 'p1', text: 'Die Filiale in Bern ist zu', counts: { replies: 0, reposts: 0, likes: 1 } })]);
    items.ingest(home, [anItem({ remoteId: 'p1', text: 'Die Filiale in Basel ist zu', counts: { replies: 2, reposts: 1, likes: 9 } })]);
    const [item] = items.page(home, null).items;
    expect(item).toMatchObject({ text: 'Die Filiale in Basel ist zu', counts: { replies: 2, reposts: 1, likes: 9 } });
    expect(items.search(workspaceA, 'Basel').items).toHaveLength(1);
    expect(items.search(workspaceA, 'Bern').items).toHaveLength(0);
  });

  it('keeps the raw payload and the author, and updates what the author tells later', () => {
    const home = stream();
    items.ingest(home, [{ ...anItem({ remoteId: 'p1' }), raw: { id: 'p1', extra: [1, 2] } }]);
    items.ingest(home, [anItem({ remoteId: 'p2', author: { remoteId: 'author-1', handle: 'anna', displayName: 'Anna M.', avatarUrl: null, url: null, followers: 200 } })]);
    expect(store.db.prepare("SELECT raw FROM items WHERE remote_id = 'p1'").get()).toEqual({ raw: '{"id":"p1","extra":[1,2]}' });
    const authors = store.db.prepare('SELECT display_name, followers FROM authors').all();
    expect(authors).toEqual([{ display_name: 'Anna M.', followers: 200 }]);
  });
});

describe('item store: the author cache and rollbacks', () => {
  function rolledBackIngest(streamId: string, remoteId: string) {
    expect(() =>
      store.db.transaction(() => {
        items.ingestInTransaction(streamId, [anItem({ remoteId, author: { remoteId: 'new-author', handle: 'nina', displayName: null, avatarUrl: null, url: null, followers: 1 } })]);
        throw new Error('the disk is full');
      })(),
    ).toThrow('the disk is full');
  }
  const nina = { remoteId: 'new-author', handle: 'nina', displayName: null, avatarUrl: null, url: null, followers: 1 };

  it('never reuses the id of an author written in a transaction that rolled back', () => {
    const home = stream();
    rolledBackIngest(home, 'lost');
    items.discardCachedAuthors(); // what the poller's commit does when it rolls back
    items.ingest(home, [anItem({ remoteId: 'kept', author: nina })]);
    expect(items.page(home, null).items.map((item) => [item.remoteId, item.author?.handle])).toEqual([['kept', 'nina']]);
  });

  it('heals by itself if a caller forgets: one batch fails, the retry stores it', () => {
    const home = stream();
    rolledBackIngest(home, 'lost');
    expect(() => items.ingest(home, [anItem({ remoteId: 'kept', author: nina })])).toThrow(/FOREIGN KEY/);
    items.ingest(home, [anItem({ remoteId: 'kept', author: nina })]);
    expect(items.page(home, null).items.map((item) => item.author?.handle)).toEqual(['nina']);
  });
});

describe('item store: columns', () => {
  it('pages a column newest first by keyset, without gaps or repeats, ties broken by id', () => {
    const home = stream();
    // 120 items, several sharing a timestamp.
    items.ingest(home, Array.from({ length: 120 }, (_, i) => anItem({ remoteId: `p${i}`, createdAt: minutes(Math.floor(i / 3)) })));
    const seen: number[] = [];
    let cursor = null;
    const sizes: number[] = [];
    do {
      const page = items.page(home, cursor, 50);
      sizes.push(page.items.length);
      seen.push(...page.items.map((item) => item.id));
      for (let i = 1; i < page.items.length; i++) {
        expect(Date.parse(page.items[i - 1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(page.items[i]!.createdAt));
      }
      cursor = page.next;
    } while (cursor);
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
  });

  it('finds what arrived above the newest item a column shows', () => {
    const home = stream();
    items.ingest(home, [anItem({ remoteId: 'old', createdAt: minutes(0) })]);
    const [newest] = items.page(home, null).items;
    items.ingest(home, [anItem({ remoteId: 'new1', createdAt: minutes(5) }), anItem({ remoteId: 'new2', createdAt: minutes(6) })]);
    const arrived = items.newerThan(home, { createdMs: Date.parse(newest!.createdAt), id: newest!.id });
    expect(arrived.map((item) => item.remoteId)).toEqual(['new2', 'new1']);
  });

  it('counts unread per column and marks read across the workspace, not beyond it', () => {
    const home = stream();
    const search = stream(workspaceA, 'Search');
    const other = stream(workspaceB, 'Other client');
    for (const s of [home, search, other]) items.ingest(s, [anItem({ remoteId: 'p1' }), anItem({ remoteId: 'p2' })]);
    const p1 = items.page(home, null).items.find((item) => item.remoteId === 'p1')!;
    items.markRead(workspaceA, [p1.id]);
    expect([items.unreadCount(home), items.unreadCount(search), items.unreadCount(other)]).toEqual([1, 1, 2]);
    expect(items.page(search, null).items.find((item) => item.remoteId === 'p1')!.read).toBe(true);
    items.markStreamRead(home);
    expect(items.unreadCount(home)).toBe(0);
  });
});

describe('item store: search', () => {
  beforeEach(() => {
    const home = stream();
    const other = stream(workspaceB, 'Other');
    items.ingest(home, [
      anItem({ remoteId: 'a', text: 'Warum ist die Filiale in Zürich heute geschlossen?', language: 'de', createdAt: minutes(1) }),
      anItem({ remoteId: 'b', network: 'mastodon', text: 'Great service at #Migros today https://example.org/x', language: 'en-GB', createdAt: minutes(2) }),
      anItem({ remoteId: 'c', text: 'Filiale Bern: tolle Beratung', createdAt: minutes(3), author: { remoteId: 'bob', handle: 'bob', displayName: 'Bob Beispiel', avatarUrl: null, url: null, followers: 3 } }),
    ]);
    items.ingest(other, [anItem({ remoteId: 'd', text: 'Filiale in Luzern (a different client)' })]);
  });

  it('finds words regardless of case and accents, newest first, only in the workspace', () => {
    expect(items.search(workspaceA, 'filiale').items.map((i) => i.remoteId)).toEqual(['c', 'a']);
    expect(items.search(workspaceA, 'zurich').items.map((i) => i.remoteId)).toEqual(['a']);
    expect(items.search(workspaceA, 'Luzern').items).toEqual([]);
    expect(items.search(workspaceB, 'Luzern').items.map((i) => i.remoteId)).toEqual(['d']);
    expect(items.search(workspaceA, '#migros').items.map((i) => i.remoteId)).toEqual(['b']);
    expect(items.search(workspaceA, 'Filia*').items).toHaveLength(2);
  });

  it('filters by network, author, date range, language and links', () => {
    expect(items.search(workspaceA, '', { networks: ['mastodon'] }).items.map((i) => i.remoteId)).toEqual(['b']);
    expect(items.search(workspaceA, 'filiale', { author: 'beispiel' }).items.map((i) => i.remoteId)).toEqual(['c']);
    expect(items.search(workspaceA, '', { from: minutes(2), to: minutes(2) }).items.map((i) => i.remoteId)).toEqual(['b']);
    expect(items.search(workspaceA, '', { language: 'en' }).items.map((i) => i.remoteId)).toEqual(['b']);
    expect(items.search(workspaceA, '', { hasLink: true }).items.map((i) => i.remoteId)).toEqual(['b']);
    expect(items.search(workspaceA, '', { author: '100%_' }).items).toEqual([]);
  });

  it.each(['"', 'AND', 'NEAR(a b', 'text:Filiale', ')(*', '*', '"unbalanced', "'; DROP TABLE items; --", '\u0000', '^Filiale'])(
    'never breaks on the query %j',
    (query) => {
      expect(() => items.search(workspaceA, query)).not.toThrow();
    },
  );

  it('forgets items no stream shows any more, index entries included', () => {
    const onlyStream = streams.listByWorkspace(workspaceB)[0]!.id;
    streams.remove(onlyStream);
    expect(items.collectOrphans()).toBe(1);
    expect(items.search(workspaceB, 'Luzern').items).toEqual([]);
    const indexed = store.db.prepare("SELECT COUNT(*) AS n FROM items_fts WHERE items_fts MATCH 'Luzern'").get();
    expect(indexed).toEqual({ n: 0 });
  });
});
