import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { SavedReply } from '../../../shared/contract/inbox';
import type { Db } from '../store/database';

interface SavedReplyRow {
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  keywords: string;
  updated_at: string;
}

export interface SavedReplyInput {
  title: string;
  body: string;
  keywords?: readonly string[];
}

/** Titles sort as people read them: "Ä" with "A", "Reply 2" before "Reply 10". */
const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A workspace's saved replies (its knowledge base of answers) in SQLite. */
export class SavedReplyRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  list(workspaceId: string): SavedReply[] {
    const rows = this.db.prepare('SELECT * FROM saved_replies WHERE workspace_id = ?').all(workspaceId) as SavedReplyRow[];
    return rows.map(toSavedReply).sort((a, b) => byTitle.compare(a.title, b.title) || a.id.localeCompare(b.id));
  }

  get(workspaceId: string, id: string): SavedReply {
    const row = this.db.prepare('SELECT * FROM saved_replies WHERE id = ? AND workspace_id = ?').get(id, workspaceId) as SavedReplyRow | undefined;
    if (!row) throw new AppError('not_found', `There is no saved reply with the id ${id} in this workspace.`);
    return toSavedReply(row);
  }

  create(workspaceId: string, input: SavedReplyInput): SavedReply {
    const id = randomUUID();
    const stamp = this.now().toISOString();
    this.db
      .prepare('INSERT INTO saved_replies (id, workspace_id, title, body, keywords, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, workspaceId, input.title, input.body, JSON.stringify(cleanKeywords(input.keywords)), stamp, stamp);
    return this.get(workspaceId, id);
  }

  /** Replaces title, body and keywords; keywords left out stay as they were. */
  update(workspaceId: string, id: string, input: SavedReplyInput): SavedReply {
    const current = this.get(workspaceId, id);
    const keywords = input.keywords === undefined ? current.keywords : cleanKeywords(input.keywords);
    this.db
      .prepare('UPDATE saved_replies SET title = ?, body = ?, keywords = ?, updated_at = ? WHERE id = ? AND workspace_id = ?')
      .run(input.title, input.body, JSON.stringify(keywords), this.now().toISOString(), id, workspaceId);
    return this.get(workspaceId, id);
  }

  remove(workspaceId: string, id: string): void {
    const { changes } = this.db.prepare('DELETE FROM saved_replies WHERE id = ? AND workspace_id = ?').run(id, workspaceId);
    if (changes === 0) throw new AppError('not_found', `There is no saved reply with the id ${id} in this workspace.`);
  }
}

/** Trimmed, without blanks, each keyword once (compared case-insensitively, first spelling kept). */
function cleanKeywords(keywords: readonly string[] = []): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of keywords) {
    const keyword = raw.trim();
    const key = keyword.toLowerCase();
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

function toSavedReply(row: SavedReplyRow): SavedReply {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    body: row.body,
    keywords: parseKeywords(row.keywords),
    updatedAt: row.updated_at,
  };
}

function parseKeywords(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}
