import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MASTODON_VISIBILITIES, type OutboxEntry, type OutboxState } from '../../../shared/contract/composer';
import type { Network } from '../../../shared/contract/items';
import type { Db } from '../store/database';

/** What the `outbox.body` column holds: the post as it goes out. */
export const outboxBodySchema = z.object({
  text: z.string(),
  spoilerText: z.string().nullable(),
  language: z.string().nullable(),
  visibility: z.enum(MASTODON_VISIBILITIES).nullable(),
  /** The replied-to post's remote id, kept here too: the item row may be gone by publish time, and a reply must never go out as a new post. */
  replyToRemoteId: z.string().nullable().default(null),
});
export type OutboxBody = z.infer<typeof outboxBodySchema>;

/** Why an entry failed, or why its last attempt did (kept while it waits for the next one). */
export interface OutboxError {
  code: string;
  message: string;
}

export interface OutboxRow {
  id: string;
  workspace_id: string;
  account_id: string | null;
  network: Network;
  inbox_id: number | null;
  reply_to_item: number | null;
  state: OutboxState;
  idempotency_key: string;
  body: string;
  due_ms: number;
  time_zone: string | null;
  /** The wall time it is planned for ("YYYY-MM-DDTHH:MM" in time_zone); null for "send now". */
  due_local: string | null;
  engagement_at: string | null;
  attempts: number;
  error: string | null;
  remote_id: string | null;
  remote_url: string | null;
  item_id: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface NewOutboxRow {
  workspaceId: string;
  accountId: string;
  network: Network;
  inboxItemId: number | null;
  replyToItemId: number | null;
  idempotencyKey: string;
  body: OutboxBody;
  dueMs: number;
  timeZone: string | null;
  dueLocal: string | null;
}

export interface OutboxMediaRow {
  id: string;
  position: number;
  file_name: string;
  mime_type: string;
  size: number;
  alt: string;
  bytes: Buffer;
}

export function parseBody(row: Pick<OutboxRow, 'body'>): OutboxBody {
  const parsed = outboxBodySchema.safeParse(safeJson(row.body));
  // Only the outbox writes the column; a row it cannot read still must not lose its text.
  return parsed.success ? parsed.data : { text: typeof row.body === 'string' ? row.body : '', spoilerText: null, language: null, visibility: null, replyToRemoteId: null };
}

export function parseError(json: string | null): OutboxError | null {
  const value = safeJson(json) as Partial<OutboxError> | null;
  return value && typeof value.code === 'string' && typeof value.message === 'string' ? { code: value.code, message: value.message } : null;
}

export function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    accountId: row.account_id,
    network: row.network,
    inboxItemId: row.inbox_id,
    replyToItemId: row.reply_to_item,
    state: row.state,
    text: parseBody(row).text,
    dueAt: new Date(row.due_ms).toISOString(),
    attempts: row.attempts,
    error: parseError(row.error),
    remoteId: row.remote_id,
    remoteUrl: row.remote_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

/**
 * The `outbox` table and the media rows that belong to its entries. Every state change is one
 * UPDATE guarded by the state it expects, so two workers (or a handler and a worker) can never
 * both move the same entry; the caller sees `false` and leaves it alone.
 */
export class OutboxRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(`
        INSERT INTO outbox (id, workspace_id, account_id, network, inbox_id, reply_to_item, state, idempotency_key, body,
                            due_ms, time_zone, due_local, attempts, error, created_at, updated_at)
        VALUES (@id, @workspace_id, @account_id, @network, @inbox_id, @reply_to_item, 'scheduled', @idempotency_key, @body,
                @due_ms, @time_zone, @due_local, 0, NULL, @now, @now)`),
      adoptMedia: db.prepare('UPDATE media SET outbox_id = ?, draft_id = NULL WHERE draft_id = ?'),
      draftMediaIds: db.prepare('SELECT id FROM media WHERE draft_id = ? ORDER BY position, id'),
      copyMedia: db.prepare(`
        INSERT INTO media (id, draft_id, outbox_id, position, file_name, mime_type, size, alt, bytes, created_at)
        SELECT ?, NULL, ?, position, file_name, mime_type, size, alt, bytes, ? FROM media WHERE id = ?`),
      planned: db.prepare(`SELECT id, due_ms, due_local, time_zone FROM outbox WHERE state = 'scheduled' AND due_local IS NOT NULL AND time_zone IS NOT NULL`),
      setDue: db.prepare(`UPDATE outbox SET due_ms = ? WHERE id = ? AND state = 'scheduled'`),
      get: db.prepare('SELECT * FROM outbox WHERE id = ?'),
      list: db.prepare(`SELECT * FROM outbox WHERE workspace_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`),
      due: db.prepare(`SELECT * FROM outbox WHERE state = 'scheduled' AND due_ms <= ? ORDER BY due_ms, rowid`),
      nextDue: db.prepare(`SELECT MIN(due_ms) AS due FROM outbox WHERE state = 'scheduled'`),
      publishing: db.prepare(`SELECT * FROM outbox WHERE state = 'publishing' ORDER BY due_ms, rowid`),
      begin: db.prepare(`UPDATE outbox SET state = 'publishing', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = ?`),
      published: db.prepare(`
        UPDATE outbox SET state = 'published', remote_id = ?, remote_url = ?, item_id = ?, published_at = ?, error = NULL, updated_at = ?
        WHERE id = ? AND state = 'publishing'`),
      reschedule: db.prepare(`UPDATE outbox SET state = 'scheduled', due_ms = ?, error = ?, updated_at = ? WHERE id = ? AND state = 'publishing'`),
      fail: db.prepare(`UPDATE outbox SET state = 'failed', error = ?, updated_at = ? WHERE id = ? AND state = ?`),
      retry: db.prepare(
        `UPDATE outbox SET state = 'scheduled', due_ms = ?, due_local = COALESCE(?, due_local), error = NULL, updated_at = ? WHERE id = ? AND state = 'failed'`,
      ),
      media: db.prepare('SELECT id, position, file_name, mime_type, size, alt, bytes FROM media WHERE outbox_id = ? ORDER BY position, id'),
      dropMedia: db.prepare('DELETE FROM media WHERE outbox_id = ?'),
      itemId: db.prepare('SELECT id FROM items WHERE network = ? AND remote_id = ?'),
      inboxStream: db.prepare(`SELECT id FROM streams WHERE role = 'inbox' AND account_id = ? ORDER BY created_at, id LIMIT 1`),
      replyTarget: db.prepare('SELECT network, remote_id, raw FROM items WHERE id = ?'),
      workspaceExists: db.prepare('SELECT 1 FROM workspaces WHERE id = ?'),
    };
  }

  /** Inserts an entry in state 'scheduled' and moves the draft's media rows to it. */
  insert(row: NewOutboxRow, mediaFromDraftId: string | null, now: Date): OutboxRow {
    const id = randomUUID();
    this.s.insert.run({
      id,
      workspace_id: row.workspaceId,
      account_id: row.accountId,
      network: row.network,
      inbox_id: row.inboxItemId,
      reply_to_item: row.replyToItemId,
      idempotency_key: row.idempotencyKey,
      body: JSON.stringify(row.body),
      due_ms: row.dueMs,
      time_zone: row.timeZone,
      due_local: row.dueLocal,
      now: now.toISOString(),
    });
    if (mediaFromDraftId !== null) this.s.adoptMedia.run(id, mediaFromDraftId);
    return this.get(id)!;
  }

  /** Copies the draft's media rows (bytes included) to an entry; the draft keeps its own for the next account. */
  copyDraftMedia(draftId: string, outboxId: string, now: Date): void {
    for (const { id } of this.s.draftMediaIds.all(draftId) as { id: string }[]) this.s.copyMedia.run(randomUUID(), outboxId, now.toISOString(), id);
  }

  /** Scheduled entries planned for a wall time, to derive their instants afresh. */
  planned(): Array<Pick<OutboxRow, 'id' | 'due_ms'> & { due_local: string; time_zone: string }> {
    return this.s.planned.all() as Array<Pick<OutboxRow, 'id' | 'due_ms'> & { due_local: string; time_zone: string }>;
  }

  setDue(id: string, dueMs: number): void {
    this.s.setDue.run(dueMs, id);
  }

  get(id: string): OutboxRow | null {
    return (this.s.get.get(id) as OutboxRow | undefined) ?? null;
  }

  list(workspaceId: string, states: readonly OutboxState[] | undefined, limit: number): OutboxRow[] {
    if (!states) return this.s.list.all(workspaceId, limit) as OutboxRow[];
    const marks = states.map(() => '?').join(', ');
    return this.db
      .prepare(`SELECT * FROM outbox WHERE workspace_id = ? AND state IN (${marks}) ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(workspaceId, ...states, limit) as OutboxRow[];
  }

  workspaceExists(workspaceId: string): boolean {
    return this.s.workspaceExists.get(workspaceId) !== undefined;
  }

  /** Entries due by `nowMs`, oldest due first. */
  due(nowMs: number): OutboxRow[] {
    return this.s.due.all(nowMs) as OutboxRow[];
  }

  /** When the next scheduled entry is due, or null when none waits. */
  nextDueMs(): number | null {
    return (this.s.nextDue.get() as { due: number | null }).due;
  }

  /** Entries a previous run left in 'publishing' (a crash, a kill, a power cut). */
  publishing(): OutboxRow[] {
    return this.s.publishing.all() as OutboxRow[];
  }

  /** scheduled (or publishing, when reconciling) -> publishing, one more attempt. */
  begin(id: string, from: 'scheduled' | 'publishing', now: Date): boolean {
    return this.s.begin.run(now.toISOString(), id, from).changes === 1;
  }

  markPublished(id: string, result: { remoteId: string; url: string | null; itemId: number | null; publishedAt: Date }, now: Date): boolean {
    return this.s.published.run(result.remoteId, result.url, result.itemId, result.publishedAt.toISOString(), now.toISOString(), id).changes === 1;
  }

  /** publishing -> scheduled again at `dueMs`, keeping the reason of the failed attempt. */
  reschedule(id: string, dueMs: number, error: OutboxError, now: Date): boolean {
    return this.s.reschedule.run(dueMs, JSON.stringify(error), now.toISOString(), id).changes === 1;
  }

  fail(id: string, from: OutboxState, error: OutboxError, now: Date): boolean {
    return this.s.fail.run(JSON.stringify(error), now.toISOString(), id, from).changes === 1;
  }

  /** failed -> scheduled, due now (planned for `dueLocal` now, if it has a wall time), reason cleared. */
  retry(id: string, now: Date, dueLocal: string | null = null): boolean {
    return this.s.retry.run(now.getTime(), dueLocal, now.toISOString(), id).changes === 1;
  }

  media(outboxId: string): OutboxMediaRow[] {
    return this.s.media.all(outboxId) as OutboxMediaRow[];
  }

  /** The bytes are not needed once the network has them. */
  dropMedia(outboxId: string): void {
    this.s.dropMedia.run(outboxId);
  }

  /** The local id of a stored item, by network and remote id. */
  itemIdOf(network: Network, remoteId: string): number | null {
    return (this.s.itemId.get(network, remoteId) as { id: number } | undefined)?.id ?? null;
  }

  /** The account's hidden inbox stream, where its own posts are stored so threads and histories show them. */
  inboxStreamOf(accountId: string): string | null {
    return (this.s.inboxStream.get(accountId) as { id: string } | undefined)?.id ?? null;
  }

  replyTarget(itemId: number): { network: Network; remoteId: string; raw: unknown } | null {
    const row = this.s.replyTarget.get(itemId) as { network: Network; remote_id: string; raw: string | null } | undefined;
    return row ? { network: row.network, remoteId: row.remote_id, raw: safeJson(row.raw) } : null;
  }
}

function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
