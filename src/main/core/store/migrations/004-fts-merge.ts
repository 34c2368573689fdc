import type { Migration } from './index';

/**
 * FTS5 merges its index segments a little on every write; with 'automerge' 16 instead of 4 it
 * merges less eagerly. Measured over a million items: ingest about 15% faster, searches as fast
 * (0.6 ms median) because a page stops early anyway.
 */
export const m004FtsMerge: Migration = {
  version: 4,
  name: 'full-text index merges less eagerly',
  sql: `INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 16);`,
};
