import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import { INQUIRY_TYPES, type InquiryType } from '../../../shared/contract/analysis';
import type { SavedReply } from '../../../shared/contract/inbox';
import type { Db } from '../store/database';

interface SavedReplyRow {
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  keywords: string;
  inquiry_types: string;
  updated_at: string;
}

export interface SavedReplyInput {
  title: string;
  body: string;
  keywords?: readonly string[];
  /** The kinds of message the reply answers; empty: any. */
  inquiryTypes?: readonly InquiryType[];
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
      .prepare(
        'INSERT INTO saved_replies (id, workspace_id, title, body, keywords, inquiry_types, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, workspaceId, input.title, input.body, JSON.stringify(cleanKeywords(input.keywords)), JSON.stringify(cleanInquiryTypes(input.inquiryTypes)), stamp, stamp);
    return this.get(workspaceId, id);
  }

  /** Replaces title, body, keywords and inquiry types; keywords or inquiry types left out stay as they were. */
  update(workspaceId: string, id: string, input: SavedReplyInput): SavedReply {
    const current = this.get(workspaceId, id);
    const keywords = input.keywords === undefined ? current.keywords : cleanKeywords(input.keywords);
    const inquiryTypes = input.inquiryTypes === undefined ? current.inquiryTypes : cleanInquiryTypes(input.inquiryTypes);
    this.db
      .prepare('UPDATE saved_replies SET title = ?, body = ?, keywords = ?, inquiry_types = ?, updated_at = ? WHERE id = ? AND workspace_id = ?')
      .run(input.title, input.body, JSON.stringify(keywords), JSON.stringify(inquiryTypes), this.now().toISOString(), id, workspaceId);
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
    inquiryTypes: parseInquiryTypes(row.inquiry_types),
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

/** Each once, in the contract's order (question, complaint, praise, other). */
function cleanInquiryTypes(types: readonly InquiryType[] = []): InquiryType[] {
  return INQUIRY_TYPES.filter((type) => types.includes(type));
}

/** A damaged or unknown entry is dropped rather than failing the whole list. */
function parseInquiryTypes(json: string): InquiryType[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? cleanInquiryTypes(value.filter((t): t is InquiryType => (INQUIRY_TYPES as readonly unknown[]).includes(t))) : [];
  } catch {
    return [];
  }
}
