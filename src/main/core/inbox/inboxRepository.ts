import { AppError } from '../../../shared/contract/errors';
import type { InboxCursor, InboxFilter, InboxItemView, InboxNote, InboxStatus } from '../../../shared/contract/inbox';
import type { ItemStore } from '../items/itemStore';
import type { Db } from '../store/database';

export interface InboxRow {
  id: number;
  workspace_id: string;
  item_id: number;
  reason: 'mention' | 'reply' | 'stream';
  stream_id: string | null;
  account_id: string | null;
  status: InboxStatus;
  assignee_id: string | null;
  received_ms: number;
  due_ms: number | null;
  follow_up_ms: number | null;
  first_response_ms: number | null;
  updated_at: string;
}

export interface NewInboxRow {
  workspaceId: string;
  itemId: number;
  reason: InboxRow['reason'];
  streamId: string | null;
  accountId: string | null;
  assigneeId: string | null;
  receivedMs: number;
  dueMs: number | null;
}

export type InboxCounts = Record<InboxStatus, number>;

/**
 * The list order is one key per row, ascending, then the id: open and pending items by due time,
 * those without a due time after them, then done items newest received first. The key is what
 * the cursor carries. Each part is read on its own in index order and the parts are merged, so a
 * page is a few short index walks however many items wait (SQLite would sort them all for an
 * ORDER BY over the combined key).
 */
const NO_DUE_KEY = 2 ** 52;
const DONE_BASE = Number.MAX_SAFE_INTEGER;

function sortKey(row: Pick<InboxRow, 'status' | 'due_ms' | 'received_ms'>): number {
  if (row.status === 'done') return DONE_BASE - row.received_ms;
  return row.due_ms ?? NO_DUE_KEY;
}

const DEFAULT_STATUSES: readonly InboxStatus[] = ['open', 'pending'];

/**
 * SQL for the inbox tables. Every read and write names the workspace: an id alone never crosses one.
 *
 * The unfiltered counts per status are kept in memory: counting walks every row of the
 * workspace (about 7 ms for 100,000 items, most of a first page's time), and they are asked for
 * with every page and every change event. Every write to inbox_items goes through this class, which
 * forgets the counts it touches; rows that go by cascade (a stream, account or workspace
 * removed) are forgotten by the feature on the events those removals send.
 */
export class InboxRepository {
  private readonly s;
  private readonly cachedCounts = new Map<string, InboxCounts>();

  constructor(
    private readonly db: Db,
    private readonly items: ItemStore,
  ) {
    this.s = {
      insert: db.prepare(`
        INSERT INTO inbox_items (workspace_id, item_id, reason, stream_id, account_id, status, assignee_id, received_ms, due_ms, updated_at)
        VALUES (@workspaceId, @itemId, @reason, @streamId, @accountId, 'open', @assigneeId, @receivedMs, @dueMs, @updatedAt)
        ON CONFLICT (workspace_id, item_id) DO NOTHING
        RETURNING id`),
      get: db.prepare('SELECT * FROM inbox_items WHERE id = ? AND workspace_id = ?'),
      getAny: db.prepare('SELECT * FROM inbox_items WHERE id = ?'),
      addTag: db.prepare('INSERT OR IGNORE INTO inbox_tags (inbox_id, tag) VALUES (?, ?)'),
      removeTag: db.prepare('DELETE FROM inbox_tags WHERE inbox_id = ? AND tag = ?'),
      tagsOf: db.prepare('SELECT tag FROM inbox_tags WHERE inbox_id = ? ORDER BY tag'),
      noteCount: db.prepare('SELECT COUNT(*) AS n FROM inbox_notes WHERE inbox_id = ?'),
      notes: db.prepare('SELECT id, agent_id, text, created_at FROM inbox_notes WHERE inbox_id = ? ORDER BY id'),
      addNote: db.prepare('INSERT INTO inbox_notes (inbox_id, agent_id, text, created_at) VALUES (?, ?, ?, ?) RETURNING id, agent_id, text, created_at'),
      counts: db.prepare('SELECT status, COUNT(*) AS n FROM inbox_items WHERE workspace_id = ? GROUP BY status'),
      waiting: db.prepare("SELECT id, received_ms FROM inbox_items WHERE workspace_id = ? AND status IN ('open', 'pending')"),
      setDue: db.prepare('UPDATE inbox_items SET due_ms = ? WHERE id = ?'),
      dueFollowUps: db.prepare('SELECT id, workspace_id FROM inbox_items WHERE follow_up_ms IS NOT NULL AND follow_up_ms <= ?'),
      reopen: db.prepare(`
        UPDATE inbox_items SET follow_up_ms = NULL, status = CASE status WHEN 'pending' THEN 'open' ELSE status END, updated_at = ?
        WHERE id = ? AND workspace_id = ?`),
      respond: db.prepare(`
        UPDATE inbox_items SET first_response_ms = COALESCE(first_response_ms, ?), status = 'done', follow_up_ms = NULL, updated_at = ?
        WHERE id = ? AND workspace_id = ?`),
      tagsInUse: db.prepare(`
        SELECT DISTINCT t.tag FROM inbox_tags t JOIN inbox_items x ON x.id = t.inbox_id WHERE x.workspace_id = ?
        UNION
        SELECT DISTINCT ct.tag FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id WHERE c.workspace_id = ?
        ORDER BY 1`),
    };
  }

  /** Null when the workspace has that item already (the UNIQUE key dedupes). */
  insert(row: NewInboxRow, updatedAt: string): number | null {
    const inserted = this.s.insert.get({ ...row, updatedAt }) as { id: number } | undefined;
    if (inserted) this.cachedCounts.delete(row.workspaceId);
    return inserted?.id ?? null;
  }

  /** Forgets all cached counts: rows changed behind this class's back. */
  forgetCounts(): void {
    this.cachedCounts.clear();
  }

  get(workspaceId: string, id: number): InboxRow {
    const row = this.s.get.get(id, workspaceId) as InboxRow | undefined;
    if (!row) throw new AppError('not_found', `There is no inbox item ${id} in this workspace.`);
    return row;
  }

  /** Across workspaces: for callers that hold an id from the core itself (the outbox). */
  find(id: number): InboxRow | null {
    return (this.s.getAny.get(id) as InboxRow | undefined) ?? null;
  }

  addTags(id: number, tags: readonly string[]): void {
    for (const tag of tags) this.s.addTag.run(id, tag);
  }

  removeTags(id: number, tags: readonly string[]): void {
    for (const tag of tags) this.s.removeTag.run(id, tag);
  }

  update(workspaceId: string, id: number, fields: Partial<Pick<InboxRow, 'status' | 'assignee_id' | 'follow_up_ms'>>, updatedAt: string): void {
    this.cachedCounts.delete(workspaceId);
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of Object.entries(fields)) {
      sets.push(`${column} = ?`);
      params.push(value);
    }
    sets.push('updated_at = ?');
    params.push(updatedAt, id, workspaceId);
    this.db.prepare(`UPDATE inbox_items SET ${sets.join(', ')} WHERE id = ? AND workspace_id = ?`).run(...params);
  }

  setDue(id: number, dueMs: number | null): void {
    this.s.setDue.run(dueMs, id);
  }

  /** Open and pending items: the ones whose due time follows the settings. */
  waiting(workspaceId: string): Array<{ id: number; received_ms: number }> {
    return this.s.waiting.all(workspaceId) as Array<{ id: number; received_ms: number }>;
  }

  counts(workspaceId: string, filter: InboxFilter = {}): InboxCounts {
    const where = filterSql(filter);
    const cached = where.sql ? undefined : this.cachedCounts.get(workspaceId);
    if (cached) return { ...cached };
    const counts: InboxCounts = { open: 0, pending: 0, done: 0 };
    const rows = (
      where.sql
        ? this.db.prepare(`SELECT status, COUNT(*) AS n FROM inbox_items x WHERE x.workspace_id = ? ${where.sql} GROUP BY status`).all(workspaceId, ...where.params)
        : this.s.counts.all(workspaceId)
    ) as Array<{ status: InboxStatus; n: number }>;
    for (const { status, n } of rows) if (status in counts) counts[status] = n;
    // Only outside a transaction: one that rolls back would leave counts of rows that never were.
    if (!where.sql && !this.db.inTransaction) this.cachedCounts.set(workspaceId, { ...counts });
    return counts;
  }

  /** One page in list order strictly after the cursor; `next` is null on the last page. */
  page(workspaceId: string, filter: InboxFilter, after: InboxCursor | null, limit: number): { rows: InboxRow[]; next: InboxCursor | null } {
    const statuses = [...new Set(filter.statuses ?? DEFAULT_STATUSES)];
    const where = filterSql(filter);
    const take = limit + 1;
    const found: InboxRow[] = [];
    const read = (sql: string, params: unknown[]) => {
      found.push(...(this.db.prepare(sql).all(...params) as InboxRow[]));
    };
    const base = `SELECT x.* FROM inbox_items x WHERE x.workspace_id = ? AND x.status = ? ${where.sql}`;
    for (const status of statuses) {
      if (status === 'done') {
        if (after && after.key > NO_DUE_KEY) {
          const received = DONE_BASE - after.key;
          read(`${base} AND (x.received_ms < ? OR (x.received_ms = ? AND x.id > ?)) ORDER BY x.received_ms DESC, x.id LIMIT ?`, [workspaceId, status, ...where.params, received, received, after.id, take]);
        } else {
          read(`${base} ORDER BY x.received_ms DESC, x.id LIMIT ?`, [workspaceId, status, ...where.params, take]);
        }
        continue;
      }
      if (!after || after.key < NO_DUE_KEY) {
        const from = after ? 'AND (x.due_ms, x.id) > (?, ?)' : '';
        read(`${base} AND x.due_ms IS NOT NULL ${from} ORDER BY x.due_ms, x.id LIMIT ?`, [workspaceId, status, ...where.params, ...(after ? [after.key, after.id] : []), take]);
      }
      if (!after || after.key <= NO_DUE_KEY) {
        const from = after?.key === NO_DUE_KEY ? 'AND x.id > ?' : '';
        read(`${base} AND x.due_ms IS NULL ${from} ORDER BY x.id LIMIT ?`, [workspaceId, status, ...where.params, ...(after?.key === NO_DUE_KEY ? [after.id] : []), take]);
      }
    }
    found.sort((a, b) => sortKey(a) - sortKey(b) || a.id - b.id);
    const rows = found.slice(0, limit);
    const last = found.length > limit ? rows[rows.length - 1] : undefined;
    return { rows, next: last ? { key: sortKey(last), id: last.id } : null };
  }

  /** The rows as the UI shows them, in the order given. */
  views(rows: readonly InboxRow[]): InboxItemView[] {
    const out: InboxItemView[] = [];
    for (const row of rows) {
      const [item] = this.items.forWorkspace(row.workspace_id, [row.item_id]);
      if (!item) continue;
      out.push({
        id: row.id,
        workspaceId: row.workspace_id,
        item,
        reason: row.reason,
        streamId: row.stream_id,
        accountId: row.account_id,
        status: row.status,
        assigneeId: row.assignee_id,
        tags: (this.s.tagsOf.all(row.id) as Array<{ tag: string }>).map((t) => t.tag),
        noteCount: (this.s.noteCount.get(row.id) as { n: number }).n,
        receivedAt: iso(row.received_ms),
        dueAt: row.due_ms === null ? null : iso(row.due_ms),
        followUpAt: row.follow_up_ms === null ? null : iso(row.follow_up_ms),
        firstResponseAt: row.first_response_ms === null ? null : iso(row.first_response_ms),
        updatedAt: row.updated_at,
      });
    }
    return out;
  }

  notes(id: number): InboxNote[] {
    return (this.s.notes.all(id) as NoteRow[]).map(toNote);
  }

  addNote(id: number, agentId: string | null, text: string, createdAt: string): InboxNote {
    return toNote(this.s.addNote.get(id, agentId, text, createdAt) as NoteRow);
  }

  dueFollowUps(nowMs: number): Array<{ id: number; workspace_id: string }> {
    return this.s.dueFollowUps.all(nowMs) as Array<{ id: number; workspace_id: string }>;
  }

  reopen(workspaceId: string, id: number, updatedAt: string): void {
    this.cachedCounts.delete(workspaceId);
    this.s.reopen.run(updatedAt, id, workspaceId);
  }

  respond(workspaceId: string, id: number, publishedMs: number, updatedAt: string): void {
    this.cachedCounts.delete(workspaceId);
    this.s.respond.run(publishedMs, updatedAt, id, workspaceId);
  }

  tagsInUse(workspaceId: string): string[] {
    return (this.s.tagsInUse.all(workspaceId, workspaceId) as Array<{ tag: string }>).map((row) => row.tag);
  }
}

interface NoteRow {
  id: number;
  agent_id: string | null;
  text: string;
  created_at: string;
}

function toNote(row: NoteRow): InboxNote {
  return { id: row.id, agentId: row.agent_id, text: row.text, createdAt: row.created_at };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The filters other than status, as SQL over the alias `x`. */
function filterSql(filter: InboxFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.assignee === 'none') parts.push('x.assignee_id IS NULL');
  else if (filter.assignee) {
    parts.push('x.assignee_id = ?');
    params.push(filter.assignee);
  }
  if (filter.tag) {
    parts.push('x.id IN (SELECT t.inbox_id FROM inbox_tags t WHERE t.tag = ?)');
    params.push(filter.tag);
  }
  if (filter.network) {
    parts.push('EXISTS (SELECT 1 FROM items i WHERE i.id = x.item_id AND i.network = ?)');
    params.push(filter.network);
  }
  return { sql: parts.map((part) => `AND ${part}`).join(' '), params };
}
