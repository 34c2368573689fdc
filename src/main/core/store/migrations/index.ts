import { m001Workspaces } from './001-workspaces';
import { m002Accounts } from './002-accounts';
import { m003StreamsAndItems } from './003-streams-and-items';
import { m004FtsMerge } from './004-fts-merge';
import { m005AccountLimits } from './005-account-limits';
import { m006InboxAndOutbox } from './006-inbox-and-outbox';
import { m007Planner } from './007-planner';
import { m008Insight } from './008-insight';

export interface Migration {
  /** Schema version after this migration; numbered from 1 without gaps. */
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a new one gets the next number. */
export const MIGRATIONS: readonly Migration[] = [m001Workspaces, m002Accounts, m003StreamsAndItems, m004FtsMerge, m005AccountLimits, m006InboxAndOutbox, m007Planner, m008Insight];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
