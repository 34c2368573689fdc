import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { Network } from '../../../shared/contract/items';
import type { StreamCursor } from '../connectors/connector';
import type { Db } from '../store/database';
import { removeStreamFromAggregates } from '../insight/aggregates/streamRemoval';

export interface StreamRecord {
  id: string;
  workspaceId: string;
  accountId: string | null;
  network: Network;
  kind: string;
  query: string | null;
  title: string;
  position: number;
  intervalMs: number | null;
  cursor: StreamCursor | null;
  paused: boolean;
  /** 'column' is a deck column; 'inbox' a hidden source of an account's mentions and replies. */
  role: 'column' | 'inbox';
  needsAnswer: boolean;
  createdAt: string;
  updatedAt: string;
}

interface StreamRow {
  id: string;
  workspace_id: string;
  account_id: string | null;
  network: Network;
  kind: string;
  query: string | null;
  title: string;
  position: number;
  interval_ms: number | null;
  cursor: string | null;
  paused: number;
  role: 'column' | 'inbox';
  needs_answer: number;
  created_at: string;
  updated_at: string;
}

export interface NewStream {
  workspaceId: string;
  accountId?: string | null;
  network: Network;
  kind: string;
  query?: string | null;
  title: string;
  intervalMs?: number | null;
  /** Default 'column'. Inbox sources stay out of the deck's order (position -1). */
  role?: 'column' | 'inbox';
}

function toRecord(row: StreamRow): StreamRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    accountId: row.account_id,
    network: row.network,
    kind: row.kind,
    query: row.query,
    title: row.title,
    position: row.position,
    intervalMs: row.interval_ms,
    cursor: parseCursor(row.cursor),
    paused: row.paused === 1,
    role: row.role,
    needsAnswer: row.needs_answer === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseCursor(json: string | null): StreamCursor | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as StreamCursor;
  } catch {
    return null; // a damaged cursor means one full first poll again, never a stuck stream
  }
}

/** Streams: the deck's columns and the hidden inbox sources; what each watches, where it stands (cursor), in which order. */
export class StreamRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(input: NewStream): StreamRecord {
    const id = randomUUID();
    const stamp = this.now().toISOString();
    const role = input.role ?? 'column';
    const { next } = this.db
      .prepare("SELECT COALESCE(MAX(position), -1) + 1 AS next FROM streams WHERE workspace_id = ? AND role = 'column'")
      .get(input.workspaceId) as { next: number };
    this.db
      .prepare(
        `INSERT INTO streams (id, workspace_id, account_id, network, kind, query, title, position, interval_ms, role, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.workspaceId,
        input.accountId ?? null,
        input.network,
        input.kind,
        input.query ?? null,
        input.title,
        role === 'column' ? next : -1,
        input.intervalMs ?? null,
        role,
        stamp,
        stamp,
      );
    return this.get(id);
  }

  get(id: string): StreamRecord {
    const row = this.db.prepare('SELECT * FROM streams WHERE id = ?').get(id) as StreamRow | undefined;
    if (!row) throw new AppError('not_found', `There is no stream with the id ${id}.`);
    return toRecord(row);
  }

  /** Every stream of the workspace, hidden inbox sources included. */
  listByWorkspace(workspaceId: string): StreamRecord[] {
    return (this.db.prepare('SELECT * FROM streams WHERE workspace_id = ? ORDER BY position').all(workspaceId) as StreamRow[]).map(toRecord);
  }

  /** The deck's columns in order: what the UI lists. */
  listColumns(workspaceId: string): StreamRecord[] {
    return (this.db.prepare("SELECT * FROM streams WHERE workspace_id = ? AND role = 'column' ORDER BY position").all(workspaceId) as StreamRow[]).map(toRecord);
  }

  /** The hidden source that feeds the inbox with this account's mentions, if it has one. */
  inboxSourceOf(accountId: string): StreamRecord | null {
    const row = this.db.prepare("SELECT * FROM streams WHERE account_id = ? AND role = 'inbox' ORDER BY created_at LIMIT 1").get(accountId) as StreamRow | undefined;
    return row ? toRecord(row) : null;
  }

  setNeedsAnswer(id: string, needsAnswer: boolean): StreamRecord {
    this.db.prepare('UPDATE streams SET needs_answer = ?, updated_at = ? WHERE id = ?').run(needsAnswer ? 1 : 0, this.now().toISOString(), id);
    return this.get(id);
  }

  listAll(): StreamRecord[] {
    return (this.db.prepare('SELECT * FROM streams ORDER BY workspace_id, position').all() as StreamRow[]).map(toRecord);
  }

  saveCursor(id: string, cursor: StreamCursor | null): void {
    this.db.prepare('UPDATE streams SET cursor = ?, updated_at = ? WHERE id = ?').run(cursor === null ? null : JSON.stringify(cursor), this.now().toISOString(), id);
  }

  /** Moves a column to `position` (0-based) within its workspace, shifting the others. */
  move(id: string, position: number): StreamRecord[] {
    const stream = this.get(id);
    const order = this.listColumns(stream.workspaceId).filter((s) => s.id !== id);
    const target = Math.max(0, Math.min(position, order.length));
    order.splice(target, 0, stream);
    const update = this.db.prepare('UPDATE streams SET position = ? WHERE id = ?');
    this.db.transaction(() => order.forEach((s, index) => update.run(index, s.id)))();
    return this.listColumns(stream.workspaceId);
  }

  /** Removes the stream; the dashboard's workspace aggregates lose what only this stream counted, in the same transaction. */
  remove(id: string): void {
    this.db.transaction(() => {
      removeStreamFromAggregates(this.db, id);
      this.db.prepare('DELETE FROM streams WHERE id = ?').run(id);
    })();
  }
}
