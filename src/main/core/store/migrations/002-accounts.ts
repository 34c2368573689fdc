import type { Migration } from './index';

/** Everything about a connected account except its secret, which lives in the OS keychain. */
export const m002Accounts: Migration = {
  version: 2,
  name: 'accounts',
  sql: `
    CREATE TABLE accounts (
      id           TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      network      TEXT NOT NULL,
      handle       TEXT NOT NULL,
      display_name TEXT,
      server_url   TEXT,
      status       TEXT NOT NULL DEFAULT 'connected',
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX accounts_by_workspace ON accounts(workspace_id);
  `,
};
