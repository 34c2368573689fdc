import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, it } from 'vitest';
import { ItemStore, type IngestItem } from '../../src/main/core/items/itemStore';
import { openStore, type Store } from '../../src/main/core/store/database';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import { percentile, record, timeMs, wanted } from '../record';

const TOTAL = Number(process.env.LEITSTAND_BENCH_ITEMS ?? 1_000_000);
const BATCH = 1000;
const STREAMS = 10;

// Real words (German and English, as in social media text) plus many rarer made-up ones, drawn
// with a skewed frequency: a few words are everywhere, most are rare, as in real text.
const REAL_WORDS = (
  'filiale kunde service danke bitte warum heute morgen preis angebot lieferung problem super schlecht ' +
  'frage antwort app update konto karte zahlung rückerstattung öffnungszeiten zürich bern basel team ' +
  'great thanks order delivery refund broken love hate why when store price support help issue fixed'
).split(' ');
const SYLLABLES = ['ka', 'lo', 'mi', 'ten', 'ber', 'sch', 'ur', 'an', 'de', 'ri', 'vo', 'gel', 'tra', 'fu', 'ne'];
const VOCABULARY = [
  ...REAL_WORDS,
  ...Array.from({ length: 30_000 }, (_, i) => {
    let word = '';
    for (let x = i + 1; x > 0; x = Math.floor(x / SYLLABLES.length)) word += SYLLABLES[x % SYLLABLES.length];
    return word;
  }),
];

function makeText(seed: number): string {
  const words: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < 20; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    // A high power skews towards the first words: a few are common, most are rare.
    const r = (x / 2 ** 32) ** 4;
    words.push(VOCABULARY[Math.floor(r * VOCABULARY.length)]!);
  }
  return words.join(' ');
}

function makeItem(n: number): IngestItem {
  return {
    network: n % 3 === 0 ? 'mastodon' : n % 3 === 1 ? 'bluesky' : 'feed',
    remoteId: `item-${n}`,
    url: `https://example.org/p/${n}`,
    author: { remoteId: `author-${n % 5000}`, handle: `user${n % 5000}`, displayName: `User ${n % 5000}`, avatarUrl: null, url: null, followers: n % 1000 },
    title: null,
    text: makeText(n),
    html: null,
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    language: n % 2 ? 'de' : 'en',
    replyToRemoteId: null,
    quoteOfRemoteId: null,
    media: [],
    counts: { replies: 0, reposts: 0, likes: n % 7 },
  };
}

const STORE_FIGURES = [
  'store.ingest_items_per_s',
  'store.column_page_ms_p50',
  'store.column_page_ms_p99',
  'store.fts_search_ms_p50',
  'store.fts_search_ms_p99',
  'store.fts_search_common_term_ms_p50',
];
const LAG_FIGURE = 'core.event_loop_lag_ms_p99';

let dir: string;
let store: Store;
let items: ItemStore;
let workspaceId: string;
let streamIds: string[];

beforeAll(() => {
  if (!wanted(...STORE_FIGURES, LAG_FIGURE)) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-bench-store-'));
  store = openStore({ dataDir: dir });
  items = new ItemStore(store.db);
  workspaceId = new WorkspaceRepository(store.db).create('Bench').id;
  const streams = new StreamRepository(store.db);
  streamIds = Array.from({ length: STREAMS }, (_, i) => streams.create({ workspaceId, network: 'feed', kind: 'feed', title: `S${i}` }).id);
});

afterAll(() => {
  store?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it(`store.ingest_items_per_s, then column pages and search over ${TOTAL} items`, () => {
  if (!wanted(...STORE_FIGURES)) return;
  let n = 0;
  let ingestMs = 0;
  while (n < TOTAL) {
    const batch = Array.from({ length: Math.min(BATCH, TOTAL - n) }, (_, i) => makeItem(n + i));
    const streamId = streamIds[(n / BATCH) % STREAMS]!;
    ingestMs += timeMs(() => items.ingest(streamId, batch));
    n += batch.length;
  }
  record('store.ingest_items_per_s', TOTAL / (ingestMs / 1000), 'items/s');

  const pages: number[] = [];
  for (let i = 0; i < 300; i++) {
    const streamId = streamIds[i % STREAMS]!;
    let cursor = null;
    // First pages and pages deep in the column alike.
    for (let depth = 0; depth < (i % 5) * 20; depth++) cursor = items.page(streamId, cursor).next;
    pages.push(timeMs(() => items.page(streamId, cursor, 50)));
  }
  record('store.column_page_ms_p50', percentile(pages, 50), 'ms');
  record('store.column_page_ms_p99', percentile(pages, 99), 'ms');

  const searches: number[] = [];
  // Typical terms: neither the commonest words nor ones that hardly occur (VOCABULARY ranks 50-400).
  const terms = Array.from({ length: 16 }, (_, i) => VOCABULARY[50 + i * 22]!);
  for (let i = 0; i < 200; i++) searches.push(timeMs(() => items.search(workspaceId, terms[i % terms.length]!)));
  record('store.fts_search_ms_p50', percentile(searches, 50), 'ms');
  record('store.fts_search_ms_p99', percentile(searches, 99), 'ms');
  const common: number[] = [];
  for (let i = 0; i < 20; i++) common.push(timeMs(() => items.search(workspaceId, 'filiale')));
  record('store.fts_search_common_term_ms_p50', percentile(common, 50), 'ms');
}, 900_000);

it('core.event_loop_lag_ms_p99 while ingesting a burst of 10,000 items in batches', async () => {
  if (!wanted(LAG_FIGURE)) return;
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const offset = 5_000_000;
  for (let n = 0; n < 10_000; n += 250) {
    items.ingest(streamIds[0]!, Array.from({ length: 250 }, (_, i) => makeItem(offset + n + i)));
    // The poller hands batches over between turns of the event loop, as here.
    await new Promise((resolve) => setImmediate(resolve));
  }
  histogram.disable();
  record(LAG_FIGURE, histogram.percentile(99) / 1e6, 'ms');
}, 120_000);
