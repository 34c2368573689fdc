import type { Migration } from './index';

export const m001Workspaces: Migration = {
  version: 1,
  name: 'workspaces and settings',
  sql: `
    CREATE TABLE workspaces (
      id          TEXT PRIMARY KEY,
      name        TEXT NOT NULL,
      position    INTEGER NOT NULL,
      archived_at TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX workspaces_by_position ON workspaces(archived_at, position);

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
