import { z } from 'zod';
import type { Vault } from '../vault/vault';

/**
 * What the keychain holds for a Mastodon account, as JSON. Never in the database or a log.
 * (A Bluesky account's entry is its session, owned by the Bluesky connector's session store.)
 */
export const accountSecretSchema = z.object({
  network: z.literal('mastodon'),
  instanceUrl: z.string(),
  accessToken: z.string().min(1),
  clientId: z.string(),
  clientSecret: z.string(),
});
export type AccountSecret = z.infer<typeof accountSecretSchema>;

export class AccountSecrets {
  constructor(private readonly vault: Vault) {}

  async read(workspaceId: string, accountId: string): Promise<AccountSecret | null> {
    const stored = await this.vault.get({ workspaceId, accountId });
    if (stored === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(stored);
    } catch {
      return null; // unreadable: the account needs reconnecting, which replaces it
    }
    const parsed = accountSecretSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  }

  async write(workspaceId: string, accountId: string, secret: AccountSecret): Promise<void> {
    const parsed = accountSecretSchema.parse(secret);
    await this.vault.set({ workspaceId, accountId }, JSON.stringify(parsed));
  }

  remove(workspaceId: string, accountId: string): Promise<boolean> {
    return this.vault.delete({ workspaceId, accountId });
  }
}
