import type { Migration } from './index';

/**
 * Listening intelligence. Every item gets an on-device analysis (`item_analysis`), computed off
 * the ingest path: ingest only adds the item to `analysis_queue`, a batch job analyses and updates
 * the aggregates. Re-analysis (a new model) queues items again.
 *
 * The dashboard never scans items: it reads hourly aggregates kept up to date on ingest, analysis
 * and deletion.
 * - `stream_hour_stats`: per stream and UTC hour (an item two streams found counts in both).
 * - `workspace_hour_stats`: per workspace, UTC hour and network, each item once (however many
 *   of the workspace's streams found it); spike detection reads its `negative` column.
 * - `workspace_author_day`: per workspace, author and UTC day, for the top-authors table.
 * Sentiment counts: items not analysed yet are in `unanalysed`; analysis moves them to a class.
 * `engagement` is likes + reposts + replies as stored with the item.
 *
 * Alerts are negative-mention spikes per workspace: an hour above mean + k·sd of the 7 days before
 * it (and at least `min_count`), one alert for as long as the following hours stay above.
 */
export const m008Insight: Migration = {
  version: 8,
  name: 'analysis, hourly aggregates and alerts',
  sql: `
    CREATE TABLE item_analysis (
      item_id       INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
      language      TEXT,
      sentiment     TEXT NOT NULL,
      score         REAL NOT NULL,
      inquiry       TEXT NOT NULL,
      model_version TEXT NOT NULL,
      analysed_at   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE analysis_queue (
      item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE stream_hour_stats (
      stream_id  TEXT NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
      hour_ms    INTEGER NOT NULL,
      total      INTEGER NOT NULL DEFAULT 0,
      positive   INTEGER NOT NULL DEFAULT 0,
      neutral    INTEGER NOT NULL DEFAULT 0,
      negative   INTEGER NOT NULL DEFAULT 0,
      unanalysed INTEGER NOT NULL DEFAULT 0,
      question   INTEGER NOT NULL DEFAULT 0,
      complaint  INTEGER NOT NULL DEFAULT 0,
      praise     INTEGER NOT NULL DEFAULT 0,
      engagement INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (stream_id, hour_ms)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE workspace_hour_stats (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      hour_ms      INTEGER NOT NULL,
      network      TEXT NOT NULL,
      total        INTEGER NOT NULL DEFAULT 0,
      positive     INTEGER NOT NULL DEFAULT 0,
      neutral      INTEGER NOT NULL DEFAULT 0,
      negative     INTEGER NOT NULL DEFAULT 0,
      unanalysed   INTEGER NOT NULL DEFAULT 0,
      question     INTEGER NOT NULL DEFAULT 0,
      complaint    INTEGER NOT NULL DEFAULT 0,
      praise       INTEGER NOT NULL DEFAULT 0,
      engagement   INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (workspace_id, hour_ms, network)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE workspace_author_day (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      author_id    INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
      day_ms       INTEGER NOT NULL,
      items        INTEGER NOT NULL DEFAULT 0,
      negative     INTEGER NOT NULL DEFAULT 0,
      engagement   INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (workspace_id, author_id, day_ms)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX workspace_author_day_by_day ON workspace_author_day(workspace_id, day_ms);

    CREATE INDEX inbox_received ON inbox_items(workspace_id, received_ms);

    CREATE TABLE alert_settings (
      workspace_id TEXT PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      enabled      INTEGER NOT NULL DEFAULT 1,
      k            REAL NOT NULL DEFAULT 3,
      min_count    INTEGER NOT NULL DEFAULT 5
    ) STRICT;

    CREATE TABLE alerts (
      id              TEXT PRIMARY KEY,
      workspace_id    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      kind            TEXT NOT NULL,
      started_ms      INTEGER NOT NULL,
      last_hour_ms    INTEGER NOT NULL,
      state           TEXT NOT NULL,
      peak_count      INTEGER NOT NULL,
      baseline_mean   REAL NOT NULL,
      baseline_sd     REAL NOT NULL,
      threshold       REAL NOT NULL,
      acknowledged_at TEXT,
      created_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX alerts_by_workspace ON alerts(workspace_id, started_ms DESC);

    ALTER TABLE saved_replies ADD COLUMN inquiry_types TEXT NOT NULL DEFAULT '[]';
  `,
};
