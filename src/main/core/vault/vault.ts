import type { KeychainStatus } from '../../../shared/contract/domain';

export interface VaultEntry {
  workspaceId: string;
  accountId: string;
}

/**
 * Where account secrets live: the OS keychain, never the database. Every call either does what
 * it says or throws an AppError ('keychain_unavailable' or 'keychain_failed'); there is no
 * fallback to plain text.
 */
export interface Vault {
  status(): Promise<KeychainStatus>;
  set(entry: VaultEntry, secret: string): Promise<void>;
  /** null only when no secret is stored: a locked keychain is an error, never an empty answer. */
  get(entry: VaultEntry): Promise<string | null>;
  /** Returns whether a secret was there to delete; a locked keychain is an error, not false. */
  delete(entry: VaultEntry): Promise<boolean>;
  /** Entries of one workspace, or of all workspaces. Never returns the secrets. */
  list(workspaceId?: string): Promise<VaultEntry[]>;
}

export const VAULT_SERVICE = 'Leitstand';

/** The keychain account name of an entry: `workspaceId/accountId`. */
export function vaultKey(entry: VaultEntry): string {
  return `${entry.workspaceId}/${entry.accountId}`;
}

export function parseVaultKey(key: string): VaultEntry | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { workspaceId: key.slice(0, slash), accountId: key.slice(slash + 1) };
}
