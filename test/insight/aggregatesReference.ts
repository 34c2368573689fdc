import type { Db } from '../../src/main/core/store/database';
import type { Analyzer } from '../../src/main/core/insight/analysis';
import type { ItemAnalysis } from '../../src/shared/contract/analysis';

// The aggregates as a direct query over the raw items would compute them: what the hourly tables
// must always equal. Written independently of the core's code (plain integer division: the test
// items are all after 1970).

const HOUR = 3_600_000;
const DAY = 86_400_000;
const ENGAGEMENT = 'COALESCE(i.likes, 0) + COALESCE(i.reposts, 0) + COALESCE(i.replies, 0)';
const CLASS_COLUMNS = `
  COUNT(*) AS total,
  SUM(CASE WHEN a.sentiment = 'positive' THEN 1 ELSE 0 END) AS positive,
  SUM(CASE WHEN a.sentiment = 'neutral' THEN 1 ELSE 0 END) AS neutral,
  SUM(CASE WHEN a.sentiment = 'negative' THEN 1 ELSE 0 END) AS negative,
  SUM(CASE WHEN a.item_id IS NULL THEN 1 ELSE 0 END) AS unanalysed,
  SUM(CASE WHEN a.inquiry = 'question' THEN 1 ELSE 0 END) AS question,
  SUM(CASE WHEN a.inquiry = 'complaint' THEN 1 ELSE 0 END) AS complaint,
  SUM(CASE WHEN a.inquiry = 'praise' THEN 1 ELSE 0 END) AS praise,
  SUM(${ENGAGEMENT}) AS engagement`;

export interface AggregateSnapshot {
  streamHours: unknown[];
  workspaceHours: unknown[];
  authorDays: unknown[];
}

/** What the three aggregate tables should hold, from items, stream_items and item_analysis. */
export function expectedAggregates(db: Db): AggregateSnapshot {
  return {
    streamHours: db
      .prepare(
        `SELECT si.stream_id, (i.created_ms / ${HOUR}) * ${HOUR} AS hour_ms, ${CLASS_COLUMNS}
         FROM stream_items si JOIN items i ON i.id = si.item_id LEFT JOIN item_analysis a ON a.item_id = i.id
         GROUP BY si.stream_id, hour_ms ORDER BY si.stream_id, hour_ms`,
      )
      .all(),
    workspaceHours: db
      .prepare(
        `SELECT w.workspace_id, (i.created_ms / ${HOUR}) * ${HOUR} AS hour_ms, i.network, ${CLASS_COLUMNS}
         FROM (SELECT DISTINCT s.workspace_id, si.item_id FROM stream_items si JOIN streams s ON s.id = si.stream_id) w
         JOIN items i ON i.id = w.item_id LEFT JOIN item_analysis a ON a.item_id = i.id
         GROUP BY w.workspace_id, hour_ms, i.network ORDER BY w.workspace_id, hour_ms, i.network`,
      )
      .all(),
    authorDays: db
      .prepare(
        `SELECT w.workspace_id, i.author_id, (i.created_ms / ${DAY}) * ${DAY} AS day_ms, COUNT(*) AS items,
           SUM(CASE WHEN a.sentiment = 'negative' THEN 1 ELSE 0 END) AS negative, SUM(${ENGAGEMENT}) AS engagement
         FROM (SELECT DISTINCT s.workspace_id, si.item_id FROM stream_items si JOIN streams s ON s.id = si.stream_id) w
         JOIN items i ON i.id = w.item_id LEFT JOIN item_analysis a ON a.item_id = i.id
         WHERE i.author_id IS NOT NULL
         GROUP BY w.workspace_id, i.author_id, day_ms ORDER BY w.workspace_id, i.author_id, day_ms`,
      )
      .all(),
  };
}

/** What the tables hold; rows that are all zero (left behind by a removal) are no data. */
export function storedAggregates(db: Db): AggregateSnapshot {
  const hourColumns = 'total, positive, neutral, negative, unanalysed, question, complaint, praise, engagement';
  const nonZero = hourColumns.split(', ').map((c) => `${c} <> 0`).join(' OR ');
  return {
    streamHours: db.prepare(`SELECT stream_id, hour_ms, ${hourColumns} FROM stream_hour_stats WHERE ${nonZero} ORDER BY stream_id, hour_ms`).all(),
    workspaceHours: db
      .prepare(`SELECT workspace_id, hour_ms, network, ${hourColumns} FROM workspace_hour_stats WHERE ${nonZero} ORDER BY workspace_id, hour_ms, network`)
      .all(),
    authorDays: db
      .prepare(
        `SELECT workspace_id, author_id, day_ms, items, negative, engagement FROM workspace_author_day
         WHERE items <> 0 OR negative <> 0 OR engagement <> 0 ORDER BY workspace_id, author_id, day_ms`,
      )
      .all(),
  };
}

/**
 * A small deterministic analyzer for tests of aggregate arithmetic only (not of analysis): a
 * keyword decides the class, and `flipped` swaps positive and negative so that a "new model"
 * moves items between classes. Records the fallback language each call got.
 */
export function keywordAnalyzer(version = 'test-1', flipped = false): Analyzer & { fallbacks: Array<string | null | undefined> } {
  const fallbacks: Array<string | null | undefined> = [];
  return {
    version,
    fallbacks,
    analyze(text, fallbackLanguage): ItemAnalysis {
      fallbacks.push(fallbackLanguage);
      let sentiment: ItemAnalysis['sentiment'] = /\b(bad|schlecht)\b/i.test(text) ? 'negative' : /\b(good|gut)\b/i.test(text) ? 'positive' : 'neutral';
      if (flipped && sentiment !== 'neutral') sentiment = sentiment === 'positive' ? 'negative' : 'positive';
      const inquiry: ItemAnalysis['inquiry'] = text.includes('?') ? 'question' : /broken|kaputt/i.test(text) ? 'complaint' : /thanks|danke/i.test(text) ? 'praise' : 'other';
      return { language: fallbackLanguage ?? null, sentiment, score: sentiment === 'negative' ? -0.5 : sentiment === 'positive' ? 0.5 : 0, inquiry, modelVersion: version };
    },
  };
}
