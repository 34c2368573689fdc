import type { HistoryEntry, InboxStatus } from '../../../shared/contract/inbox';
import type { PageCursor } from '../../../shared/contract/items';
import type { ItemStore } from '../items/itemStore';
import type { Db } from '../store/database';
import { IN_WORKSPACE, JOIN_INBOX } from './workspaceItems';

interface EntryRow {
  id: number;
  createdMs: number;
  inboxId: number | null;
  inboxStatus: InboxStatus | null;
}

interface Candidate extends EntryRow {
  direction: 'in' | 'out';
}

export interface HistoryPage {
  entries: HistoryEntry[];
  next: PageCursor | null;
}

/** Before every item: the first page's cursor. */
const START: PageCursor = { createdMs: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };

/**
 * A person's history in a workspace: what each of their identities wrote that the workspace has
 * (in), and the replies the workspace published to those posts (out), newest first.
 *
 * Speed: each identity is one walk down items_by_author (author_id, created_ms, and the rowid
 * that every index ends with) from the cursor, newest first, stopping after a page; the
 * workspace test per item is two index probes. Identities are merged here, in JavaScript, rather
 * than with `author_id IN (...)`, which would make SQLite collect and sort every item of every
 * identity before the first row (a busy author has thousands). What we sent is found through an
 * index on outbox(reply_to_item) where the schema has it, else from the workspace's published
 * outbox entries (fine for hundreds of replies, slow for tens of thousands).
 * test/contacts/contactHistory.test.ts checks the query plans.
 */
export class ContactHistory {
  private readonly s: ReturnType<typeof prepare>;

  constructor(
    db: Db,
    private readonly items: ItemStore,
  ) {
    this.s = prepare(db);
  }

  page(workspaceId: string, authorIds: readonly number[], after: PageCursor | null, limit: number): HistoryPage {
    const from = after ?? START;
    const params = { workspaceId, beforeMs: from.createdMs, beforeId: from.id, limit: limit + 1 };
    const candidates: Candidate[] = [];
    for (const authorId of authorIds) {
      for (const row of this.s.incoming.all({ ...params, authorId }) as EntryRow[]) candidates.push({ ...row, direction: 'in' });
    }
    for (const authorId of authorIds) {
      for (const row of this.s.outgoing.all({ ...params, authorId }) as EntryRow[]) candidates.push({ ...row, direction: 'out' });
    }

    // Each source gave its newest limit+1 after the cursor, so the newest limit+1 of all of them are here.
    const seen = new Set<number>();
    const merged = candidates
      .sort((a, b) => b.createdMs - a.createdMs || b.id - a.id)
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .slice(0, limit + 1);
    const pageRows = merged.slice(0, limit);
    const stored = new Map(this.items.forWorkspace(workspaceId, pageRows.map((c) => c.id)).map((item) => [item.id, item]));
    const entries: HistoryEntry[] = [];
    for (const row of pageRows) {
      const item = stored.get(row.id);
      if (!item) continue;
      entries.push({ direction: row.direction, item, inboxItemId: row.inboxId, inboxStatus: row.inboxStatus });
    }
    const last = pageRows[pageRows.length - 1];
    return { entries, next: merged.length > limit && last ? { createdMs: last.createdMs, id: last.id } : null };
  }

  /** How many items of these authors the workspace has, and when the first of them came in. */
  stats(workspaceId: string, authorIds: readonly number[]): { itemCount: number; firstSeenAt: string | null } {
    let itemCount = 0;
    let firstSeenAt: string | null = null;
    for (const authorId of authorIds) {
      const row = this.s.stats.get({ workspaceId, authorId }) as { n: number; first: string | null };
      itemCount += row.n;
      if (row.first !== null && (firstSeenAt === null || row.first < firstSeenAt)) firstSeenAt = row.first;
    }
    return { itemCount, firstSeenAt };
  }
}

// The keyset condition is spelled out, not as a row value: "created_ms <= ?" is a range on the
// index, and the index's rowid column settles ties in order.
const BEFORE_CURSOR = 'i.created_ms <= @beforeMs AND (i.created_ms < @beforeMs OR i.id < @beforeId)';

/** The index on outbox(reply_to_item) (migration 6) that finds what we sent from the author's items. */
export const REPLY_TO_INDEX = 'outbox_by_reply_to';

/** The history's SQL, exported so that a test can check its query plans. */
export const HISTORY_SQL = {
  incoming: `
    SELECT i.id AS id, i.created_ms AS createdMs, ii.id AS inboxId, ii.status AS inboxStatus
    FROM items i ${JOIN_INBOX}
    WHERE i.author_id = @authorId AND ${BEFORE_CURSOR} AND ${IN_WORKSPACE}
    ORDER BY i.created_ms DESC, i.id DESC
    LIMIT @limit`,
  /**
   * What we sent them, found from the author's items through the index on outbox(reply_to_item):
   * a probe per item of theirs instead of a walk over every reply the workspace ever sent. The
   * order is forced because SQLite, without statistics for that index, prefers the walk.
   */
  outgoing: `
    SELECT i.id AS id, i.created_ms AS createdMs, NULL AS inboxId, NULL AS inboxStatus
    FROM items r
    CROSS JOIN outbox o INDEXED BY ${REPLY_TO_INDEX} ON o.reply_to_item = r.id
    CROSS JOIN items i ON i.id = o.item_id
    WHERE r.author_id = @authorId AND o.workspace_id = @workspaceId AND o.state = 'published'
      AND ${BEFORE_CURSOR}
    ORDER BY i.created_ms DESC, i.id DESC
    LIMIT @limit`,
  /**
   * Counted on the covering index. Item ids grow as items are first stored, so the smallest id
   * is the first seen, and only that one row is read for its time.
   */
  stats: `
    SELECT agg.n AS n, (SELECT first_seen_at FROM items WHERE id = agg.firstId) AS first
    FROM (SELECT COUNT(*) AS n, MIN(i.id) AS firstId
          FROM items i ${JOIN_INBOX}
          WHERE i.author_id = @authorId AND ${IN_WORKSPACE}) agg`,
};

function prepare(db: Db) {
  return {
    incoming: db.prepare(HISTORY_SQL.incoming),
    outgoing: db.prepare(HISTORY_SQL.outgoing),
    stats: db.prepare(HISTORY_SQL.stats),
  };
}
