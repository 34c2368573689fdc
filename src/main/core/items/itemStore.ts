import type { Statement } from 'better-sqlite3';
import type {
  IncomingItem,
  ItemAuthor,
  ItemMedia,
  ItemSearchFilters,
  Network,
  PageCursor,
  StoredItem,
} from '../../../shared/contract/items';
import type { Db } from '../store/database';
import type { PolledItem } from '../connectors/connector';
import { toFtsQuery } from './ftsQuery';
import { IngestAggregates, type IngestChange } from '../insight/aggregates/ingestAggregates';
import type { ItemFacts } from '../insight/aggregates/deltas';
import { INQUIRY_TYPES, SENTIMENTS, type InquiryType, type ItemAnalysis, type Sentiment } from '../../../shared/contract/analysis';

/** An item on its way into the store, with the network's own payload kept for later re-analysis. */
export type IngestItem = PolledItem;

export interface IngestResult {
  /** Items this stream had not shown before (new to the store or new to the stream). */
  added: number;
  /** Of those, items the store had never seen at all. */
  created: number;
}

export interface ItemPage {
  items: StoredItem[];
  /** Null when the page reached the end of the column. */
  next: PageCursor | null;
}

interface ItemRow {
  id: number;
  network: Network;
  remote_id: string;
  url: string | null;
  title: string | null;
  text: string;
  html: string | null;
  created_at: string;
  created_ms: number;
  language: string | null;
  reply_to: string | null;
  quote_of: string | null;
  media: string;
  replies: number | null;
  reposts: number | null;
  likes: number | null;
  read: number;
  a_remote_id: string | null;
  a_handle: string | null;
  a_display_name: string | null;
  a_avatar_url: string | null;
  a_url: string | null;
  a_followers: number | null;
  ia_language: string | null;
  ia_sentiment: string | null;
  ia_score: number | null;
  ia_inquiry: string | null;
  ia_model_version: string | null;
}

const ITEM_COLUMNS = `
  i.id, i.network, i.remote_id, i.url, i.title, i.text, i.html, i.created_at, i.created_ms, i.language,
  i.reply_to, i.quote_of, i.media, i.replies, i.reposts, i.likes,
  a.remote_id AS a_remote_id, a.handle AS a_handle, a.display_name AS a_display_name,
  a.avatar_url AS a_avatar_url, a.url AS a_url, a.followers AS a_followers,
  ia.language AS ia_language, ia.sentiment AS ia_sentiment, ia.score AS ia_score, ia.inquiry AS ia_inquiry,
  ia.model_version AS ia_model_version`;
/** Every read with ITEM_COLUMNS joins these (the analysis is absent until the item's turn in the queue). */
const ITEM_JOINS = 'LEFT JOIN authors a ON a.id = i.author_id LEFT JOIN item_analysis ia ON ia.item_id = i.id';

export interface ItemStoreOptions {
  /** After each write that changed aggregates or queued items for analysis (inside its transaction). */
  onChange?: (change: IngestChange) => void;
}

interface ExistingItemRow {
  id: number;
  title: string | null;
  text: string;
  created_ms: number;
  author_id: number | null;
  replies: number | null;
  reposts: number | null;
  likes: number | null;
}

const LINK_PATTERN = /https?:\/\/\S/i;
const AUTHOR_CACHE_SIZE = 20_000;

/**
 * Items in SQLite: deduplicated ingest with the full-text index filled in the same transaction,
 * keyset-paged columns, scoped search, read state. Every method is synchronous and short; the
 * caller decides about batching.
 */
export class ItemStore {
  private readonly statements: ReturnType<typeof prepare>;
  /** Recently written authors: row id and what was written, so unchanged authors are not written again. */
  private readonly authorCache = new Map<string, { id: number; signature: string }>();
  /** The dashboard's hourly aggregates and the analysis queue, kept in the same transactions. */
  private readonly aggregates: IngestAggregates;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly options: ItemStoreOptions = {},
  ) {
    this.statements = prepare(db);
    this.aggregates = new IngestAggregates(db);
  }

  /** Stores a batch for one stream in one transaction; safe to repeat (idempotent per item). */
  ingest(streamId: string, items: readonly IngestItem[]): IngestResult {
    try {
      return this.db.transaction(() => this.ingestInTransaction(streamId, items))();
    } catch (error) {
      this.discardCachedAuthors(); // the commit itself can fail (a full disk)
      throw error;
    }
  }

  /**
   * The same, for callers that already hold a transaction (the poller stores items and moves
   * its cursor in one).
   */
  ingestInTransaction(streamId: string, items: readonly IngestItem[]): IngestResult {
    const seenAt = this.now().toISOString();
    let added = 0;
    let created = 0;
    try {
      const workspaceId = this.aggregates.workspaceOf(streamId);
      for (const item of items) {
        const stored = this.upsert(item, seenAt);
        if (stored.created) created++;
        const linked = this.statements.addToStream.run(streamId, stored.id, stored.facts.createdMs).changes;
        if (linked > 0 && workspaceId !== null) this.aggregates.linked(streamId, workspaceId, stored.id, stored.facts, stored.created);
        added += linked;
      }
      this.flushAggregates();
    } catch (error) {
      this.discardCachedAuthors();
      this.aggregates.discard();
      throw error;
    }
    return { added, created };
  }

  /**
   * Forgets the cached author ids. A caller whose own transaction around ingestInTransaction
   * rolls back must call this: the authors written in it are gone, their ids must not be reused.
   */
  discardCachedAuthors(): void {
    this.authorCache.clear();
  }

  /**
   * Stores items outside any stream (a thread's posts): deduplicated and indexed as ingest does,
   * counts and edits refreshed. A thread knows reply and quote parents better than a poll did
   * (Mastodon gives a parent's URI only when the parent came along), so a known reference
   * replaces the stored one. Returns their local ids in the order given. Such items stay until
   * the next collectOrphans (a stream or workspace removed) unless a stream pulls them in too.
   */
  upsertItems(items: readonly IngestItem[]): number[] {
    try {
      return this.db.transaction(() => {
        const seenAt = this.now().toISOString();
        const ids = items.map((item) => this.upsert(item, seenAt, true).id);
        this.flushAggregates();
        return ids;
      })();
    } catch (error) {
      this.discardCachedAuthors();
      this.aggregates.discard();
      throw error;
    }
  }

  /**
   * An item as a workspace sees it, if one of the workspace's streams shows it: the item, its
   * stored network payload, and the accounts of the streams showing it (null for public sources).
   */
  inWorkspace(workspaceId: string, itemId: number): { item: StoredItem; raw: unknown; accountIds: Array<string | null> } | null {
    const streams = this.statements.showingStreams.all(itemId, workspaceId) as Array<{ account_id: string | null }>;
    if (streams.length === 0) return null;
    const [item] = this.forWorkspace(workspaceId, [itemId]);
    if (!item) return null;
    const { raw } = this.statements.raw.get(itemId) as { raw: string | null };
    return { item, raw: parseJson(raw), accountIds: streams.map((s) => s.account_id) };
  }

  /**
   * Items by local id, in the order given (unknown ids left out). `read` is the workspace's read
   * state: true when every column of the workspace showing the item has it read, false when one
   * has it unread or none shows it.
   */
  forWorkspace(workspaceId: string, ids: readonly number[]): StoredItem[] {
    const out: StoredItem[] = [];
    for (const id of ids) {
      const row = this.statements.itemForWorkspace.get(workspaceId, workspaceId, id) as ItemRow | undefined;
      if (row) out.push(toStoredItem(row));
    }
    return out;
  }

  private flushAggregates(): void {
    const change = this.aggregates.flush();
    if (change.queued > 0 || change.workspaceIds.length > 0) this.options.onChange?.(change);
  }

  private upsert(item: IngestItem, seenAt: string, refreshRefs = false): { id: number; created: boolean; facts: ItemFacts } {
    const s = this.statements;
    const authorId = item.author ? this.authorId(item.network, item.author) : null;
    const createdMs = toEpochMs(item.createdAt, seenAt);
    // Insert first: new items are the common case, and the unique index answers for both.
    const inserted = s.insertItem.get({
      network: item.network,
      remote_id: item.remoteId,
      url: item.url,
      author_id: authorId,
      title: item.title,
      text: item.text,
      html: item.html,
      created_at: item.createdAt,
      created_ms: createdMs,
      language: item.language,
      reply_to: item.replyToRemoteId,
      quote_of: item.quoteOfRemoteId,
      media: JSON.stringify(item.media),
      replies: item.counts.replies,
      reposts: item.counts.reposts,
      likes: item.counts.likes,
      has_link: hasLink(item) ? 1 : 0,
      raw: item.raw === undefined ? null : JSON.stringify(item.raw),
      first_seen_at: seenAt,
    }) as { id: number } | undefined;
    if (inserted) {
      s.insertFts.run(inserted.id, item.title ?? '', item.text, authorText(item.author));
      this.aggregates.enqueue(inserted.id);
      const engagement = (item.counts.likes ?? 0) + (item.counts.reposts ?? 0) + (item.counts.replies ?? 0);
      return { id: inserted.id, created: true, facts: { createdMs, network: item.network, authorId, engagement } };
    }
    const existing = s.findItem.get(item.network, item.remoteId) as ExistingItemRow;
    // Counts move all the time; text changes when a post is edited.
    s.updateCounts.run(item.counts.replies, item.counts.reposts, item.counts.likes, existing.id);
    const before = (existing.likes ?? 0) + (existing.reposts ?? 0) + (existing.replies ?? 0);
    const after =
      (item.counts.likes ?? existing.likes ?? 0) + (item.counts.reposts ?? existing.reposts ?? 0) + (item.counts.replies ?? existing.replies ?? 0);
    // The aggregates follow the item as stored (its first time and author), not this copy of it.
    const facts: ItemFacts = { createdMs: existing.created_ms, network: item.network, authorId: existing.author_id, engagement: after };
    if (after !== before) this.aggregates.engagementChanged(existing.id, facts, after - before);
    if (refreshRefs) s.updateRefs.run(item.replyToRemoteId, item.quoteOfRemoteId, existing.id);
    if (existing.text !== item.text || existing.title !== item.title) {
      s.updateText.run(item.title, item.text, item.html, hasLink(item) ? 1 : 0, existing.id);
      s.deleteFts.run(existing.id);
      s.insertFts.run(existing.id, item.title ?? '', item.text, authorText(item.author));
      this.aggregates.enqueue(existing.id);
    }
    return { id: existing.id, created: false, facts };
  }

  /** One page of a column, newest first, strictly older than `after`. */
  page(streamId: string, after: PageCursor | null, limit = 50): ItemPage {
    const rows = (
      after
        ? this.statements.pageAfter.all(streamId, after.createdMs, after.id, limit + 1)
        : this.statements.pageFirst.all(streamId, limit + 1)
    ) as ItemRow[];
    return toPage(rows, limit);
  }

  /** Items of a stream newer than the newest the column already shows (for live arrival). */
  newerThan(streamId: string, newest: PageCursor, limit = 200): StoredItem[] {
    const rows = this.statements.newer.all(streamId, newest.createdMs, newest.id, limit) as ItemRow[];
    return rows.map(toStoredItem);
  }

  unreadCount(streamId: string): number {
    return (this.statements.unread.get(streamId) as { n: number }).n;
  }

  /** Marks items read in every stream of the workspace that shows them. */
  markRead(workspaceId: string, itemIds: readonly number[], read = true): number {
    let changed = 0;
    this.db.transaction(() => {
      for (const id of itemIds) changed += this.statements.markRead.run(read ? 1 : 0, id, workspaceId).changes;
    })();
    return changed;
  }

  markStreamRead(streamId: string): number {
    return this.statements.markStreamRead.run(streamId).changes;
  }

  /**
   * Full-text search over everything the workspace's streams ever pulled in, most recently pulled
   * in first. That order (the row id) lets FTS5 walk its index backwards and stop after one page,
   * where sorting by the post's own time would have to collect every match of a common word
   * first (hundreds of milliseconds over a million items). Items arrive roughly as they are
   * posted, so the two orders differ only for backfilled history.
   */
  search(workspaceId: string, text: string, filters: ItemSearchFilters = {}, after: PageCursor | null = null, limit = 50): ItemPage {
    const match = toFtsQuery(text);
    const where: string[] = [];
    const params: unknown[] = [];
    let from = 'items i';
    if (match) {
      from = 'items_fts f JOIN items i ON i.id = f.rowid';
      where.push('items_fts MATCH ?');
      params.push(match);
    }
    const streamScope = ['s.workspace_id = ?'];
    params.push(workspaceId);
    if (filters.streamIds?.length) {
      streamScope.push(`si.stream_id IN (${filters.streamIds.map(() => '?').join(', ')})`);
      params.push(...filters.streamIds);
    }
    where.push(
      `EXISTS (SELECT 1 FROM stream_items si JOIN streams s ON s.id = si.stream_id WHERE si.item_id = i.id AND ${streamScope.join(' AND ')})`,
    );
    if (filters.networks?.length) {
      where.push(`i.network IN (${filters.networks.map(() => '?').join(', ')})`);
      params.push(...filters.networks);
    }
    if (filters.author) {
      where.push("(a.handle LIKE ? ESCAPE '\\' OR a.display_name LIKE ? ESCAPE '\\')");
      const pattern = `%${filters.author.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(pattern, pattern);
    }
    if (filters.from) {
      where.push('i.created_ms >= ?');
      params.push(Date.parse(filters.from));
    }
    if (filters.to) {
      where.push('i.created_ms <= ?');
      params.push(Date.parse(filters.to));
    }
    if (filters.language) {
      where.push('(i.language = ? OR i.language LIKE ?)');
      params.push(filters.language, `${filters.language}-%`);
    }
    if (filters.hasLink !== undefined) {
      where.push('i.has_link = ?');
      params.push(filters.hasLink ? 1 : 0);
    }
    if (after) {
      where.push('i.id < ?');
      params.push(after.id);
    }
    const sql = `
      SELECT ${ITEM_COLUMNS},
        NOT EXISTS (SELECT 1 FROM stream_items r JOIN streams rs ON rs.id = r.stream_id
                    WHERE r.item_id = i.id AND rs.workspace_id = ? AND r.read = 0) AS read
      FROM ${from} ${ITEM_JOINS}
      WHERE ${where.join(' AND ')}
      ORDER BY ${match ? 'f.rowid' : 'i.id'} DESC
      LIMIT ?`;
    const rows = this.db.prepare(sql).all(workspaceId, ...params, limit + 1) as ItemRow[];
    return toPage(rows, limit);
  }

  /**
   * Drops items no stream shows any more (after a stream or workspace was removed), with their
   * index entries. Returns how many went.
   */
  collectOrphans(): number {
    return this.db.transaction(() => {
      const orphans = this.statements.orphans.all() as Array<{ id: number }>;
      for (const { id } of orphans) {
        this.statements.deleteFts.run(id);
        this.statements.deleteItem.run(id);
      }
      return orphans.length;
    })();
  }

  /**
   * The author's row id, writing the author only when something about them changed since this
   * store last wrote them: the same people post again and again, and the upsert was a quarter of
   * ingest time.
   */
  private authorId(network: Network, author: ItemAuthor): number {
    const key = `${network}\u0000${author.remoteId}`;
    const signature = `${author.handle}\u0000${author.displayName}\u0000${author.avatarUrl}\u0000${author.url}\u0000${author.followers}`;
    const cached = this.authorCache.get(key);
    if (cached?.signature === signature) return cached.id;
    const { id } = this.statements.upsertAuthor.get({
      network,
      remote_id: author.remoteId,
      handle: author.handle,
      display_name: author.displayName,
      avatar_url: author.avatarUrl,
      url: author.url,
      followers: author.followers,
    }) as { id: number };
    if (this.authorCache.size >= AUTHOR_CACHE_SIZE) this.authorCache.delete(this.authorCache.keys().next().value!);
    this.authorCache.set(key, { id, signature });
    return id;
  }
}

function prepare(db: Db) {
  const page = (condition: string): Statement =>
    db.prepare(`
      SELECT ${ITEM_COLUMNS}, si.read AS read
      FROM stream_items si
      JOIN items i ON i.id = si.item_id
      ${ITEM_JOINS}
      WHERE si.stream_id = ? ${condition}
      ORDER BY si.created_ms DESC, si.item_id DESC
      LIMIT ?`);
  return {
    findItem: db.prepare('SELECT id, title, text, created_ms, author_id, replies, reposts, likes FROM items WHERE network = ? AND remote_id = ?'),
    insertItem: db.prepare(`
      INSERT INTO items (network, remote_id, url, author_id, title, text, html, created_at, created_ms, language,
                         reply_to, quote_of, media, replies, reposts, likes, has_link, raw, first_seen_at)
      VALUES (@network, @remote_id, @url, @author_id, @title, @text, @html, @created_at, @created_ms, @language,
              @reply_to, @quote_of, @media, @replies, @reposts, @likes, @has_link, @raw, @first_seen_at)
      ON CONFLICT (network, remote_id) DO NOTHING
      RETURNING id`),
    updateCounts: db.prepare(`
      UPDATE items SET replies = COALESCE(?, replies), reposts = COALESCE(?, reposts), likes = COALESCE(?, likes)
      WHERE id = ?`),
    updateRefs: db.prepare('UPDATE items SET reply_to = COALESCE(?, reply_to), quote_of = COALESCE(?, quote_of) WHERE id = ?'),
    updateText: db.prepare('UPDATE items SET title = ?, text = ?, html = ?, has_link = ? WHERE id = ?'),
    insertFts: db.prepare('INSERT INTO items_fts (rowid, title, text, author) VALUES (?, ?, ?, ?)'),
    deleteFts: db.prepare('DELETE FROM items_fts WHERE rowid = ?'),
    deleteItem: db.prepare('DELETE FROM items WHERE id = ?'),
    upsertAuthor: db.prepare(`
      INSERT INTO authors (network, remote_id, handle, display_name, avatar_url, url, followers)
      VALUES (@network, @remote_id, @handle, @display_name, @avatar_url, @url, @followers)
      ON CONFLICT (network, remote_id) DO UPDATE SET
        handle = COALESCE(excluded.handle, handle),
        display_name = COALESCE(excluded.display_name, display_name),
        avatar_url = COALESCE(excluded.avatar_url, avatar_url),
        url = COALESCE(excluded.url, url),
        followers = COALESCE(excluded.followers, followers)
      RETURNING id`),
    addToStream: db.prepare('INSERT OR IGNORE INTO stream_items (stream_id, item_id, created_ms) VALUES (?, ?, ?)'),
    pageFirst: page(''),
    pageAfter: page('AND (si.created_ms, si.item_id) < (?, ?)'),
    newer: db.prepare(`
      SELECT * FROM (
        SELECT ${ITEM_COLUMNS}, si.read AS read
        FROM stream_items si
        JOIN items i ON i.id = si.item_id
        ${ITEM_JOINS}
        WHERE si.stream_id = ? AND (si.created_ms, si.item_id) > (?, ?)
        ORDER BY si.created_ms ASC, si.item_id ASC
        LIMIT ?)
      ORDER BY created_ms DESC, id DESC`),
    unread: db.prepare('SELECT COUNT(*) AS n FROM stream_items WHERE stream_id = ? AND read = 0'),
    markRead: db.prepare(`
      UPDATE stream_items SET read = ?
      WHERE item_id = ? AND stream_id IN (SELECT id FROM streams WHERE workspace_id = ?)`),
    markStreamRead: db.prepare('UPDATE stream_items SET read = 1 WHERE stream_id = ? AND read = 0'),
    orphans: db.prepare('SELECT id FROM items WHERE NOT EXISTS (SELECT 1 FROM stream_items WHERE item_id = items.id)'),
    showingStreams: db.prepare(`
      SELECT s.account_id FROM stream_items si JOIN streams s ON s.id = si.stream_id
      WHERE si.item_id = ? AND s.workspace_id = ? ORDER BY s.position`),
    raw: db.prepare('SELECT raw FROM items WHERE id = ?'),
    itemForWorkspace: db.prepare(`
      SELECT ${ITEM_COLUMNS},
        (EXISTS (SELECT 1 FROM stream_items r JOIN streams rs ON rs.id = r.stream_id WHERE r.item_id = i.id AND rs.workspace_id = ?)
         AND NOT EXISTS (SELECT 1 FROM stream_items r JOIN streams rs ON rs.id = r.stream_id
                         WHERE r.item_id = i.id AND rs.workspace_id = ? AND r.read = 0)) AS read
      FROM items i ${ITEM_JOINS}
      WHERE i.id = ?`),
  };
}

function toPage(rows: ItemRow[], limit: number): ItemPage {
  // One row more than asked for tells whether there is a next page, without a COUNT.
  const lastRow = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map(toStoredItem),
    next: lastRow ? { createdMs: lastRow.created_ms, id: lastRow.id } : null,
  };
}

function toStoredItem(row: ItemRow): StoredItem {
  return {
    id: row.id,
    network: row.network,
    remoteId: row.remote_id,
    url: row.url,
    author:
      row.a_remote_id === null
        ? null
        : {
            remoteId: row.a_remote_id,
            handle: row.a_handle,
            displayName: row.a_display_name,
            avatarUrl: row.a_avatar_url,
            url: row.a_url,
            followers: row.a_followers,
          },
    title: row.title,
    text: row.text,
    html: row.html,
    createdAt: row.created_at,
    language: row.language,
    replyToRemoteId: row.reply_to,
    quoteOfRemoteId: row.quote_of,
    media: parseMedia(row.media),
    counts: { replies: row.replies, reposts: row.reposts, likes: row.likes },
    read: row.read === 1,
    analysis: toAnalysis(row),
  };
}

function parseJson(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function parseMedia(json: string): ItemMedia[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as ItemMedia[]) : [];
  } catch {
    return [];
  }
}

function toEpochMs(iso: string, fallbackIso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Date.parse(fallbackIso) : ms;
}

function hasLink(item: IncomingItem): boolean {
  return LINK_PATTERN.test(item.text) || (item.html !== null && /<a\s[^>]*href=/i.test(item.html));
}

function authorText(author: ItemAuthor | null): string {
  return author ? [author.displayName, author.handle].filter(Boolean).join(' ') : '';
}

const SENTIMENT_SET: ReadonlySet<string> = new Set(SENTIMENTS);
const INQUIRY_SET: ReadonlySet<string> = new Set(INQUIRY_TYPES);

/** The stored analysis, or null while there is none (or a row this version cannot read). */
function toAnalysis(row: ItemRow): ItemAnalysis | null {
  if (row.ia_sentiment === null || !SENTIMENT_SET.has(row.ia_sentiment) || !INQUIRY_SET.has(row.ia_inquiry ?? '')) return null;
  return {
    language: row.ia_language === 'de' || row.ia_language === 'en' ? row.ia_language : null,
    sentiment: row.ia_sentiment as Sentiment,
    score: Math.max(-1, Math.min(1, row.ia_score ?? 0)),
    inquiry: row.ia_inquiry as InquiryType,
    modelVersion: row.ia_model_version ?? '',
  };
}
