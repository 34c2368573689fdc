import type { Migration } from './index';

/** What the account's server allows (post length, links, media), read when it was connected, as JSON. */
export const m005AccountLimits: Migration = {
  version: 5,
  name: 'account server limits',
  sql: `ALTER TABLE accounts ADD COLUMN server_limits TEXT;`,
};
