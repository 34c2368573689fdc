import type { KeychainStatus } from '../../src/shared/contract/domain';
import { parseVaultKey, vaultKey, type Vault, type VaultEntry } from '../../src/main/core/vault/vault';

/**
 * A Vault in memory, for tests of flows that store secrets (connectors, accounts): the keychain
 * itself is tested against a real Secret Service in test/keychain. Records every write so tests
 * can see what was stored when.
 */
export class MemoryVault implements Vault {
  readonly secrets = new Map<string, string>();
  readonly writes: Array<{ key: string; secret: string }> = [];

  async status(): Promise<KeychainStatus> {
    return { available: true };
  }

  async set(entry: VaultEntry, secret: string): Promise<void> {
    this.writes.push({ key: vaultKey(entry), secret });
    this.secrets.set(vaultKey(entry), secret);
  }

  async get(entry: VaultEntry): Promise<string | null> {
    return this.secrets.get(vaultKey(entry)) ?? null;
  }

  async delete(entry: VaultEntry): Promise<boolean> {
    return this.secrets.delete(vaultKey(entry));
  }

  async list(workspaceId?: string): Promise<VaultEntry[]> {
    return [...this.secrets.keys()]
      .map(parseVaultKey)
      .filter((entry): entry is VaultEntry => entry !== null && (workspaceId === undefined || entry.workspaceId === workspaceId));
  }
}
