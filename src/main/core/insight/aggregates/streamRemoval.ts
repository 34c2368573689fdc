import type { Db } from '../../store/database';
import { DAY_MS, HOUR_MS, sqlFloor } from './time';

const ENGAGEMENT = 'COALESCE(i.likes, 0) + COALESCE(i.reposts, 0) + COALESCE(i.replies, 0)';

/** The stream's items that no other stream of its workspace shows: they leave the workspace with it. */
const LEAVING = `
  SELECT i.network, ${sqlFloor('i.created_ms', HOUR_MS)} AS hour_ms, ${sqlFloor('i.created_ms', DAY_MS)} AS day_ms, i.author_id,
         ${ENGAGEMENT} AS engagement, a.sentiment, a.inquiry
  FROM stream_items si
  JOIN items i ON i.id = si.item_id
  LEFT JOIN item_analysis a ON a.item_id = i.id
  WHERE si.stream_id = @streamId
    AND NOT EXISTS (SELECT 1 FROM stream_items o JOIN streams s ON s.id = o.stream_id
                    WHERE o.item_id = si.item_id AND o.stream_id <> @streamId AND s.workspace_id = @workspaceId)`;

/**
 * Takes a stream's share out of its workspace's aggregates; call in the transaction that deletes
 * the stream (its own stream_hour_stats rows go with it by cascade). Set-based: a stream of
 * 100,000 items is one pass, not 100,000 statements. Rows left at zero are dropped.
 */
export function removeStreamFromAggregates(db: Db, streamId: string): void {
  const stream = db.prepare('SELECT workspace_id FROM streams WHERE id = ?').get(streamId) as { workspace_id: string } | undefined;
  if (!stream) return;
  const params = { streamId, workspaceId: stream.workspace_id };
  db.prepare(`
    UPDATE workspace_hour_stats AS w SET
      total = w.total - g.total, positive = w.positive - g.positive, neutral = w.neutral - g.neutral,
      negative = w.negative - g.negative, unanalysed = w.unanalysed - g.unanalysed, question = w.question - g.question,
      complaint = w.complaint - g.complaint, praise = w.praise - g.praise, engagement = w.engagement - g.engagement
    FROM (
      SELECT network, hour_ms, COUNT(*) AS total,
        SUM(IFNULL(sentiment = 'positive', 0)) AS positive, SUM(IFNULL(sentiment = 'neutral', 0)) AS neutral, SUM(IFNULL(sentiment = 'negative', 0)) AS negative,
        SUM(sentiment IS NULL) AS unanalysed, SUM(IFNULL(inquiry = 'question', 0)) AS question, SUM(IFNULL(inquiry = 'complaint', 0)) AS complaint,
        SUM(IFNULL(inquiry = 'praise', 0)) AS praise, SUM(engagement) AS engagement
      FROM (${LEAVING}) GROUP BY network, hour_ms
    ) AS g
    WHERE w.workspace_id = @workspaceId AND w.hour_ms = g.hour_ms AND w.network = g.network`).run(params);
  db.prepare(`
    UPDATE workspace_author_day AS d SET
      items = d.items - g.items, negative = d.negative - g.negative, engagement = d.engagement - g.engagement
    FROM (
      SELECT author_id, day_ms, COUNT(*) AS items, SUM(IFNULL(sentiment = 'negative', 0)) AS negative, SUM(engagement) AS engagement
      FROM (${LEAVING}) WHERE author_id IS NOT NULL GROUP BY author_id, day_ms
    ) AS g
    WHERE d.workspace_id = @workspaceId AND d.author_id = g.author_id AND d.day_ms = g.day_ms`).run(params);
  db.prepare('DELETE FROM workspace_hour_stats WHERE workspace_id = ? AND total = 0').run(stream.workspace_id);
  db.prepare('DELETE FROM workspace_author_day WHERE workspace_id = ? AND items = 0').run(stream.workspace_id);
}
