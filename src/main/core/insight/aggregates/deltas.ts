import type { Statement } from 'better-sqlite3';
import type { InquiryType, Sentiment } from '../../../../shared/contract/analysis';
import type { Db } from '../../store/database';
import { dayOf, hourOf } from './time';

/** What the aggregates need to know about an item (as stored, not as a connector last saw it). */
export interface ItemFacts {
  createdMs: number;
  network: string;
  authorId: number | null;
  /** likes + reposts + replies, nulls as 0. */
  engagement: number;
}

/** An item's analysis as far as the aggregates care; null while it waits for its first analysis. */
export type ItemClass = { sentiment: Sentiment; inquiry: InquiryType } | null;

interface HourDelta {
  total: number;
  positive: number;
  neutral: number;
  negative: number;
  unanalysed: number;
  question: number;
  complaint: number;
  praise: number;
  engagement: number;
}

interface StreamHour extends HourDelta {
  streamId: string;
  hourMs: number;
}

interface WorkspaceHour extends HourDelta {
  workspaceId: string;
  hourMs: number;
  network: string;
}

interface AuthorDay {
  workspaceId: string;
  authorId: number;
  dayMs: number;
  items: number;
  negative: number;
  engagement: number;
}

const emptyHour = (): HourDelta => ({
  total: 0,
  positive: 0,
  neutral: 0,
  negative: 0,
  unanalysed: 0,
  question: 0,
  complaint: 0,
  praise: 0,
  engagement: 0,
});

/** Moves one item into (sign 1) or out of (sign -1) a class's counters. */
function countClass(delta: HourDelta, cls: ItemClass, sign: number): void {
  if (cls === null) {
    delta.unanalysed += sign;
    return;
  }
  delta[cls.sentiment] += sign;
  if (cls.inquiry !== 'other') delta[cls.inquiry] += sign;
}

const isNegative = (cls: ItemClass): number => (cls?.sentiment === 'negative' ? 1 : 0);

/**
 * Changes to the three aggregate tables, summed in memory and written once per batch: a poll's
 * items mostly share a few hours, so a batch of hundreds becomes a handful of upserts instead of
 * three writes per item on the ingest path.
 */
export class AggregateDeltas {
  private readonly streamHours = new Map<string, StreamHour>();
  private readonly workspaceHours = new Map<string, WorkspaceHour>();
  private readonly authorDays = new Map<string, AuthorDay>();

  get isEmpty(): boolean {
    return this.streamHours.size === 0 && this.workspaceHours.size === 0 && this.authorDays.size === 0;
  }

  /** A stream shows the item now; `workspaceId` is set when no other stream of its workspace did. */
  addLink(streamId: string, workspaceId: string | null, item: ItemFacts, cls: ItemClass): void {
    const stream = this.streamHour(streamId, item.createdMs);
    stream.total += 1;
    stream.engagement += item.engagement;
    countClass(stream, cls, 1);
    if (workspaceId === null) return;
    const workspace = this.workspaceHour(workspaceId, item);
    workspace.total += 1;
    workspace.engagement += item.engagement;
    countClass(workspace, cls, 1);
    if (item.authorId === null) return;
    const author = this.authorDay(workspaceId, item.authorId, item.createdMs);
    author.items += 1;
    author.negative += isNegative(cls);
    author.engagement += item.engagement;
  }

  /** The item was (re-)analysed: it leaves its old class for the new one wherever it is counted. */
  reclassify(streamIds: readonly string[], workspaceIds: readonly string[], item: ItemFacts, from: ItemClass, to: ItemClass): void {
    for (const streamId of streamIds) {
      const stream = this.streamHour(streamId, item.createdMs);
      countClass(stream, from, -1);
      countClass(stream, to, 1);
    }
    const negative = isNegative(to) - isNegative(from);
    for (const workspaceId of workspaceIds) {
      const workspace = this.workspaceHour(workspaceId, item);
      countClass(workspace, from, -1);
      countClass(workspace, to, 1);
      if (item.authorId !== null && negative !== 0) this.authorDay(workspaceId, item.authorId, item.createdMs).negative += negative;
    }
  }

  /** The item's likes, reposts or replies moved by `delta` since they were counted. */
  engagementChanged(streamIds: readonly string[], workspaceIds: readonly string[], item: ItemFacts, delta: number): void {
    for (const streamId of streamIds) this.streamHour(streamId, item.createdMs).engagement += delta;
    for (const workspaceId of workspaceIds) {
      this.workspaceHour(workspaceId, item).engagement += delta;
      if (item.authorId !== null) this.authorDay(workspaceId, item.authorId, item.createdMs).engagement += delta;
    }
  }

  clear(): void {
    this.streamHours.clear();
    this.workspaceHours.clear();
    this.authorDays.clear();
  }

  private streamHour(streamId: string, createdMs: number): StreamHour {
    const hourMs = hourOf(createdMs);
    const key = `${streamId}|${hourMs}`;
    let row = this.streamHours.get(key);
    if (!row) this.streamHours.set(key, (row = { streamId, hourMs, ...emptyHour() }));
    return row;
  }

  private workspaceHour(workspaceId: string, item: ItemFacts): WorkspaceHour {
    const hourMs = hourOf(item.createdMs);
    const key = `${workspaceId}|${hourMs}|${item.network}`;
    let row = this.workspaceHours.get(key);
    if (!row) this.workspaceHours.set(key, (row = { workspaceId, hourMs, network: item.network, ...emptyHour() }));
    return row;
  }

  private authorDay(workspaceId: string, authorId: number, createdMs: number): AuthorDay {
    const dayMs = dayOf(createdMs);
    const key = `${workspaceId}|${authorId}|${dayMs}`;
    let row = this.authorDays.get(key);
    if (!row) this.authorDays.set(key, (row = { workspaceId, authorId, dayMs, items: 0, negative: 0, engagement: 0 }));
    return row;
  }

  /** @internal for AggregateWriter */
  rows(): { streamHours: Iterable<StreamHour>; workspaceHours: Iterable<WorkspaceHour>; authorDays: Iterable<AuthorDay> } {
    return { streamHours: this.streamHours.values(), workspaceHours: this.workspaceHours.values(), authorDays: this.authorDays.values() };
  }
}

const HOUR_COLUMNS = ['total', 'positive', 'neutral', 'negative', 'unanalysed', 'question', 'complaint', 'praise', 'engagement'] as const;
const addExcluded = (columns: readonly string[]) => columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
const isZero = (row: HourDelta) => HOUR_COLUMNS.every((c) => row[c] === 0);

/** Writes AggregateDeltas with one upsert per touched row. Call inside the transaction that made the change. */
export class AggregateWriter {
  private readonly upsertStreamHour: Statement;
  private readonly upsertWorkspaceHour: Statement;
  private readonly upsertAuthorDay: Statement;

  constructor(db: Db) {
    const values = HOUR_COLUMNS.map((c) => `@${c}`).join(', ');
    this.upsertStreamHour = db.prepare(`
      INSERT INTO stream_hour_stats (stream_id, hour_ms, ${HOUR_COLUMNS.join(', ')}) VALUES (@streamId, @hourMs, ${values})
      ON CONFLICT (stream_id, hour_ms) DO UPDATE SET ${addExcluded(HOUR_COLUMNS)}`);
    this.upsertWorkspaceHour = db.prepare(`
      INSERT INTO workspace_hour_stats (workspace_id, hour_ms, network, ${HOUR_COLUMNS.join(', ')})
      VALUES (@workspaceId, @hourMs, @network, ${values})
      ON CONFLICT (workspace_id, hour_ms, network) DO UPDATE SET ${addExcluded(HOUR_COLUMNS)}`);
    this.upsertAuthorDay = db.prepare(`
      INSERT INTO workspace_author_day (workspace_id, author_id, day_ms, items, negative, engagement)
      VALUES (@workspaceId, @authorId, @dayMs, @items, @negative, @engagement)
      ON CONFLICT (workspace_id, author_id, day_ms) DO UPDATE SET ${addExcluded(['items', 'negative', 'engagement'])}`);
  }

  /** Writes and clears the deltas. */
  flush(deltas: AggregateDeltas): void {
    if (deltas.isEmpty) return;
    const { streamHours, workspaceHours, authorDays } = deltas.rows();
    for (const row of streamHours) if (!isZero(row)) this.upsertStreamHour.run(row);
    for (const row of workspaceHours) if (!isZero(row)) this.upsertWorkspaceHour.run(row);
    for (const row of authorDays) {
      if (row.items !== 0 || row.negative !== 0 || row.engagement !== 0) this.upsertAuthorDay.run(row);
    }
    deltas.clear();
  }
}
