import type { Statement } from 'better-sqlite3';
import type { Db } from '../../store/database';
import { AggregateDeltas, AggregateWriter, type ItemClass, type ItemFacts } from './deltas';
import { ItemLinks } from './links';

/** What one ingest transaction changed, for the analysis pipeline and dashboard.changed. */
export interface IngestChange {
  workspaceIds: string[];
  /** Items put in the analysis queue (new ones, or edited ones). */
  queued: number;
}

/**
 * The item store's side of the aggregates: every new (stream, item) link counts in
 * stream_hour_stats, and once per workspace in workspace_hour_stats and workspace_author_day.
 * New items are queued for analysis and count as `unanalysed` until the pipeline has them; an
 * item another workspace already had analysed counts in its class at once. Deltas are summed
 * in memory and written by `flush` at the end of the ingest transaction.
 */
export class IngestAggregates {
  private readonly deltas = new AggregateDeltas();
  private readonly writer: AggregateWriter;
  private readonly links: ItemLinks;
  private readonly statements: Record<'workspaceOf' | 'sharedInWorkspace' | 'analysisOf' | 'enqueue', Statement>;
  /** A stream never changes workspace, and its id is never reused. */
  private readonly workspaceOfStream = new Map<string, string>();
  private readonly touched = new Set<string>();
  private queued = 0;

  constructor(db: Db) {
    this.writer = new AggregateWriter(db);
    this.links = new ItemLinks(db);
    this.statements = {
      workspaceOf: db.prepare('SELECT workspace_id FROM streams WHERE id = ?'),
      sharedInWorkspace: db.prepare(`
        SELECT 1 FROM stream_items si JOIN streams s ON s.id = si.stream_id
        WHERE si.item_id = ? AND si.stream_id <> ? AND s.workspace_id = ? LIMIT 1`),
      analysisOf: db.prepare('SELECT sentiment, inquiry FROM item_analysis WHERE item_id = ?'),
      enqueue: db.prepare('INSERT OR IGNORE INTO analysis_queue (item_id) VALUES (?)'),
    };
  }

  /** The stream's workspace, or null for a stream that does not exist (its link insert fails anyway). */
  workspaceOf(streamId: string): string | null {
    let workspaceId = this.workspaceOfStream.get(streamId);
    if (workspaceId === undefined) {
      const row = this.statements.workspaceOf.get(streamId) as { workspace_id: string } | undefined;
      if (!row) return null;
      workspaceId = row.workspace_id;
      this.workspaceOfStream.set(streamId, workspaceId);
    }
    return workspaceId;
  }

  /** The stream shows the item from now on (call after the link row was inserted). */
  linked(streamId: string, workspaceId: string, itemId: number, item: ItemFacts, created: boolean): void {
    // A brand-new item is new to every workspace and has no analysis yet: no lookups on the hot path.
    const newToWorkspace = created || this.statements.sharedInWorkspace.get(itemId, streamId, workspaceId) === undefined;
    const cls = created ? null : ((this.statements.analysisOf.get(itemId) as ItemClass | undefined) ?? null);
    this.deltas.addLink(streamId, newToWorkspace ? workspaceId : null, item, cls);
    this.touched.add(workspaceId);
  }

  /** A stored item's counts moved: every stream and workspace counting it follows. */
  engagementChanged(itemId: number, item: ItemFacts, delta: number): void {
    if (delta === 0) return;
    const { streamIds, workspaceIds } = this.links.of(itemId);
    this.deltas.engagementChanged(streamIds, workspaceIds, item, delta);
    for (const id of workspaceIds) this.touched.add(id);
  }

  /** New or edited text: the pipeline analyses it (again). */
  enqueue(itemId: number): void {
    this.queued += this.statements.enqueue.run(itemId).changes;
  }

  /** Writes what the transaction collected; call inside it, last. */
  flush(): IngestChange {
    this.writer.flush(this.deltas);
    const change = { workspaceIds: [...this.touched], queued: this.queued };
    this.touched.clear();
    this.queued = 0;
    return change;
  }

  /** The transaction failed: nothing collected may be written later. */
  discard(): void {
    this.deltas.clear();
    this.touched.clear();
    this.queued = 0;
  }
}
