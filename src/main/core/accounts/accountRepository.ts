import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { Db } from '../store/database';

export interface Account {
  id: string;
  workspaceId: string;
  network: string;
  handle: string;
  displayName: string | null;
  serverUrl: string | null;
  status: string;
  /** The server's own limits (JSON as the connector read them), or null when not known. */
  serverLimits: unknown;
  createdAt: string;
  updatedAt: string;
}

interface AccountRow {
  id: string;
  workspace_id: string;
  network: string;
  handle: string;
  display_name: string | null;
  server_url: string | null;
  status: string;
  server_limits: string | null;
  created_at: string;
  updated_at: string;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    network: row.network,
    handle: row.handle,
    displayName: row.display_name,
    serverUrl: row.server_url,
    status: row.status,
    serverLimits: parseJson(row.server_limits),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewAccount {
  /** Chosen by the caller when the secret must be stored under the id before the row exists. */
  id?: string;
  workspaceId: string;
  network: string;
  handle: string;
  displayName?: string | null;
  serverUrl?: string | null;
}

/** The `accounts` table: everything about an account except its secret (that is the vault's). */
export class AccountRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(input: NewAccount): Account {
    const id = input.id ?? randomUUID();
    const stamp = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO accounts (id, workspace_id, network, handle, display_name, server_url, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'connected', ?, ?)`,
      )
      .run(id, input.workspaceId, input.network, input.handle, input.displayName ?? null, input.serverUrl ?? null, stamp, stamp);
    return this.get(id);
  }

  get(id: string): Account {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    if (!row) throw new AppError('not_found', `There is no account with the id ${id}.`);
    return toAccount(row);
  }

  listByWorkspace(workspaceId: string): Account[] {
    return (
      this.db.prepare('SELECT * FROM accounts WHERE workspace_id = ? ORDER BY created_at').all(workspaceId) as AccountRow[]
    ).map(toAccount);
  }

  listAll(): Account[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY workspace_id, created_at').all() as AccountRow[]).map(toAccount);
  }

  setServerLimits(id: string, limits: unknown): void {
    this.db.prepare('UPDATE accounts SET server_limits = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(limits), this.now().toISOString(), id);
  }

  setStatus(id: string, status: 'connected' | 'reconnect_needed'): boolean {
    return this.db.prepare('UPDATE accounts SET status = ?, updated_at = ? WHERE id = ? AND status <> ?').run(status, this.now().toISOString(), id, status).changes > 0;
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
  }
}

function parseJson(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}
