import type { Migration } from './index';

/**
 * Monitored streams and the items they pull in. Items are global and deduplicated by
 * (network, remote_id); a stream's view of them is `stream_items`, which also carries the
 * read state and a copy of the item's time so that column pages are keyset reads on one index.
 * The full-text index is contentless and filled by explicit inserts in the ingest transaction
 * (measured about 3x faster than a trigger).
 */
export const m003StreamsAndItems: Migration = {
  version: 3,
  name: 'streams and items',
  sql: `
    CREATE TABLE streams (
      id           TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      account_id   TEXT REFERENCES accounts(id) ON DELETE SET NULL,
      network      TEXT NOT NULL,
      kind         TEXT NOT NULL,
      query        TEXT,
      title        TEXT NOT NULL,
      position     INTEGER NOT NULL,
      interval_ms  INTEGER,
      cursor       TEXT,
      paused       INTEGER NOT NULL DEFAULT 0,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX streams_by_workspace ON streams(workspace_id, position);

    CREATE TABLE authors (
      id           INTEGER PRIMARY KEY,
      network      TEXT NOT NULL,
      remote_id    TEXT NOT NULL,
      handle       TEXT,
      display_name TEXT,
      avatar_url   TEXT,
      url          TEXT,
      followers    INTEGER,
      UNIQUE (network, remote_id)
    ) STRICT;

    CREATE TABLE items (
      id            INTEGER PRIMARY KEY,
      network       TEXT NOT NULL,
      remote_id     TEXT NOT NULL,
      url           TEXT,
      author_id     INTEGER REFERENCES authors(id),
      title         TEXT,
      text          TEXT NOT NULL,
      html          TEXT,
      created_at    TEXT NOT NULL,
      created_ms    INTEGER NOT NULL,
      language      TEXT,
      reply_to      TEXT,
      quote_of      TEXT,
      media         TEXT NOT NULL DEFAULT '[]',
      replies       INTEGER,
      reposts       INTEGER,
      likes         INTEGER,
      has_link      INTEGER NOT NULL DEFAULT 0,
      raw           TEXT,
      first_seen_at TEXT NOT NULL,
      UNIQUE (network, remote_id)
    ) STRICT;
    CREATE INDEX items_by_author ON items(author_id, created_ms);

    CREATE TABLE stream_items (
      stream_id  TEXT NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
      item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      created_ms INTEGER NOT NULL,
      read       INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (stream_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX stream_items_page ON stream_items(stream_id, created_ms DESC, item_id DESC);
    CREATE INDEX stream_items_unread ON stream_items(stream_id) WHERE read = 0;
    CREATE INDEX stream_items_by_item ON stream_items(item_id);

    CREATE VIRTUAL TABLE items_fts USING fts5(
      title, text, author,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `,
};
