import { randomUUID } from 'node:crypto';
import { draftContentSchema, type Draft, type DraftContent, type MediaView } from '../../../shared/contract/composer';
import type { Db } from '../store/database';

interface DraftRow {
  id: string;
  workspace_id: string;
  draft_key: string;
  inbox_id: number | null;
  reply_to_item: number | null;
  account_id: string | null;
  body: string;
  updated_at: string;
  /** JSON array of the draft's media (without bytes), in order. */
  media: string;
}

export interface NewDraft {
  workspaceId: string;
  key: string;
  inboxItemId: number | null;
  replyToItemId: number | null;
  accountId: string | null;
  content: DraftContent;
}

export interface NewMediaRow {
  fileName: string;
  mimeType: string;
  alt: string;
  bytes: Buffer;
}

const EMPTY_CONTENT: DraftContent = { text: '', spoilerText: null, language: null, visibility: null, appendSignature: true };

// The draft's media as JSON in the same statement, so a draft (and an autosave) is one query.
// Only columns stored before `bytes` are read, in the (draft_id, position) index's order:
// a column after the blob would make SQLite walk the blob's overflow pages.
const DRAFT_COLUMNS = `
  id, workspace_id, draft_key, inbox_id, reply_to_item, account_id, body, updated_at,
  (SELECT json_group_array(json_object('id', m.id, 'fileName', m.file_name, 'mimeType', m.mime_type, 'size', m.size, 'alt', m.alt))
     FROM (SELECT id, file_name, mime_type, size, alt FROM media WHERE draft_id = drafts.id ORDER BY position) AS m) AS media`;

function prepare(db: Db) {
  return {
    get: db.prepare(`SELECT ${DRAFT_COLUMNS} FROM drafts WHERE workspace_id = ? AND draft_key = ?`),
    list: db.prepare(`SELECT ${DRAFT_COLUMNS} FROM drafts WHERE workspace_id = ? ORDER BY updated_at DESC, draft_key`),
    // The autosave: an account given must be the workspace's, else no row changes and the caller looks closer.
    update: db.prepare(
      `UPDATE drafts SET account_id = COALESCE(@accountId, account_id), body = @body, updated_at = @now
        WHERE workspace_id = @workspaceId AND draft_key = @key
          AND (@accountId IS NULL OR EXISTS (SELECT 1 FROM accounts WHERE id = @accountId AND workspace_id = @workspaceId))
        RETURNING ${DRAFT_COLUMNS}`,
    ),
    insert: db.prepare(
      `INSERT INTO drafts (id, workspace_id, draft_key, inbox_id, reply_to_item, account_id, body, updated_at)
       VALUES (@id, @workspaceId, @key, @inboxItemId, @replyToItemId, @accountId, @body, @now)
       ON CONFLICT (workspace_id, draft_key) DO UPDATE SET account_id = COALESCE(excluded.account_id, account_id), body = excluded.body, updated_at = excluded.updated_at
       RETURNING ${DRAFT_COLUMNS}`,
    ),
    delete: db.prepare('DELETE FROM drafts WHERE workspace_id = ? AND draft_key = ?'),
    touch: db.prepare('UPDATE drafts SET updated_at = ? WHERE id = ?'),
    nextPosition: db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS next, COUNT(*) AS count FROM media WHERE draft_id = ?'),
    addMedia: db.prepare(
      `INSERT INTO media (id, draft_id, outbox_id, position, file_name, mime_type, size, alt, bytes, created_at)
       VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setAlt: db.prepare('UPDATE media SET alt = ? WHERE id = ? AND draft_id = ?'),
    removeMedia: db.prepare('DELETE FROM media WHERE id = ? AND draft_id = ?'),
    mediaData: db.prepare(
      `SELECT m.id, m.file_name, m.mime_type, m.size, m.alt, m.bytes FROM media m
         LEFT JOIN drafts d ON d.id = m.draft_id
         LEFT JOIN outbox o ON o.id = m.outbox_id
        WHERE m.id = ? AND (d.workspace_id = ? OR o.workspace_id = ?)`,
    ),
    unmovedMedia: db.prepare('SELECT COUNT(*) AS n FROM media WHERE draft_id = ? AND outbox_id IS NULL'),
    releaseMedia: db.prepare('UPDATE media SET draft_id = NULL WHERE draft_id = ? AND outbox_id IS NOT NULL'),
    deleteById: db.prepare('DELETE FROM drafts WHERE id = ?'),
  };
}

/** The `drafts` table and the draft side of `media`. Every method is one short synchronous statement or a few. */
export class DraftRepository {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.statements = prepare(db);
  }

  get(workspaceId: string, key: string): Draft | null {
    const row = this.statements.get.get(workspaceId, key) as DraftRow | undefined;
    return row ? toDraft(row) : null;
  }

  list(workspaceId: string): Draft[] {
    return (this.statements.list.all(workspaceId) as DraftRow[]).map(toDraft);
  }

  /**
   * The autosave of an existing draft: null when there is no such draft yet, or the account
   * given is not one of the workspace's (the caller tells which). A null account keeps the
   * draft's account.
   */
  update(workspaceId: string, key: string, accountId: string | null, content: DraftContent): Draft | null {
    const row = this.statements.update.get({ workspaceId, key, accountId, body: JSON.stringify(content), now: this.now().toISOString() }) as DraftRow | undefined;
    return row ? toDraft(row) : null;
  }

  insert(draft: NewDraft): Draft {
    const row = this.statements.insert.get({
      id: randomUUID(),
      workspaceId: draft.workspaceId,
      key: draft.key,
      inboxItemId: draft.inboxItemId,
      replyToItemId: draft.replyToItemId,
      accountId: draft.accountId,
      body: JSON.stringify(draft.content),
      now: this.now().toISOString(),
    }) as DraftRow;
    return toDraft(row);
  }

  discard(workspaceId: string, key: string): boolean {
    return this.statements.delete.run(workspaceId, key).changes > 0;
  }

  addMedia(draftId: string, media: NewMediaRow): string {
    const id = randomUUID();
    const stamp = this.now().toISOString();
    const { next } = this.statements.nextPosition.get(draftId) as { next: number };
    this.statements.addMedia.run(id, draftId, next, media.fileName, media.mimeType, media.bytes.length, media.alt, media.bytes, stamp);
    this.statements.touch.run(stamp, draftId);
    return id;
  }

  mediaCount(draftId: string): number {
    return (this.statements.nextPosition.get(draftId) as { count: number }).count;
  }

  setMediaAlt(draftId: string, mediaId: string, alt: string): boolean {
    const changed = this.statements.setAlt.run(alt, mediaId, draftId).changes > 0;
    if (changed) this.statements.touch.run(this.now().toISOString(), draftId);
    return changed;
  }

  removeMedia(draftId: string, mediaId: string): boolean {
    const changed = this.statements.removeMedia.run(mediaId, draftId).changes > 0;
    if (changed) this.statements.touch.run(this.now().toISOString(), draftId);
    return changed;
  }

  /** A file of a draft or an outbox entry of the workspace, with its bytes. */
  mediaData(workspaceId: string, mediaId: string): { media: MediaView; bytes: Buffer } | null {
    const row = this.statements.mediaData.get(mediaId, workspaceId, workspaceId) as
      | { id: string; file_name: string; mime_type: string; size: number; alt: string; bytes: Buffer }
      | undefined;
    if (!row) return null;
    return { media: { id: row.id, fileName: row.file_name, mimeType: row.mime_type, size: row.size, alt: row.alt }, bytes: row.bytes };
  }

  /**
   * Removes a sent draft inside the send transaction. The outbox's enqueue has re-parented the
   * media rows to the entry; any row it left behind would be deleted with the draft, so that is
   * refused (the caller's transaction rolls back and nothing is sent).
   */
  deleteSent(draftId: string): void {
    const { n } = this.statements.unmovedMedia.get(draftId) as { n: number };
    if (n > 0) throw new Error(`the outbox left ${n} media rows on draft ${draftId}`);
    this.statements.releaseMedia.run(draftId);
    this.statements.deleteById.run(draftId);
  }
}

function toDraft(row: DraftRow): Draft {
  const content = draftContentSchema.safeParse(parseJson(row.body));
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    key: row.draft_key,
    inboxItemId: row.inbox_id,
    replyToItemId: row.reply_to_item,
    accountId: row.account_id,
    // A body this version cannot read (written by a later one) shows as empty rather than failing every call.
    content: content.success ? content.data : EMPTY_CONTENT,
    media: parseJson(row.media) as MediaView[],
    updatedAt: row.updated_at,
  };
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

export { EMPTY_CONTENT };
