import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { createAnalyzer } from '../../src/main/core/insight/analysis';
import { createAnalysisPipeline, fallbackLanguage, type AnalysisPipeline } from '../../src/main/core/insight/pipeline';
import { ItemStore, type IngestItem } from '../../src/main/core/items/itemStore';
import { openStore, type Store } from '../../src/main/core/store/database';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import { call, nextEvent } from '../support/core';
import { anItem } from '../support/items';
import { MemoryVault } from '../support/memoryVault';
import { tempDir } from '../support/tempDir';
import { expectedAggregates, keywordAnalyzer, storedAggregates } from './aggregatesReference';

// Batching, yielding, hooks and crash recovery use the deterministic keyword analyzer of
// aggregatesReference.ts (they test the pipeline, not the analysis); "with the real analyzer"
// below runs H5's.

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
});

function setUp(dataDir = tempDir()) {
  const store = openStore({ dataDir });
  closers.push(() => store.close());
  const workspaces = new WorkspaceRepository(store.db);
  const streams = new StreamRepository(store.db);
  const workspaceId = workspaces.create(`W${Math.random()}`).id;
  const streamId = streams.create({ workspaceId, network: 'bluesky', kind: 'search', query: 'migros', title: 'Migros' }).id;
  return { store, dataDir, items: new ItemStore(store.db), workspaceId, streamId, streams, workspaces };
}

function pipelineFor(store: Store, options: Partial<Parameters<typeof createAnalysisPipeline>[0]> = {}): AnalysisPipeline {
  const pipeline = createAnalysisPipeline({ db: store.db, analyzer: keywordAnalyzer(), log: () => {}, ...options });
  closers.push(() => pipeline.close());
  return pipeline;
}

const many = (count: number, make: (n: number) => Partial<IngestItem> = () => ({})): IngestItem[] =>
  Array.from({ length: count }, (_, n) => ({ ...anItem({ remoteId: `p${n}` }), createdAt: new Date(Date.UTC(2026, 4, 1) + n * 60_000).toISOString(), ...make(n) }));

const pending = (store: Store) => (store.db.prepare('SELECT COUNT(*) AS n FROM analysis_queue').get() as { n: number }).n;

describe('analysis pipeline', () => {
  it('works the queue off in batches, one transaction each, and tells the listeners which workspaces changed', () => {
    const { store, items, workspaceId, streamId } = setUp();
    items.ingest(streamId, many(120));
    const pipeline = pipelineFor(store, { batchSize: 50 });
    const heard: string[][] = [];
    pipeline.onAnalysed((ids) => heard.push([...ids]));
    expect(pipeline.pending()).toBe(120);
    expect([pipeline.runBatch().analysed, pipeline.runBatch().analysed, pipeline.runBatch().analysed, pipeline.runBatch().analysed]).toEqual([
      50, 50, 20, 0,
    ]);
    expect(pipeline.pending()).toBe(0);
    // runBatch itself does not call listeners; drain does (see the next test).
    expect(heard).toEqual([]);
    expect(storedAggregates(store.db)).toEqual(expectedAggregates(store.db));
    expect(workspaceId).toBeTruthy();
  });

  it('yields to the event loop between batches and calls onAnalysed after each', async () => {
    const { store, items, workspaceId, streamId } = setUp();
    items.ingest(streamId, many(300));
    const pipeline = pipelineFor(store, { batchSize: 40 });
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: Array<{ ticks: number; ids: readonly string[] }> = [];
    pipeline.onAnalysed((ids) => seen.push({ ticks, ids }));
    expect(await pipeline.drain()).toBe(300);
    ticking = false;
    expect(seen).toHaveLength(8);
    expect(seen.every((batch) => batch.ids.length === 1 && batch.ids[0] === workspaceId)).toBe(true);
    // The other callbacks of the event loop ran between every two batches.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.ticks).toBeGreaterThan(seen[i - 1]!.ticks);
  });

  it('stops a batch early when analysis takes longer than its budget', () => {
    const { store, items, streamId } = setUp();
    items.ingest(streamId, many(30));
    const slow = keywordAnalyzer();
    const analyze = slow.analyze.bind(slow);
    const pipeline = pipelineFor(store, {
      batchSize: 500,
      batchBudgetMs: 5,
      analyzer: {
        version: slow.version,
        analyze: (text, fallback) => {
          const until = performance.now() + 2;
          while (performance.now() < until) {
            // a slow model
          }
          return analyze(text, fallback);
        },
      },
    });
    const first = pipeline.runBatch().analysed;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(30);
    expect(pipeline.pending()).toBe(30 - first);
  });

  it('passes the item’s own language (de*, en*) as the fallback, else German', async () => {
    const { store, items, streamId } = setUp();
    const tags = ['de-CH', 'en-GB', 'fr', null, 'EN', 'de'];
    items.ingest(streamId, many(tags.length, (n) => ({ language: tags[n]! })));
    const analyzer = keywordAnalyzer();
    await pipelineFor(store, { analyzer }).drain();
    expect(analyzer.fallbacks).toEqual(['de', 'en', 'de', 'de', 'en', 'de']);
    expect(['de-AT', 'en_US', 'it', null].map(fallbackLanguage)).toEqual(['de', 'en', 'de', 'de']);
  });

  it('skips an item the analyzer throws on, and analyses the rest', async () => {
    const { store, items, streamId } = setUp();
    items.ingest(streamId, many(5, (n) => ({ text: n === 2 ? 'poison' : `fine ${n}` })));
    const base = keywordAnalyzer();
    const logged: string[] = [];
    const pipeline = pipelineFor(store, {
      log: (message) => logged.push(message),
      analyzer: {
        version: base.version,
        analyze: (text, fallback) => {
          if (text === 'poison') throw new Error('cannot read this');
          return base.analyze(text, fallback);
        },
      },
    });
    await pipeline.drain();
    expect(pending(store)).toBe(0);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM item_analysis').get() as { n: number }).n).toBe(4);
    expect(logged.join('\n')).toContain('cannot read this');
    expect(storedAggregates(store.db)).toEqual(expectedAggregates(store.db));
  });

  it('sends dashboard changes per workspace at most once per interval', async () => {
    const { store } = setUp();
    const sent: string[] = [];
    const pipeline = pipelineFor(store, { changedIntervalMs: 150, onDashboardChanged: (id) => sent.push(id) });
    pipeline.noteChanged(['w1']);
    pipeline.noteChanged(['w1', 'w2']);
    pipeline.noteChanged(['w1']);
    expect(sent).toEqual(['w1', 'w2']);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(sent).toEqual(['w1', 'w2', 'w1']);
  });

  it('with the real analyzer: stores each item’s analysis and its model version, and the aggregates follow', async () => {
    const { store, items, streamId } = setUp();
    const texts = [
      'Danke für den super Service in der Filiale Bern!',
      'Wann habt ihr am Samstag geöffnet?',
      'Die App ist schon wieder kaputt, total ärgerlich.',
      'Thanks a lot, the new update is great!',
      'Why is my order still not delivered?',
      'Worst support ever, I want a refund.',
      '👍',
    ];
    items.ingest(streamId, many(texts.length, (n) => ({ text: texts[n]!, language: null })));
    const analyzer = createAnalyzer();
    const pipeline = createAnalysisPipeline({ db: store.db, analyzer });
    closers.push(() => pipeline.close());
    await pipeline.drain();
    const rows = store.db
      .prepare('SELECT i.text, a.sentiment, a.inquiry, a.language, a.model_version FROM item_analysis a JOIN items i ON i.id = a.item_id ORDER BY i.id')
      .all() as Array<{ text: string; sentiment: string; inquiry: string; language: string | null; model_version: string }>;
    expect(rows).toHaveLength(texts.length);
    for (const row of rows) {
      const direct = analyzer.analyze(row.text, 'de');
      expect(row).toEqual({ text: row.text, sentiment: direct.sentiment, inquiry: direct.inquiry, language: direct.language, model_version: analyzer.version });
    }
    expect(storedAggregates(store.db)).toEqual(expectedAggregates(store.db));
    // Columns, search and threads read the analysis with the item.
    const page = items.page(streamId, null, 50);
    expect(page.items).toHaveLength(texts.length);
    for (const item of page.items) {
      const direct = analyzer.analyze(item.text, 'de');
      expect(item.analysis).toEqual({ language: direct.language, sentiment: direct.sentiment, score: expect.closeTo(direct.score, 9), inquiry: direct.inquiry, modelVersion: analyzer.version });
    }
  });

  it('an item waiting for its analysis reads without one', () => {
    const { items, streamId } = setUp();
    items.ingest(streamId, many(1));
    expect(items.page(streamId, null, 10).items.map((item) => item.analysis)).toEqual([null]);
  });
});

describe('analysis pipeline in the core', () => {
  it('after a crash, analyses what was left in the queue and what an older model analysed, then says so', async () => {
    const dataDir = tempDir();
    {
      const { store, items, streamId } = setUp(dataDir);
      items.ingest(streamId, many(40));
      // An older model analysed ten of them before.
      const old = createAnalysisPipeline({ db: store.db, analyzer: keywordAnalyzer('an-old-model'), batchSize: 10 });
      old.runBatch();
      old.close();
      store.close();
      closers.splice(0);
    }
    expect(queuedIn(dataDir)).toBe(30);

    const core: Core = createCore({ dataDir, appVersion: 'test', shell: 'headless', vault: new MemoryVault(), poll: false, log: () => {} });
    closers.push(() => core.close());
    const changed = nextEvent(core, 'dashboard.changed', () => true, 10_000);
    await changed;
    await core.analysis.drain();
    const status = await call<{ modelVersion: string; pending: number }>(core, 'insight.status', {});
    expect(status).toEqual({ modelVersion: createAnalyzer().version, pending: 0 });
    const versions = core.store.db.prepare('SELECT model_version, COUNT(*) AS n FROM item_analysis GROUP BY model_version').all();
    expect(versions).toEqual([{ model_version: createAnalyzer().version, n: 40 }]);
    expect(storedAggregates(core.store.db)).toEqual(expectedAggregates(core.store.db));
  });

  it('insight.reanalyze queues the workspace’s items; insight.analyzeText analyses without storing', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, appVersion: 'test', shell: 'headless', vault: new MemoryVault(), poll: false, log: () => {} });
    closers.push(() => core.close());
    const workspace = await call<{ id: string }>(core, 'workspaces.create', { name: 'Migros' });
    const streamId = new StreamRepository(core.store.db).create({ workspaceId: workspace.id, network: 'feed', kind: 'feed', query: 'https://example.org/feed', title: 'Blog' }).id;
    new ItemStore(core.store.db).ingest(streamId, many(25));
    await core.analysis.drain();
    expect(await call(core, 'insight.reanalyze', { workspaceId: workspace.id })).toEqual({ queued: 25 });
    expect((await call<{ pending: number }>(core, 'insight.status', {})).pending).toBe(25);
    await core.analysis.drain();
    expect((await call<{ pending: number }>(core, 'insight.status', {})).pending).toBe(0);

    const before = core.store.db.prepare('SELECT COUNT(*) AS n FROM item_analysis').get();
    const result = await call<{ sentiment: string; modelVersion: string }>(core, 'insight.analyzeText', { workspaceId: workspace.id, text: 'Warum ist die Filiale heute zu?' });
    expect(result).toEqual(createAnalyzer().analyze('Warum ist die Filiale heute zu?', 'de'));
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM item_analysis').get()).toEqual(before);
    await expect(call(core, 'insight.analyzeText', { workspaceId: workspace.id, text: 'x'.repeat(5001) })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(call(core, 'insight.reanalyze', { workspaceId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

/** The queue's length in a database no core has open. */
function queuedIn(dataDir: string): number {
  const store = openStore({ dataDir });
  try {
    return pending(store);
  } finally {
    store.close();
  }
}
