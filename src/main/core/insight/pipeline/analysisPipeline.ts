import type { AnalysisLanguage, InquiryType, Sentiment } from '../../../../shared/contract/analysis';
import type { Db } from '../../store/database';
import type { Analyzer } from '../analysis';
import { AggregateDeltas, AggregateWriter, type ItemClass } from '../aggregates/deltas';
import { ItemLinks } from '../aggregates/links';

export interface AnalysisPipelineDeps {
  db: Db;
  analyzer: Analyzer;
  now?: () => Date;
  log?: (message: string) => void;
  /** Called (throttled) for each workspace whose aggregates changed: the core emits dashboard.changed. */
  onDashboardChanged?: (workspaceId: string) => void;
  /** Items per batch (default 500). */
  batchSize?: number;
  /** A batch stops early after this much analysis time, so the event loop never waits long (default 60 ms). */
  batchBudgetMs?: number;
  /** Ingest starts a run this long after the last queued item (default 200 ms). */
  debounceMs?: number;
  /** dashboard.changed at most this often per workspace (default 2 s). */
  changedIntervalMs?: number;
}

export interface BatchResult {
  analysed: number;
  /** Workspaces whose aggregates this batch changed. */
  workspaceIds: string[];
}

export type AnalysedListener = (workspaceIds: readonly string[]) => void;

export interface AnalysisPipeline {
  readonly version: string;
  /** Something was queued (ingest): a run starts soon, once ingest has paused for a moment. */
  schedule(): void;
  /** Aggregates of these workspaces changed outside the pipeline (ingest); dashboard.changed follows, throttled. */
  noteChanged(workspaceIds: Iterable<string>): void;
  /** One batch, synchronously, in one transaction. */
  runBatch(): BatchResult;
  /** Batches until the queue is empty, yielding to the event loop between them. Resolves with how many were analysed. */
  drain(): Promise<number>;
  /** After each batch that changed something (H7's spike check hooks in here). Returns the unsubscribe function. */
  onAnalysed(listener: AnalysedListener): () => void;
  /** Queues every item the workspace's streams show; returns how many items that is. */
  queueWorkspace(workspaceId: string): number;
  /** Queues items analysed by another model version; returns how many were newly queued. */
  queueStale(): number;
  /** Items waiting in the queue. */
  pending(): number;
  /** Queues stale analyses and works off what a crash left in the queue. */
  start(): void;
  close(): void;
}

interface QueuedRow {
  id: number;
  title: string | null;
  text: string;
  language: string | null;
  network: string;
  created_ms: number;
  author_id: number | null;
  engagement: number;
  sentiment: Sentiment | null;
  inquiry: InquiryType | null;
}

/** The text the analysis reads: a feed entry's title says as much as its body. */
export function analysisText(title: string | null, text: string): string {
  if (!title) return text;
  if (!text || text.startsWith(title)) return text || title;
  return `${title}\n${text}`;
}

/** The item's own language tag when it is one the analysis knows (de, de-CH, en-GB ...), else German. */
export function fallbackLanguage(tag: string | null): AnalysisLanguage {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'de';
}

/**
 * The analysis pipeline: takes item ids from analysis_queue in batches, analyses them, writes
 * item_analysis and moves each item's counts from `unanalysed` (or its old class, on
 * re-analysis) to its new class in all three aggregate tables, one transaction per batch. Runs
 * off the ingest path: ingest only queues; a run starts after a short debounce and yields to the
 * event loop between batches, so polls and UI calls keep flowing.
 */
export function createAnalysisPipeline(deps: AnalysisPipelineDeps): AnalysisPipeline {
  const { db, analyzer } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((message: string) => console.error(message));
  const batchSize = deps.batchSize ?? 500;
  const budgetMs = deps.batchBudgetMs ?? 60;
  const debounceMs = deps.debounceMs ?? 200;
  const changedIntervalMs = deps.changedIntervalMs ?? 2000;

  const writer = new AggregateWriter(db);
  const links = new ItemLinks(db);
  const deltas = new AggregateDeltas();
  const statements = {
    next: db.prepare(`
      SELECT i.id, i.title, i.text, i.language, i.network, i.created_ms, i.author_id,
             COALESCE(i.likes, 0) + COALESCE(i.reposts, 0) + COALESCE(i.replies, 0) AS engagement,
             a.sentiment, a.inquiry
      FROM analysis_queue q JOIN items i ON i.id = q.item_id LEFT JOIN item_analysis a ON a.item_id = i.id
      ORDER BY q.item_id LIMIT ?`),
    save: db.prepare(`
      INSERT INTO item_analysis (item_id, language, sentiment, score, inquiry, model_version, analysed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (item_id) DO UPDATE SET language = excluded.language, sentiment = excluded.sentiment, score = excluded.score,
        inquiry = excluded.inquiry, model_version = excluded.model_version, analysed_at = excluded.analysed_at`),
    dequeue: db.prepare('DELETE FROM analysis_queue WHERE item_id = ?'),
    pending: db.prepare('SELECT COUNT(*) AS n FROM analysis_queue'),
    queueWorkspace: db.prepare(`
      INSERT OR IGNORE INTO analysis_queue (item_id)
      SELECT DISTINCT si.item_id FROM stream_items si JOIN streams s ON s.id = si.stream_id WHERE s.workspace_id = ?`),
    countWorkspace: db.prepare(`
      SELECT COUNT(DISTINCT si.item_id) AS n FROM stream_items si JOIN streams s ON s.id = si.stream_id WHERE s.workspace_id = ?`),
    queueStale: db.prepare('INSERT OR IGNORE INTO analysis_queue (item_id) SELECT item_id FROM item_analysis WHERE model_version <> ?'),
  };

  const listeners = new Set<AnalysedListener>();
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let closed = false;

  // dashboard.changed: at once for a quiet workspace, then at most every changedIntervalMs.
  const lastEmitted = new Map<string, number>();
  const waiting = new Set<string>();
  let changedTimer: ReturnType<typeof setTimeout> | null = null;

  function noteChanged(workspaceIds: Iterable<string>): void {
    if (closed || !deps.onDashboardChanged) return;
    for (const id of workspaceIds) waiting.add(id);
    emitChanged();
  }

  function emitChanged(): void {
    const at = Date.now();
    let nextDue = Infinity;
    for (const id of waiting) {
      const due = (lastEmitted.get(id) ?? -Infinity) + changedIntervalMs;
      if (due <= at) {
        waiting.delete(id);
        lastEmitted.set(id, at);
        deps.onDashboardChanged?.(id);
      } else {
        nextDue = Math.min(nextDue, due);
      }
    }
    if (waiting.size > 0 && changedTimer === null) {
      changedTimer = setTimeout(() => {
        changedTimer = null;
        emitChanged();
      }, nextDue - at);
      changedTimer.unref?.();
    }
  }

  function runBatch(): BatchResult {
    const analysedAt = now().toISOString();
    const touched = new Set<string>();
    const analysed = db.transaction(() => {
      const rows = statements.next.all(batchSize) as QueuedRow[];
      const started = performance.now();
      let done = 0;
      for (const row of rows) {
        if (done > 0 && performance.now() - started > budgetMs) break;
        statements.dequeue.run(row.id);
        done++;
        let result;
        try {
          result = analyzer.analyze(analysisText(row.title, row.text), fallbackLanguage(row.language));
        } catch (error) {
          // One text the analyzer chokes on must not stop every item behind it: it stays unanalysed.
          log(`[insight] item ${row.id} could not be analysed: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        statements.save.run(row.id, result.language, result.sentiment, result.score, result.inquiry, result.modelVersion, analysedAt);
        const from: ItemClass = row.sentiment === null || row.inquiry === null ? null : { sentiment: row.sentiment, inquiry: row.inquiry };
        const to: ItemClass = { sentiment: result.sentiment, inquiry: result.inquiry };
        if (from === null || from.sentiment !== to.sentiment || from.inquiry !== to.inquiry) {
          const { streamIds, workspaceIds } = links.of(row.id);
          const facts = { createdMs: row.created_ms, network: row.network, authorId: row.author_id, engagement: row.engagement };
          deltas.reclassify(streamIds, workspaceIds, facts, from, to);
          for (const id of workspaceIds) touched.add(id);
        }
      }
      writer.flush(deltas);
      return done;
    });
    try {
      const count = analysed();
      return { analysed: count, workspaceIds: [...touched] };
    } catch (error) {
      deltas.clear();
      throw error;
    }
  }

  function afterBatch(result: BatchResult): void {
    if (result.workspaceIds.length === 0) return;
    noteChanged(result.workspaceIds);
    for (const listener of listeners) {
      try {
        listener(result.workspaceIds);
      } catch (error) {
        log(`[insight] a listener after analysis failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  async function drainLoop(): Promise<number> {
    let total = 0;
    do {
      again = false;
      while (!closed) {
        const result = runBatch();
        total += result.analysed;
        afterBatch(result);
        if (result.analysed === 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } while (again && !closed);
    return total;
  }

  function drain(): Promise<number> {
    if (running) {
      // Items queued while a run is on its last batch are picked up by the same run.
      again = true;
      return running;
    }
    running = drainLoop()
      .catch((error: unknown) => {
        log(`[insight] analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function queueStale(): number {
    const queued = statements.queueStale.run(analyzer.version).changes;
    if (queued > 0) schedule();
    return queued;
  }

  function schedule(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    // Not reset by later calls: steady ingest must not postpone analysis for ever.
    if (debounce !== null) return;
    debounce = setTimeout(() => {
      debounce = null;
      void drain();
    }, debounceMs);
    debounce.unref?.();
  }

  return {
    version: analyzer.version,
    schedule,
    noteChanged,
    runBatch,
    drain,
    onAnalysed(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    queueWorkspace(workspaceId) {
      statements.queueWorkspace.run(workspaceId);
      schedule();
      return (statements.countWorkspace.get(workspaceId) as { n: number }).n;
    },
    queueStale,
    pending: () => (statements.pending.get() as { n: number }).n,
    start() {
      if (closed) return;
      // After the first turn of the event loop: a million stale rows must not delay the window.
      setImmediate(() => {
        if (closed) return;
        queueStale();
        if ((statements.pending.get() as { n: number }).n > 0) schedule();
      });
    },
    close() {
      closed = true;
      if (debounce !== null) clearTimeout(debounce);
      if (changedTimer !== null) clearTimeout(changedTimer);
      debounce = changedTimer = null;
      listeners.clear();
    },
  };
}
