import type { Migration } from './index';

/**
 * The posting planner. A scheduled post keeps the wall-clock time it was planned for and its IANA
 * zone (`due_local`, `time_zone`); `due_ms` is derived from them and recomputed at start, so a
 * change of the machine's zone or of the zone rules never shifts a post. Plans are per account;
 * the lateness limit is per workspace. `engagement_at` says when a published post's counts were
 * last fetched back from the network.
 */
export const m007Planner: Migration = {
  version: 7,
  name: 'posting plans and wall-clock schedule',
  sql: `
    ALTER TABLE outbox ADD COLUMN due_local TEXT;
    ALTER TABLE outbox ADD COLUMN engagement_at TEXT;
    CREATE INDEX outbox_calendar ON outbox(workspace_id, due_ms);
    CREATE INDEX outbox_by_account ON outbox(account_id, state, due_ms);

    CREATE TABLE posting_plans (
      account_id   TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      plan         TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE publishing_settings (
      workspace_id TEXT PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      settings     TEXT NOT NULL
    ) STRICT;
  `,
};
