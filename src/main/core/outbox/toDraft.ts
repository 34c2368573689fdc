import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { Draft, DraftContent, MediaView } from '../../../shared/contract/composer';
import type { Db } from '../store/database';
import { parseBody, type OutboxRow } from './outboxRepository';

/**
 * Turns an outbox entry back into a draft (outbox.edit), in the caller's transaction: the draft
 * gets the key the composer would use for it (`reply:<inboxItemId>`, `item:<itemId>`, or a fresh
 * `post:<uuid>`), the entry's text and options, and its media rows; the entry is deleted.
 * `drafts.body` holds the DraftContent as JSON, as the drafts feature stores it. The text is the
 * final text (the signature, if any, is already in it), so appendSignature is off.
 * A draft already under that key (the user started another answer meanwhile) is a conflict:
 * nothing is overwritten.
 */
export function entryToDraft(db: Db, row: OutboxRow, now: Date): Draft {
  const key = row.inbox_id !== null ? `reply:${row.inbox_id}` : row.reply_to_item !== null ? `item:${row.reply_to_item}` : `post:${randomUUID()}`;
  const taken = db.prepare('SELECT 1 FROM drafts WHERE workspace_id = ? AND draft_key = ?').get(row.workspace_id, key);
  if (taken) throw new AppError('conflict', `There is already a draft for this conversation (${key}); send or discard it first.`);

  const body = parseBody(row);
  const content: DraftContent = {
    text: body.text,
    spoilerText: body.spoilerText,
    language: body.language,
    visibility: body.visibility,
    appendSignature: false,
  };
  const id = randomUUID();
  const updatedAt = now.toISOString();
  db.prepare(
    `INSERT INTO drafts (id, workspace_id, draft_key, inbox_id, reply_to_item, account_id, body, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, row.workspace_id, key, row.inbox_id, row.reply_to_item, row.account_id, JSON.stringify(content), updatedAt);
  db.prepare('UPDATE media SET draft_id = ?, outbox_id = NULL WHERE outbox_id = ?').run(id, row.id);
  db.prepare('DELETE FROM outbox WHERE id = ?').run(row.id);

  const media = db
    .prepare('SELECT id, file_name AS fileName, mime_type AS mimeType, size, alt FROM media WHERE draft_id = ? ORDER BY position, id')
    .all(id) as MediaView[];
  return {
    id,
    workspaceId: row.workspace_id,
    key,
    inboxItemId: row.inbox_id,
    replyToItemId: row.reply_to_item,
    accountId: row.account_id,
    content,
    media,
    updatedAt,
  };
}
