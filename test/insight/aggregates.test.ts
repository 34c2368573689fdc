import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ItemStore, type IngestItem } from '../../src/main/core/items/itemStore';
import { createAnalysisPipeline } from '../../src/main/core/insight/pipeline';
import { ItemCounts } from '../../src/main/core/insight/aggregates/itemCounts';
import { openStore, type Store } from '../../src/main/core/store/database';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { Network } from '../../src/shared/contract/items';
import { anItem } from '../support/items';
import { tempDir } from '../support/tempDir';
import { expectedAggregates, keywordAnalyzer, storedAggregates } from './aggregatesReference';

// These tests check the aggregate arithmetic, so they use the small deterministic keyword
// analyzer from aggregatesReference.ts; pipeline.test.ts runs the real analyzer.

const NETWORKS: Network[] = ['bluesky', 'mastodon', 'feed'];
const WORDS = ['good', 'bad', 'schlecht', 'gut', 'meh', 'broken', 'danke', 'why?', 'ok'];
const START = Date.UTC(2026, 2, 27, 20, 0);

/** Item n: spread over three days, three networks, twelve authors, some without author or counts. */
function item(n: number, overrides: Partial<IngestItem> = {}): IngestItem {
  return {
    ...anItem({ remoteId: `p${n}` }),
    network: NETWORKS[n % 3]!,
    author: n % 17 === 0 ? null : { remoteId: `a${n % 12}`, handle: `user${n % 12}`, displayName: null, avatarUrl: null, url: null, followers: (n % 12) * 100 },
    text: `Post ${n} ${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]}`,
    createdAt: new Date(START + n * 17 * 60_000).toISOString(),
    counts: n % 5 === 0 ? { replies: null, reposts: null, likes: null } : { replies: n % 3, reposts: n % 4, likes: n % 7 },
    ...overrides,
  };
}

const range = (from: number, to: number, overrides: (n: number) => Partial<IngestItem> = () => ({})) =>
  Array.from({ length: to - from }, (_, i) => item(from + i, overrides(from + i)));

let store: Store;
let items: ItemStore;
let streams: StreamRepository;
let workspaces: WorkspaceRepository;
let a: string;
let b: string;

beforeEach(() => {
  store = openStore({ dataDir: tempDir() });
  items = new ItemStore(store.db);
  streams = new StreamRepository(store.db);
  workspaces = new WorkspaceRepository(store.db);
  a = workspaces.create('Migros').id;
  b = workspaces.create('Helsana').id;
});
afterEach(() => store.close());

function stream(workspaceId: string, kind: string, network: Network, title: string): string {
  return streams.create({ workspaceId, network, kind, query: 'q', title }).id;
}

function expectAggregatesRight(): void {
  expect(storedAggregates(store.db)).toEqual(expectedAggregates(store.db));
}

const count = (sql: string, ...params: unknown[]) => (store.db.prepare(sql).get(...params) as { n: number }).n;

describe('hourly aggregates', () => {
  it('stay equal to a direct query over the items through ingest, analysis, re-analysis, stream removal and workspace changes', async () => {
    const search = stream(a, 'search', 'bluesky', 'Migros search');
    const hashtag = stream(a, 'hashtag', 'mastodon', '#migros');
    const feed = stream(a, 'feed', 'feed', 'Blog');
    const inboxSource = streams.create({ workspaceId: a, network: 'bluesky', kind: 'mentions', title: 'Mentions', role: 'inbox' }).id;

    // Ingest: overlapping streams in one workspace count each item once per stream, once per workspace.
    items.ingest(search, range(0, 200));
    items.ingest(hashtag, range(100, 300));
    items.ingest(feed, range(0, 50));
    items.ingest(inboxSource, range(280, 320));
    expectAggregatesRight();
    expect(count('SELECT COUNT(*) AS n FROM analysis_queue')).toBe(320);
    expect(count('SELECT COALESCE(SUM(unanalysed), 0) AS n FROM workspace_hour_stats WHERE workspace_id = ?', a)).toBe(320);

    // Analysis moves every item from unanalysed to its class.
    const pipeline = createAnalysisPipeline({ db: store.db, analyzer: keywordAnalyzer(), batchSize: 64 });
    expect(await pipeline.drain()).toBe(320);
    expectAggregatesRight();
    expect(count('SELECT COALESCE(SUM(unanalysed), 0) AS n FROM stream_hour_stats')).toBe(0);
    expect(count("SELECT COALESCE(SUM(negative), 0) AS n FROM workspace_hour_stats WHERE workspace_id = ?", a)).toBeGreaterThan(0);

    // Switching to another workspace that finds items already analysed: they count in their class at once.
    const other = stream(b, 'search', 'bluesky', 'Helsana search');
    items.ingest(other, range(150, 250));
    expect(count('SELECT COUNT(*) AS n FROM analysis_queue')).toBe(0);
    expect(count('SELECT COALESCE(SUM(unanalysed), 0) AS n FROM workspace_hour_stats WHERE workspace_id = ?', b)).toBe(0);
    expectAggregatesRight();
    items.ingest(other, range(320, 340));
    expectAggregatesRight();
    await pipeline.drain();
    expectAggregatesRight();

    // Seen again: counts move (engagement follows everywhere the item is counted), edited text is analysed again.
    items.ingest(search, range(0, 120, (n) => ({
      counts: { replies: 10 + (n % 3), reposts: null, likes: 50 },
      text: n % 4 === 0 ? `Edited ${n}: really bad now?` : item(n).text,
    })));
    expect(count('SELECT COUNT(*) AS n FROM analysis_queue')).toBe(30);
    expectAggregatesRight();
    await pipeline.drain();
    expectAggregatesRight();

    // A new model: stale analyses are queued and move from their old class to the new one.
    const negativeBefore = count('SELECT SUM(negative) AS n FROM workspace_hour_stats');
    const flipped = createAnalysisPipeline({ db: store.db, analyzer: keywordAnalyzer('test-2', true), batchSize: 100 });
    expect(flipped.queueStale()).toBe(340);
    await flipped.drain();
    expectAggregatesRight();
    expect(count('SELECT SUM(negative) AS n FROM workspace_hour_stats')).not.toBe(negativeBefore);
    // insight.reanalyze queues the workspace's items; the same model changes nothing.
    expect(flipped.queueWorkspace(b)).toBe(120);
    await flipped.drain();
    expectAggregatesRight();

    // Removing a stream: what only it showed leaves the workspace; what another stream shows stays.
    streams.remove(hashtag);
    items.collectOrphans();
    expectAggregatesRight();
    streams.remove(search);
    expectAggregatesRight();
    expect(count('SELECT COUNT(*) AS n FROM workspace_hour_stats WHERE workspace_id = ? AND total = 0', a)).toBe(0);

    // Deleting a workspace leaves the other one's figures alone.
    const bBefore = storedAggregates(store.db).workspaceHours.filter((row) => (row as { workspace_id: string }).workspace_id === b);
    workspaces.archive(a);
    workspaces.delete(a);
    items.collectOrphans();
    expectAggregatesRight();
    expect(storedAggregates(store.db).workspaceHours).toEqual(bBefore);
    pipeline.close();
    flipped.close();
  });

  it('count an item found by two streams of one workspace once in the workspace, once per stream', () => {
    const one = stream(a, 'search', 'bluesky', 'One');
    const two = stream(a, 'search', 'bluesky', 'Two');
    items.ingest(one, [item(1)]);
    items.ingest(two, [item(1)]);
    items.ingest(two, [item(1)]);
    expect(count('SELECT SUM(total) AS n FROM stream_hour_stats')).toBe(2);
    expect(count('SELECT SUM(total) AS n FROM workspace_hour_stats')).toBe(1);
    expect(count('SELECT SUM(items) AS n FROM workspace_author_day')).toBe(1);
    expectAggregatesRight();
  });

  it('roll back with the ingest transaction they belong to', () => {
    const one = stream(a, 'search', 'bluesky', 'One');
    items.ingest(one, [item(1)]);
    const before = storedAggregates(store.db);
    expect(() =>
      store.db.transaction(() => {
        items.ingestInTransaction(one, [item(2), item(3)]);
        throw new Error('the poller failed to move its cursor');
      })(),
    ).toThrow('cursor');
    items.discardCachedAuthors();
    expect(storedAggregates(store.db)).toEqual(before);
    expect(count('SELECT COUNT(*) AS n FROM analysis_queue')).toBe(1);
    items.ingest(one, [item(2)]);
    expectAggregatesRight();
  });

  it('follow counts fetched back outside ingest (the planner’s published posts)', () => {
    const one = stream(a, 'search', 'bluesky', 'One');
    const two = stream(b, 'search', 'bluesky', 'Two');
    items.ingest(one, [item(1), item(2)]);
    items.ingest(two, [item(1)]);
    const counts = new ItemCounts(store.db);
    const id = (store.db.prepare("SELECT id FROM items WHERE remote_id = 'p1'").get() as { id: number }).id;
    expect(counts.set(id, { likes: 40, reposts: null, replies: 2 })).toBe(true);
    expect(counts.set(999_999, { likes: 1, reposts: 1, replies: 1 })).toBe(false);
    expectAggregatesRight();
    expect(store.db.prepare('SELECT likes, replies FROM items WHERE id = ?').get(id)).toEqual({ likes: 40, replies: 2 });
  });

  it('follow items stored outside streams (a thread) once a stream shows them', async () => {
    const one = stream(a, 'search', 'bluesky', 'One');
    items.upsertItems([item(5)]);
    const pipeline = createAnalysisPipeline({ db: store.db, analyzer: keywordAnalyzer() });
    await pipeline.drain();
    expectAggregatesRight();
    items.ingest(one, [item(5, { counts: { replies: 3, reposts: 3, likes: 3 } })]);
    expectAggregatesRight();
    expect(count('SELECT SUM(unanalysed) AS n FROM stream_hour_stats')).toBe(0);
    pipeline.close();
  });
});
