import type { Statement } from 'better-sqlite3';
import type { Db } from '../../store/database';
import { AggregateDeltas, AggregateWriter } from './deltas';
import { ItemLinks } from './links';

export interface Counts {
  likes: number | null;
  reposts: number | null;
  replies: number | null;
}

/**
 * Sets a stored item's likes, reposts and replies outside ingest (the planner fetching a published
 * post's counts back) and keeps the aggregates' engagement in step. Call inside the caller's
 * transaction; a null count keeps the stored one, as ingest does.
 */
export class ItemCounts {
  private readonly read: Statement;
  private readonly write: Statement;
  private readonly links: ItemLinks;
  private readonly writer: AggregateWriter;

  constructor(db: Db) {
    this.read = db.prepare('SELECT network, created_ms, author_id, likes, reposts, replies FROM items WHERE id = ?');
    this.write = db.prepare('UPDATE items SET likes = ?, reposts = ?, replies = ? WHERE id = ?');
    this.links = new ItemLinks(db);
    this.writer = new AggregateWriter(db);
  }

  /** Returns false for an item that is not stored. */
  set(itemId: number, counts: Counts): boolean {
    const row = this.read.get(itemId) as
      | { network: string; created_ms: number; author_id: number | null; likes: number | null; reposts: number | null; replies: number | null }
      | undefined;
    if (!row) return false;
    const likes = counts.likes ?? row.likes;
    const reposts = counts.reposts ?? row.reposts;
    const replies = counts.replies ?? row.replies;
    this.write.run(likes, reposts, replies, itemId);
    const before = (row.likes ?? 0) + (row.reposts ?? 0) + (row.replies ?? 0);
    const after = (likes ?? 0) + (reposts ?? 0) + (replies ?? 0);
    if (after !== before) {
      const { streamIds, workspaceIds } = this.links.of(itemId);
      const deltas = new AggregateDeltas();
      deltas.engagementChanged(streamIds, workspaceIds, { createdMs: row.created_ms, network: row.network, authorId: row.author_id, engagement: after }, after - before);
      this.writer.flush(deltas);
    }
    return true;
  }
}
