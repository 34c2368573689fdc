import type { Vault, VaultEntry } from '../../src/main/core/vault/vault';
import { vaultKey } from '../../src/main/core/vault/vault';

/**
 * An in-memory Vault for tests of flows that store secrets. The real keychain implementation is
 * tested against gnome-keyring in test/keychain; this one lets flow tests look at what was stored.
 */
export function memoryVault(): Vault & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    status: async () => ({ available: true }),
    set: async (entry, secret) => void entries.set(vaultKey(entry), secret),
    get: async (entry) => entries.get(vaultKey(entry)) ?? null,
    delete: async (entry) => entries.delete(vaultKey(entry)),
    list: async (workspaceId?: string): Promise<VaultEntry[]> =>
      [...entries.keys()]
        .map((key) => ({ workspaceId: key.split('/')[0]!, accountId: key.split('/')[1]! }))
        .filter((entry) => workspaceId === undefined || entry.workspaceId === workspaceId),
  };
}
