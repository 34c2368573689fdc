import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { influenceOf } from '../../src/main/core/insight/influence/influence';
import { ItemStore, type IngestItem } from '../../src/main/core/items/itemStore';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import type {
  PostingChart,
  ResponseChart,
  SentimentChart,
  ShareOfVoice,
  TopAuthor,
  VolumeChart,
} from '../../src/shared/contract/insight';
import { call } from '../support/core';
import { anItem } from '../support/items';
import { MemoryVault } from '../support/memoryVault';
import { tempDir } from '../support/tempDir';

// The dashboard through the core as the UI calls it, over a real SQLite file, with the real analyzer.

const HOUR = 3_600_000;
const NOW = new Date('2026-11-02T12:00:00.000Z');
const ZURICH = 'Europe/Zurich';

let core: Core;
let workspaceId: string;
let items: ItemStore;
let streams: StreamRepository;

beforeEach(async () => {
  core = createCore({ dataDir: tempDir(), appVersion: 'test', shell: 'headless', vault: new MemoryVault(), poll: false, now: () => NOW, log: () => {} });
  workspaceId = (await call<{ id: string }>(core, 'workspaces.create', { name: 'Migros' })).id;
  items = new ItemStore(core.store.db);
  streams = new StreamRepository(core.store.db);
});
afterEach(() => core.close());

function stream(kind: string, network: 'bluesky' | 'mastodon' | 'feed', title: string, role: 'column' | 'inbox' = 'column'): string {
  return streams.create({ workspaceId, network, kind, query: kind === 'mentions' ? null : 'migros', title, role }).id;
}

/** One item per UTC hour over [fromIso, toIso). */
function hourly(prefix: string, fromIso: string, toIso: string, make: (n: number) => Partial<IngestItem> = () => ({})): IngestItem[] {
  const out: IngestItem[] = [];
  for (let ms = Date.parse(fromIso), n = 0; ms < Date.parse(toIso); ms += HOUR, n++) {
    out.push({ ...anItem({ remoteId: `${prefix}-${n}` }), createdAt: new Date(ms + 5 * 60_000).toISOString(), ...make(n) });
  }
  return out;
}

const chart = <T>(method: string, range: { from: string; to: string; timeZone?: string }, extra: Record<string, unknown> = {}) =>
  call<T>(core, method, { workspaceId, range: { timeZone: ZURICH, ...range }, ...extra });

describe('dashboard: bucketing', () => {
  it('buckets by local calendar day across the spring DST change in Europe/Zurich (a 23-hour day)', async () => {
    const feed = stream('feed', 'feed', 'Blog');
    items.ingest(feed, hourly('spring', '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z'));
    const volume = await chart<VolumeChart>('dashboard.volume', { from: '2026-03-28T00:00:00+01:00', to: '2026-03-31T00:00:00+02:00' }, { bucket: 'day' });
    expect(volume.rows.map((row) => [row.start, row.total])).toEqual([
      // 28th: 23:00Z on the 27th to 23:00Z, items from 00:05Z on; 29th: 23 hours; 30th: 24 hours.
      ['2026-03-28T00:00:00.000+01:00', 23],
      ['2026-03-29T00:00:00.000+01:00', 23],
      ['2026-03-30T00:00:00.000+02:00', 24],
    ]);
    expect(volume.rows.map((row) => row.byStream[feed])).toEqual([23, 23, 24]);
    expect(volume.rows.map((row) => row.byNetwork)).toEqual([
      { bluesky: 0, mastodon: 0, feed: 23 },
      { bluesky: 0, mastodon: 0, feed: 23 },
      { bluesky: 0, mastodon: 0, feed: 24 },
    ]);
  });

  it('buckets by local day across the autumn change (a 25-hour day) and labels hours in the zone', async () => {
    const feed = stream('feed', 'feed', 'Blog');
    items.ingest(feed, hourly('autumn', '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z'));
    await core.analysis.drain();
    const day = await chart<SentimentChart>('dashboard.sentiment', { from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00' }, { bucket: 'day' });
    expect(day.rows).toHaveLength(1);
    const [only] = day.rows;
    expect(only!.start).toBe('2026-10-25T00:00:00.000+02:00');
    expect(only!.positive + only!.neutral + only!.negative).toBe(25);
    expect(only!.unanalysed).toBe(0);

    const hours = await chart<VolumeChart>('dashboard.volume', { from: '2026-10-25T00:00:00Z', to: '2026-10-25T03:00:00Z' }, { bucket: 'hour' });
    // 02:00 local happens twice: once in summer time, once in winter time.
    expect(hours.rows.map((row) => [row.start, row.total])).toEqual([
      ['2026-10-25T02:00:00.000+02:00', 1],
      ['2026-10-25T02:00:00.000+01:00', 1],
      ['2026-10-25T03:00:00.000+01:00', 1],
    ]);
    const spring = await chart<VolumeChart>('dashboard.volume', { from: '2026-03-29T00:00:00Z', to: '2026-03-29T02:00:00Z' }, { bucket: 'hour' });
    expect(spring.rows.map((row) => row.start)).toEqual(['2026-03-29T01:00:00.000+01:00', '2026-03-29T03:00:00.000+02:00']);
  });

  it('sentiment per bucket equals the stored analyses of the items in it', async () => {
    const search = stream('search', 'bluesky', 'Migros');
    const texts = ['Danke, super Service!', 'Die App ist kaputt, schlimm.', 'Wann öffnet ihr?', 'Great update, love it', 'Terrible, worst support ever'];
    items.ingest(search, hourly('s', '2026-06-01T00:00:00Z', '2026-06-03T00:00:00Z', (n) => ({ text: texts[n % texts.length]! })));
    const before = await chart<SentimentChart>('dashboard.sentiment', { from: '2026-06-01T00:00:00Z', to: '2026-06-03T00:00:00Z', timeZone: 'UTC' }, { bucket: 'day' });
    expect(before.rows.map((row) => row.unanalysed)).toEqual([24, 24]);
    await core.analysis.drain();
    const after = await chart<SentimentChart>('dashboard.sentiment', { from: '2026-06-01T00:00:00Z', to: '2026-06-03T00:00:00Z', timeZone: 'UTC' }, { bucket: 'day' });
    const direct = core.store.db
      .prepare(
        `SELECT (i.created_ms / 86400000) * 86400000 AS day, SUM(a.sentiment = 'positive') AS positive, SUM(a.sentiment = 'neutral') AS neutral,
                SUM(a.sentiment = 'negative') AS negative
         FROM items i JOIN item_analysis a ON a.item_id = i.id GROUP BY day ORDER BY day`,
      )
      .all() as Array<{ positive: number; neutral: number; negative: number }>;
    expect(after.rows.map(({ positive, neutral, negative, unanalysed }) => ({ positive, neutral, negative, unanalysed }))).toEqual(
      direct.map(({ positive, neutral, negative }) => ({ positive, neutral, negative, unanalysed: 0 })),
    );
  });

  it('empty ranges give zero-filled buckets and no figures', async () => {
    stream('search', 'bluesky', 'Migros');
    const range = { from: '2025-01-01T00:00:00+01:00', to: '2025-01-04T00:00:00+01:00' };
    const volume = await chart<VolumeChart>('dashboard.volume', range, { bucket: 'day' });
    expect(volume.rows).toHaveLength(3);
    expect(volume.rows.every((row) => row.total === 0 && Object.keys(row.byStream).length === 0)).toBe(true);
    const hours = await chart<SentimentChart>('dashboard.sentiment', range, { bucket: 'hour' });
    expect(hours.rows).toHaveLength(72);
    expect(hours.rows.every((row) => row.positive + row.neutral + row.negative + row.unanalysed === 0)).toBe(true);
    const responses = await chart<ResponseChart>('dashboard.responses', range, { bucket: 'day' });
    expect(responses.summary).toEqual({ received: 0, answered: 0, medianFirstResponseMinutes: null, p90FirstResponseMinutes: null, withinGoalShare: null });
    expect((await chart<{ authors: TopAuthor[] }>('dashboard.topAuthors', range)).authors).toEqual([]);
    expect((await chart<ShareOfVoice>('dashboard.shareOfVoice', range)).terms.map((t) => t.mentions)).toEqual([0]);
    expect((await chart<PostingChart>('dashboard.posting', range, { bucket: 'day' })).accounts).toEqual([]);
  });

  it('rejects bad parameters through the contract', async () => {
    const good = { workspaceId, range: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', timeZone: ZURICH }, bucket: 'day' };
    const bad: Array<[string, unknown]> = [
      ['dashboard.volume', { ...good, range: { ...good.range, timeZone: 'Mars/Olympus_Mons' } }],
      ['dashboard.volume', { ...good, range: { ...good.range, to: good.range.from } }],
      ['dashboard.volume', { ...good, range: { ...good.range, from: '2026-01-03T00:00:00Z' } }],
      ['dashboard.volume', { ...good, range: { ...good.range, to: '2027-03-01T00:00:00Z' } }],
      ['dashboard.volume', { ...good, range: { ...good.range, from: '1 January 2026' } }],
      ['dashboard.sentiment', { ...good, bucket: 'week' }],
      ['dashboard.responses', { ...good, extra: true }],
      ['dashboard.posting', { ...good, workspaceId: 'not-a-uuid' }],
      ['dashboard.topAuthors', { workspaceId, range: good.range, limit: 0 }],
      ['dashboard.shareOfVoice', { workspaceId }],
    ];
    for (const [method, params] of bad) {
      await expect(call(core, method, params), `${method} ${JSON.stringify(params)}`).rejects.toMatchObject({ code: 'invalid_params' });
    }
    await expect(call(core, 'dashboard.volume', { ...good, workspaceId: randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'dashboard.volume', good)).resolves.toMatchObject({ bucket: 'day' });
  });
});

describe('dashboard: charts', () => {
  it('volume by network and by stream (inbox sources included), share of voice of searches and hashtags', async () => {
    const search = stream('search', 'bluesky', 'Migros search');
    const hashtag = stream('hashtag', 'mastodon', '#migros');
    const feed = stream('feed', 'feed', 'Blog');
    const mentions = stream('mentions', 'bluesky', 'Mentions', 'inbox');
    const day = '2026-09-01T';
    items.ingest(search, hourly('b', `${day}00:00:00Z`, `${day}10:00:00Z`, () => ({ network: 'bluesky' })));
    items.ingest(hashtag, hourly('m', `${day}00:00:00Z`, `${day}04:00:00Z`, () => ({ network: 'mastodon' })));
    items.ingest(feed, hourly('f', `${day}00:00:00Z`, `${day}02:00:00Z`, () => ({ network: 'feed' })));
    // The inbox source found three of the search's posts again: once more per stream, not in the network total.
    items.ingest(mentions, hourly('b', `${day}00:00:00Z`, `${day}03:00:00Z`, () => ({ network: 'bluesky' })));
    await core.analysis.drain();
    const range = { from: `${day}00:00:00Z`, to: '2026-09-02T00:00:00Z', timeZone: 'UTC' };
    const volume = await chart<VolumeChart>('dashboard.volume', range, { bucket: 'day' });
    expect(volume.streams.map((s) => [s.title, s.kind])).toEqual([
      ['Migros search', 'search'],
      ['#migros', 'hashtag'],
      ['Blog', 'feed'],
      ['Mentions', 'mentions'],
    ]);
    expect(volume.rows).toEqual([
      { start: '2026-09-01T00:00:00.000Z', total: 16, byNetwork: { bluesky: 10, mastodon: 4, feed: 2 }, byStream: { [search]: 10, [hashtag]: 4, [feed]: 2, [mentions]: 3 } },
    ]);
    const sov = await chart<ShareOfVoice>('dashboard.shareOfVoice', range);
    const negatives = (ids: string[]) =>
      (core.store.db
        .prepare(`SELECT COUNT(*) AS n FROM stream_items si JOIN item_analysis a ON a.item_id = si.item_id WHERE a.sentiment = 'negative' AND si.stream_id IN (${ids.map(() => '?').join(',')})`)
        .get(...ids) as { n: number }).n;
    expect(sov.terms).toEqual([
      { streamId: search, title: 'Migros search', network: 'bluesky', mentions: 10, negative: negatives([search]) },
      { streamId: hashtag, title: '#migros', network: 'mastodon', mentions: 4, negative: negatives([hashtag]) },
    ]);
  });

  it('responses: median and p90 of the first response, share within the goal, and the backlog now', async () => {
    const feed = stream('feed', 'feed', 'Blog');
    items.ingest(feed, hourly('r', '2026-11-01T00:00:00Z', '2026-11-01T08:00:00Z'));
    const ids = (core.store.db.prepare('SELECT id FROM items ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
    const at = (iso: string) => Date.parse(iso);
    const min = 60_000;
    const insert = core.store.db.prepare(
      `INSERT INTO inbox_items (workspace_id, item_id, reason, status, received_ms, due_ms, first_response_ms, updated_at)
       VALUES (?, ?, 'mention', ?, ?, ?, ?, ?)`,
    );
    const rows: Array<[string, number, number | null, number | null]> = [
      // status, received, due, first response
      ['done', at('2026-11-01T08:00:00Z'), at('2026-11-01T09:00:00Z'), at('2026-11-01T08:00:00Z') + 10 * min],
      ['done', at('2026-11-01T09:00:00Z'), at('2026-11-01T09:15:00Z'), at('2026-11-01T09:00:00Z') + 20 * min],
      ['done', at('2026-11-01T10:00:00Z'), null, at('2026-11-01T10:00:00Z') + 30 * min],
      ['pending', at('2026-11-01T23:30:00Z'), at('2026-11-02T01:00:00Z'), at('2026-11-01T23:30:00Z') + 40 * min],
      ['done', at('2026-11-02T00:30:00Z'), at('2026-11-02T01:00:00Z'), at('2026-11-02T00:30:00Z') + 100 * min],
      ['open', at('2026-11-02T02:00:00Z'), at('2026-11-02T04:00:00Z'), null], // overdue at NOW
      ['open', at('2026-11-02T11:00:00Z'), at('2026-11-02T13:00:00Z'), null], // not yet due
      ['open', at('2026-10-20T11:00:00Z'), at('2026-10-20T13:00:00Z'), null], // before the range, overdue
    ];
    rows.forEach(([status, received, due, response], i) => insert.run(workspaceId, ids[i], status, received, due, response, NOW.toISOString()));
    const chartData = await chart<ResponseChart>('dashboard.responses', { from: '2026-11-01T00:00:00Z', to: '2026-11-03T00:00:00Z', timeZone: 'UTC' }, { bucket: 'day' });
    expect(chartData.backlog).toEqual({ open: 3, pending: 1, overdue: 2 });
    // Waits 10, 20, 30, 40, 100 minutes: median 30; p90 between 40 and 100 at 0.6 -> 76.
    // With a goal: 10 (in), 20 (late), 40 (in: due 90 min after), 100 (late: due 30 min after) -> 2 of 4.
    expect(chartData.summary).toEqual({ received: 7, answered: 5, medianFirstResponseMinutes: 30, p90FirstResponseMinutes: 76, withinGoalShare: 0.5 });
    expect(chartData.rows).toEqual([
      { start: '2026-11-01T00:00:00.000Z', received: 4, answered: 4, medianFirstResponseMinutes: 25, p90FirstResponseMinutes: 37 },
      { start: '2026-11-02T00:00:00.000Z', received: 3, answered: 1, medianFirstResponseMinutes: 100, p90FirstResponseMinutes: 100 },
    ]);
  });

  it('posting: published posts per account in the range with the engagement they earned', async () => {
    const insertAccount = core.store.db.prepare(
      `INSERT INTO accounts (id, workspace_id, network, handle, display_name, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'connected', ?, ?)`,
    );
    const bsky = randomUUID();
    const masto = randomUUID();
    insertAccount.run(bsky, workspaceId, 'bluesky', 'migros.ch', 'Migros', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    insertAccount.run(masto, workspaceId, 'mastodon', 'migros', null, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
    items.upsertItems([
      { ...anItem({ remoteId: 'own-1' }), network: 'bluesky', counts: { likes: 10, reposts: 2, replies: 1 } },
      { ...anItem({ remoteId: 'own-2' }), network: 'bluesky', counts: { likes: 4, reposts: null, replies: 0 } },
      { ...anItem({ remoteId: 'own-3' }), network: 'mastodon', counts: { likes: 7, reposts: 0, replies: 0 } },
      { ...anItem({ remoteId: 'own-4' }), network: 'bluesky', counts: { likes: 99, reposts: 0, replies: 0 } },
    ]);
    const itemId = (remoteId: string) => (core.store.db.prepare('SELECT id FROM items WHERE remote_id = ?').get(remoteId) as { id: number }).id;
    const insertPost = core.store.db.prepare(
      `INSERT INTO outbox (id, workspace_id, account_id, network, state, idempotency_key, body, due_ms, item_id, created_at, updated_at, published_at)
       VALUES (?, ?, ?, ?, ?, ?, 'Hallo', 0, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?)`,
    );
    const post = (account: string, network: string, state: string, item: number | null, publishedAt: string | null) =>
      insertPost.run(randomUUID(), workspaceId, account, network, state, randomUUID(), item, publishedAt);
    post(bsky, 'bluesky', 'published', itemId('own-1'), '2026-11-01T08:00:00.000Z');
    post(bsky, 'bluesky', 'published', itemId('own-2'), '2026-11-02T09:00:00.000Z');
    post(masto, 'mastodon', 'published', itemId('own-3'), '2026-11-01T23:30:00.000Z');
    post(bsky, 'bluesky', 'published', itemId('own-4'), '2026-10-01T08:00:00.000Z'); // before the range
    post(bsky, 'bluesky', 'scheduled', null, null);
    const posting = await chart<PostingChart>('dashboard.posting', { from: '2026-11-01T00:00:00+01:00', to: '2026-11-03T00:00:00+01:00' }, { bucket: 'day' });
    expect(posting.accounts).toEqual([
      { accountId: bsky, label: 'Migros (@migros.ch)', network: 'bluesky', posts: 2, engagement: 17 },
      { accountId: masto, label: '@migros', network: 'mastodon', posts: 1, engagement: 7 },
    ]);
    // 23:30Z on the 1st is the 2nd in Zurich.
    expect(posting.rows).toEqual([
      { start: '2026-11-01T00:00:00.000+01:00', byAccount: { [bsky]: { posts: 1, engagement: 13 } } },
      { start: '2026-11-02T00:00:00.000+01:00', byAccount: { [bsky]: { posts: 1, engagement: 4 }, [masto]: { posts: 1, engagement: 7 } } },
    ]);
  });

  it('top authors by influence, with the parts of the score', async () => {
    const search = stream('search', 'bluesky', 'Migros');
    const author = (remoteId: string, followers: number | null) => ({ remoteId, handle: remoteId, displayName: remoteId.toUpperCase(), avatarUrl: null, url: null, followers });
    items.ingest(search, [
      { ...anItem({ remoteId: 'star-1' }), author: author('star', 999_999), createdAt: '2026-11-01T10:00:00Z', counts: { likes: 999, reposts: 0, replies: 0 } },
      ...Array.from({ length: 9 }, (_, n) => ({
        ...anItem({ remoteId: `busy-${n}` }),
        author: author('busy', 9),
        createdAt: `2026-11-0${1 + (n % 2)}T1${n}:00:00Z`,
        counts: { likes: 9, reposts: 0, replies: 0 },
      })),
      { ...anItem({ remoteId: 'quiet-1' }), author: author('quiet', null), createdAt: '2026-11-01T10:00:00Z' },
      { ...anItem({ remoteId: 'old-1' }), author: author('old', 1_000_000), createdAt: '2026-09-01T10:00:00Z' },
    ]);
    await core.analysis.drain();
    const top = await chart<{ authors: TopAuthor[] }>('dashboard.topAuthors', { from: '2026-11-01T00:00:00Z', to: '2026-11-03T00:00:00Z' });
    expect(top.authors.map((a) => a.handle)).toEqual(['star', 'busy', 'quiet']);
    const [star, busy, quiet] = top.authors;
    // reach 1, engagement log10(1000)/3 = 1, activity log10(2)/2 = 0.1505 -> 100 * (0.5 + 0.35 + 0.0226) = 87.3
    expect(star).toMatchObject({ displayName: 'STAR', followers: 999_999, mentions: 1, engagement: 999, influence: 87.3, parts: { reach: 1, engagement: 1, activity: 0.151 } });
    // reach log10(10)/6, engagement log10(10)/3, activity log10(10)/2
    expect(busy).toMatchObject({ mentions: 9, engagement: 81, parts: { reach: 0.167, engagement: 0.333, activity: 0.5 } });
    expect(busy!.influence).toBeCloseTo(100 * (0.5 / 6 + 0.35 / 3 + 0.15 / 2), 1);
    expect(quiet).toMatchObject({ followers: null, mentions: 1, engagement: 0, parts: { reach: 0, engagement: 0 } });
    expect(top.authors.every((a) => a.negative <= a.mentions)).toBe(true);
    const limited = await chart<{ authors: TopAuthor[] }>('dashboard.topAuthors', { from: '2026-11-01T00:00:00Z', to: '2026-11-03T00:00:00Z' }, { limit: 1 });
    expect(limited.authors.map((a) => a.handle)).toEqual(['star']);
  });
});

describe('dashboard: top authors against a direct computation', () => {
  it('gives exactly the best N by influence, over a narrow and a wide range', async () => {
    const search = stream('search', 'bluesky', 'Migros');
    const batch: IngestItem[] = [];
    for (let n = 0; n < 1500; n++) {
      const who = (n * 7919) % 211;
      batch.push({
        ...anItem({ remoteId: `t-${n}` }),
        author: { remoteId: `a${who}`, handle: `h${who}`, displayName: null, avatarUrl: null, url: null, followers: who % 13 === 0 ? null : (who * 104_729) % 2_000_000 },
        createdAt: new Date(Date.UTC(2025, 0, 1) + ((n * 104_723) % 600) * 86_400_000 + n * 1000).toISOString(),
        counts: { likes: (n * 31) % 500, reposts: n % 7, replies: null },
      });
    }
    items.ingest(search, batch);
    for (const [from, to] of [
      ['2025-03-01T00:00:00Z', '2025-03-15T00:00:00Z'],
      ['2025-01-01T00:00:00Z', '2026-02-01T00:00:00Z'],
    ] as const) {
      const direct = (
        core.store.db
          .prepare(
            `SELECT a.handle, a.followers, COUNT(*) AS items, SUM(COALESCE(i.likes, 0) + COALESCE(i.reposts, 0) + COALESCE(i.replies, 0)) AS engagement
             FROM items i JOIN authors a ON a.id = i.author_id WHERE i.created_ms >= ? AND i.created_ms < ? GROUP BY a.id`,
          )
          .all(Date.parse(from), Date.parse(to)) as Array<{ handle: string; followers: number | null; items: number; engagement: number }>
      )
        .map((row) => ({ handle: row.handle, items: row.items, influence: influenceOf(row).influence }))
        .sort((x, y) => y.influence - x.influence || y.items - x.items);
      const top = await chart<{ authors: TopAuthor[] }>('dashboard.topAuthors', { from, to }, { limit: 7 });
      expect(top.authors.map((a) => a.influence)).toEqual(direct.slice(0, 7).map((d) => d.influence));
      expect(new Set(top.authors.map((a) => a.handle))).toEqual(new Set(direct.slice(0, 7).map((d) => d.handle)));
    }
  });
});

describe('influence score', () => {
  it('is 0..100, grows with each part, and caps each part at 1', () => {
    expect(influenceOf({ followers: 0, items: 0, engagement: 0 })).toEqual({ influence: 0, parts: { reach: 0, engagement: 0, activity: 0 } });
    expect(influenceOf({ followers: 1e9, items: 1e6, engagement: 1e12 }).influence).toBe(100);
    const base = influenceOf({ followers: 500, items: 3, engagement: 12 }).influence;
    expect(influenceOf({ followers: 5000, items: 3, engagement: 12 }).influence).toBeGreaterThan(base);
    expect(influenceOf({ followers: 500, items: 3, engagement: 120 }).influence).toBeGreaterThan(base);
    expect(influenceOf({ followers: 500, items: 30, engagement: 120 }).influence).toBeGreaterThan(base);
  });
});
