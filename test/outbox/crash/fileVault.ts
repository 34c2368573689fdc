import fs from 'node:fs';
import type { KeychainStatus } from '../../../src/shared/contract/domain';
import { parseVaultKey, vaultKey, type Vault, type VaultEntry } from '../../../src/main/core/vault/vault';

/**
 * A Vault in one JSON file, for the crash tests: the app process is SIGKILLed and started
 * again, and the secrets (a Bluesky session whose tokens rotate, a Mastodon token) must outlive
 * it, as they do in the OS keychain. Each write replaces the file by rename, so a kill in the
 * middle of one leaves the previous secrets, never a torn file. Test code only: the secrets are
 * plain text on disk.
 */
export class FileVault implements Vault {
  constructor(private readonly file: string) {}

  async status(): Promise<KeychainStatus> {
    return { available: true };
  }

  async set(entry: VaultEntry, secret: string): Promise<void> {
    this.write({ ...this.read(), [vaultKey(entry)]: secret });
  }

  async get(entry: VaultEntry): Promise<string | null> {
    return this.read()[vaultKey(entry)] ?? null;
  }

  async delete(entry: VaultEntry): Promise<boolean> {
    const secrets = this.read();
    const key = vaultKey(entry);
    if (!(key in secrets)) return false;
    delete secrets[key];
    this.write(secrets);
    return true;
  }

  async list(workspaceId?: string): Promise<VaultEntry[]> {
    return Object.keys(this.read())
      .map(parseVaultKey)
      .filter((entry): entry is VaultEntry => entry !== null && (workspaceId === undefined || entry.workspaceId === workspaceId));
  }

  private read(): Record<string, string> {
    if (!fs.existsSync(this.file)) return {};
    return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  private write(secrets: Record<string, string>): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(secrets));
    fs.renameSync(temporary, this.file);
  }
}
