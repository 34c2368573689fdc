import type { OutboxState } from '../../../shared/contract/composer';
import type { ScheduledPost } from '../../../shared/contract/planner';
import { toEntry, type OutboxRow } from '../outbox/outboxRepository';
import type { Db } from '../store/database';

type CalendarRow = OutboxRow & { likes: number | null; reposts: number | null; replies: number | null };

const DAY = 24 * 3600_000;

/** The schedule as the planner reads and moves it: queries over `outbox` (the outbox owns its writes but for the due time). */
export class ScheduleStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      taken: db.prepare(`
        SELECT id, state, due_ms, published_at FROM outbox
         WHERE account_id = ? AND state IN ('scheduled', 'publishing', 'published') AND due_ms >= ? AND due_ms < ?`),
      calendarRow: db.prepare(`
        SELECT o.*, i.likes, i.reposts, i.replies FROM outbox o LEFT JOIN items i ON i.id = o.item_id WHERE o.id = ?`),
      move: db.prepare(`
        UPDATE outbox SET state = 'scheduled', due_ms = @dueMs, due_local = @dueLocal, time_zone = @timeZone, error = NULL, updated_at = @now
         WHERE id = @id AND state = @expected`),
    };
  }

  /**
   * The instants of the account's posts that count against its plan: scheduled and in flight at
   * their due time, published at when they went out. Failed ones do not go out unless retried.
   * `window` bounds the search around the times asked about (a day's cap and gaps need a margin).
   */
  taken(accountId: string, window: { from: number; to: number }, exclude: ReadonlySet<string> = new Set()): number[] {
    // A published post's due time can lie before its publish time (late, retried): widen the search by a day.
    const rows = this.s.taken.all(accountId, window.from - 2 * DAY, window.to + 2 * DAY) as Array<{ id: string; state: OutboxState; due_ms: number; published_at: string | null }>;
    return rows
      .filter((row) => !exclude.has(row.id))
      .map((row) => (row.state === 'published' && row.published_at ? Date.parse(row.published_at) : row.due_ms));
  }

  get(id: string): ScheduledPost | null {
    const row = this.s.calendarRow.get(id) as CalendarRow | undefined;
    return row ? toScheduledPost(row) : null;
  }

  rows(ids: readonly string[]): OutboxRow[] {
    if (ids.length === 0) return [];
    const marks = ids.map(() => '?').join(', ');
    return this.db.prepare(`SELECT * FROM outbox WHERE id IN (${marks})`).all(...ids) as OutboxRow[];
  }

  /** Moves a scheduled or failed entry to a new time (a failed one is scheduled again); false when its state changed meanwhile. */
  move(id: string, expected: OutboxState, to: { dueMs: number; dueLocal: string; timeZone: string }, now: Date): boolean {
    return this.s.move.run({ id, expected, dueMs: to.dueMs, dueLocal: to.dueLocal, timeZone: to.timeZone, now: now.toISOString() }).changes === 1;
  }

  /**
   * The calendar: entries due in [from, to), and published ones that went out in it, by due time.
   * Two index ranges (outbox_calendar for the due times) rather than an OR that scans.
   */
  list(workspaceId: string, from: number, to: number, options: { accountIds?: readonly string[]; states?: readonly OutboxState[] }): ScheduledPost[] {
    const filters: string[] = [];
    const args: unknown[] = [];
    if (options.accountIds) {
      if (options.accountIds.length === 0) return [];
      filters.push(`o.account_id IN (${options.accountIds.map(() => '?').join(', ')})`);
      args.push(...options.accountIds);
    }
    if (options.states) {
      filters.push(`o.state IN (${options.states.map(() => '?').join(', ')})`);
      args.push(...options.states);
    }
    const extra = filters.map((f) => ` AND ${f}`).join('');
    const columns = 'o.*, i.likes, i.reposts, i.replies';
    const sql = `
      SELECT ${columns} FROM outbox o LEFT JOIN items i ON i.id = o.item_id
       WHERE o.workspace_id = ? AND o.due_ms >= ? AND o.due_ms < ?${extra}
      UNION
      SELECT ${columns} FROM outbox o LEFT JOIN items i ON i.id = o.item_id
       WHERE o.workspace_id = ? AND o.state = 'published' AND o.published_at >= ? AND o.published_at < ?${extra}
      ORDER BY due_ms, id`;
    const fromIso = new Date(from).toISOString();
    const toIso = new Date(to).toISOString();
    const rows = this.db.prepare(sql).all(workspaceId, from, to, ...args, workspaceId, fromIso, toIso, ...args) as CalendarRow[];
    return rows.map(toScheduledPost);
  }
}

export function toScheduledPost(row: CalendarRow | OutboxRow): ScheduledPost {
  const counted = 'likes' in row && row.item_id !== null;
  return {
    ...toEntry(row),
    wallTime: row.due_local && row.time_zone ? { local: row.due_local, timeZone: row.time_zone } : null,
    counts: counted ? { likes: row.likes, reposts: row.reposts, replies: row.replies } : null,
  };
}
