import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { createAnalyzer } from '../../src/main/core/insight/analysis';
import { createAnalysisPipeline } from '../../src/main/core/insight/pipeline';
import { ItemStore, type IngestItem } from '../../src/main/core/items/itemStore';
import { openStore } from '../../src/main/core/store/database';
import { MIGRATIONS } from '../../src/main/core/store/migrations';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import type { Vault } from '../../src/main/core/vault/vault';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { Network } from '../../src/shared/contract/items';
import { percentile, record, timeMsAsync, wanted } from '../record';

// Every dashboard chart over a store of 1,000,000 items spread over a year (one workspace, eight
// streams, 50,000 authors, 50,000 inbox items, 3,000 published posts), seeded through the item
// store's ingest and analysed by the real analyzer through the pipeline, as the app does.
// The seeded store is cached under bench/.cache (keyed by the schema, this file, the ingest and
// pipeline code and the model version); LEITSTAND_BENCH_DASHBOARD_ITEMS makes a smaller one.

const ITEMS = Number(process.env.LEITSTAND_BENCH_DASHBOARD_ITEMS ?? 1_000_000);
const AUTHORS = 50_000;
const INBOX_ITEMS = Math.min(50_000, Math.floor(ITEMS / 20));
const POSTS = 3_000;
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 1);
const START = END - 365 * DAY;
const CHUNK = 20_000;
const RUNS = 7;

const CHART_FIGURE = 'dashboard.chart_ms_max';
const PIPELINE_FIGURE = 'insight.pipeline_items_per_s';
const CACHE_ROOT = path.resolve(__dirname, '..', '.cache');
const DB_FILE = 'leitstand.sqlite';

const log = (message: string) => process.stdout.write(`dashboard: ${message}\n`);
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) cleanup();
});

const noVault: Vault = {
  status: async () => ({ available: false, reason: 'No keychain in the benchmark.' }),
  set: async () => {},
  get: async () => null,
  delete: async () => false,
  list: async () => [],
};

const STREAMS: Array<{ network: Network; kind: string; title: string; role?: 'inbox' }> = [
  { network: 'bluesky', kind: 'search', title: 'Migros' },
  { network: 'bluesky', kind: 'search', title: 'Coop' },
  { network: 'bluesky', kind: 'search', title: 'Denner' },
  { network: 'mastodon', kind: 'hashtag', title: '#migros' },
  { network: 'mastodon', kind: 'hashtag', title: '#coop' },
  { network: 'feed', kind: 'feed', title: 'Blog' },
  { network: 'feed', kind: 'feed', title: 'News' },
  { network: 'bluesky', kind: 'mentions', title: 'Mentions', role: 'inbox' },
];

// Social media sentences in German and English with every class and inquiry type in them.
const SENTENCES = [
  'Danke für den super Service in der Filiale Bern!',
  'Die App stürzt schon wieder ab, total ärgerlich.',
  'Wann habt ihr am Samstag geöffnet?',
  'Neue Aktion ab Montag: alles für den Grill.',
  'Ich warte seit zwei Wochen auf meine Rückerstattung, so schlecht.',
  'Great support, thanks a lot!',
  'Why is my order still not delivered?',
  'Worst checkout experience ever, never again.',
  'The new store in Zurich opens next week.',
  'Love the new vegan range 😍',
  'Kann mir jemand sagen, ob das Angebot auch online gilt?',
  'Nicht schlecht, aber die Preise sind gestiegen.',
];

function hash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

function makeItem(n: number): IngestItem {
  const author = Math.floor(AUTHORS * hash(n * 3 + 1) ** 3); // a few write a lot, most rarely
  const stream = STREAMS[n % STREAMS.length]!;
  return {
    network: stream.network,
    remoteId: `d-${n}`,
    url: `https://example.org/d/${n}`,
    author: { remoteId: `author-${author}`, handle: `user${author}`, displayName: `User ${author}`, avatarUrl: null, url: null, followers: Math.floor(10 ** (hash(author) * 6)) },
    title: null,
    text: `${SENTENCES[Math.floor(hash(n * 3 + 2) * SENTENCES.length)]} #${stream.title.replace('#', '').toLowerCase()} ${n % 97}`,
    html: null,
    createdAt: new Date(START + Math.floor((n / ITEMS) * 365 * DAY)).toISOString(),
    language: n % 3 === 0 ? 'en' : 'de',
    replyToRemoteId: null,
    quoteOfRemoteId: null,
    media: [],
    counts: { replies: n % 4, reposts: n % 3, likes: Math.floor(hash(n) * 40) },
  };
}

interface Seed {
  workspaceId: string;
  seedMs: number;
  ingestItemsPerS: number;
  pipelineItemsPerS: number;
}

function fingerprint(): string {
  const sources = [
    __filename,
    ...['items/itemStore.ts', 'insight/pipeline/analysisPipeline.ts', 'insight/aggregates/deltas.ts', 'insight/aggregates/ingestAggregates.ts'].map((file) =>
      path.resolve(__dirname, '../../src/main/core', file),
    ),
  ];
  const h = createHash('sha256').update(MIGRATIONS.map((m) => m.sql).join('\n')).update(createAnalyzer().version);
  for (const file of sources) h.update(fs.readFileSync(file));
  return h.digest('hex').slice(0, 12);
}

function seed(dir: string): Seed {
  const started = performance.now();
  const store = openStore({ dataDir: dir });
  try {
    store.db.pragma('journal_mode = OFF');
    store.db.pragma('synchronous = OFF');
    store.db.pragma('cache_size = -1048576');
    const workspaceId = new WorkspaceRepository(store.db).create('Bench').id;
    const streams = new StreamRepository(store.db);
    const streamIds = STREAMS.map((s) => streams.create({ workspaceId, network: s.network, kind: s.kind, query: s.kind === 'mentions' ? null : s.title, title: s.title, role: s.role }).id);
    const items = new ItemStore(store.db);

    // Ingest in big transactions; every tenth item is found by a second stream too.
    const ingestStarted = performance.now();
    for (let from = 0; from < ITEMS; from += CHUNK) {
      const byStream = streamIds.map(() => [] as IngestItem[]);
      for (let n = from; n < Math.min(ITEMS, from + CHUNK); n++) {
        const item = makeItem(n);
        byStream[n % STREAMS.length]!.push(item);
        if (n % 10 === 0) byStream[(n + 1) % STREAMS.length]!.push(item);
      }
      store.db.transaction(() => byStream.forEach((batch, i) => items.ingestInTransaction(streamIds[i]!, batch)))();
    }
    const ingestItemsPerS = ITEMS / ((performance.now() - ingestStarted) / 1000);
    log(`ingested ${ITEMS} items at ${Math.round(ingestItemsPerS)} items/s`);

    // Queue to aggregates with the real analyzer and the pipeline's own batches.
    const pipeline = createAnalysisPipeline({ db: store.db, analyzer: createAnalyzer(), log });
    const pipelineStarted = performance.now();
    let analysed = 0;
    for (let batch = pipeline.runBatch(); batch.analysed > 0; batch = pipeline.runBatch()) analysed += batch.analysed;
    const pipelineItemsPerS = analysed / ((performance.now() - pipelineStarted) / 1000);
    pipeline.close();
    log(`analysed ${analysed} items at ${Math.round(pipelineItemsPerS)} items/s`);

    seedInboxAndOutbox(store.db, workspaceId);
    store.db.pragma('journal_mode = WAL');
    return { workspaceId, seedMs: performance.now() - started, ingestItemsPerS, pipelineItemsPerS };
  } finally {
    store.close();
  }
}

function seedInboxAndOutbox(db: ReturnType<typeof openStore>['db'], workspaceId: string): void {
  const stamp = new Date(END).toISOString();
  const accounts = ['migros.ch', 'migros@mastodon.social', 'migros-news'].map((handle, i) => {
    const id = randomUUID();
    db.prepare(`INSERT INTO accounts (id, workspace_id, network, handle, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'connected', ?, ?)`).run(
      id,
      workspaceId,
      i === 1 ? 'mastodon' : 'bluesky',
      handle,
      stamp,
      stamp,
    );
    return { id, network: i === 1 ? 'mastodon' : 'bluesky' };
  });
  db.transaction(() => {
    const inbox = db.prepare(`
      INSERT INTO inbox_items (workspace_id, item_id, reason, status, received_ms, due_ms, first_response_ms, updated_at)
      VALUES (?, ?, 'mention', ?, ?, ?, ?, ?)`);
    const step = Math.max(1, Math.floor(ITEMS / INBOX_ITEMS));
    for (let k = 0; k < INBOX_ITEMS; k++) {
      const itemId = k * step + 1;
      const received = START + Math.floor((k / INBOX_ITEMS) * 365 * DAY);
      const answered = hash(k) < 0.85;
      const status = answered ? 'done' : hash(k + 7) < 0.5 ? 'open' : 'pending';
      inbox.run(workspaceId, itemId, status, received, received + 2 * 3_600_000, answered ? received + Math.floor(hash(k + 3) * 6 * 3_600_000) : null, stamp);
    }
    const post = db.prepare(`
      INSERT INTO outbox (id, workspace_id, account_id, network, state, idempotency_key, body, due_ms, item_id, created_at, updated_at, published_at)
      VALUES (?, ?, ?, ?, 'published', ?, 'Hallo', ?, ?, ?, ?, ?)`);
    for (let k = 0; k < POSTS; k++) {
      const account = accounts[k % accounts.length]!;
      const at = START + Math.floor((k / POSTS) * 365 * DAY);
      post.run(randomUUID(), workspaceId, account.id, account.network, randomUUID(), at, (k * 331) % ITEMS + 1, stamp, stamp, new Date(at).toISOString());
    }
  })();
}

function seededDataDir(dataDir: string): Seed {
  const cached = path.join(CACHE_ROOT, `dashboard-${ITEMS}-${fingerprint()}`);
  const meta = path.join(cached, 'seed.json');
  if (!fs.existsSync(meta)) {
    for (const old of fs.existsSync(CACHE_ROOT) ? fs.readdirSync(CACHE_ROOT) : []) {
      if (old.startsWith('dashboard-')) fs.rmSync(path.join(CACHE_ROOT, old), { recursive: true, force: true });
    }
    fs.mkdirSync(cached, { recursive: true });
    fs.writeFileSync(path.join(CACHE_ROOT, '.gitignore'), '*\n');
    log(`seeding ${ITEMS} items into ${cached}`);
    fs.writeFileSync(meta, `${JSON.stringify(seed(cached), null, 2)}\n`);
  }
  fs.copyFileSync(path.join(cached, DB_FILE), path.join(dataDir, DB_FILE));
  return JSON.parse(fs.readFileSync(meta, 'utf8')) as Seed;
}

async function call(core: Core, method: string, params: unknown): Promise<unknown> {
  const outcome = await core.dispatcher.call(method, params);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result;
}

it(`${CHART_FIGURE} and ${PIPELINE_FIGURE} over ${ITEMS} items`, async () => {
  if (!wanted(CHART_FIGURE, PIPELINE_FIGURE)) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-bench-dashboard-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const seeded = seededDataDir(dataDir);
  // Measured when the cached store was seeded (queue to aggregates for every item, real analyzer).
  record(PIPELINE_FIGURE, seeded.pipelineItemsPerS, 'items/s');

  const core = createCore({ dataDir, appVersion: 'bench', shell: 'headless', poll: false, vault: noVault, log: () => {}, now: () => new Date(END) });
  cleanups.push(() => core.close());
  const { workspaceId } = seeded;
  const ranges = {
    '30 days': { from: new Date(END - 30 * DAY).toISOString(), to: new Date(END).toISOString(), timeZone: 'Europe/Zurich' },
    year: { from: new Date(END - 365 * DAY).toISOString(), to: new Date(END).toISOString(), timeZone: 'Europe/Zurich' },
  };
  const charts: Array<[string, (range: unknown) => unknown]> = [
    ['dashboard.volume', (range) => ({ workspaceId, range, bucket: 'day' })],
    ['dashboard.sentiment', (range) => ({ workspaceId, range, bucket: 'day' })],
    ['dashboard.shareOfVoice', (range) => ({ workspaceId, range })],
    ['dashboard.responses', (range) => ({ workspaceId, range, bucket: 'day' })],
    ['dashboard.posting', (range) => ({ workspaceId, range, bucket: 'day' })],
    ['dashboard.topAuthors', (range) => ({ workspaceId, range, limit: 20 })],
  ];
  const volume = (await call(core, 'dashboard.volume', charts[0]![1](ranges.year))) as { rows: Array<{ total: number }> };
  const total = volume.rows.reduce((sum, row) => sum + row.total, 0);
  if (total !== ITEMS) throw new Error(`the year's volume is ${total}, expected ${ITEMS}`);

  let max = 0;
  for (const [label, range] of Object.entries(ranges)) {
    for (const [method, params] of charts) {
      await call(core, method, params(range)); // warm
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await timeMsAsync(() => call(core, method, params(range))));
      const median = percentile(samples, 50);
      max = Math.max(max, median);
      log(`${method} over ${label}: median ${median.toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`);
    }
  }
  record(CHART_FIGURE, max, 'ms');
}, 3_600_000);
