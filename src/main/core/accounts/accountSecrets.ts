import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Vault } from '../vault/vault';

/** What the keychain holds for an account, per network, as JSON. Never in the database or a log. */
export const accountSecretSchema = z.discriminatedUnion('network', [
  z.object({
    network: z.literal('mastodon'),
    instanceUrl: z.string(),
    accessToken: z.string().min(1),
    clientId: z.string(),
    clientSecret: z.string(),
  }),
  z.object({
    network: z.literal('bluesky'),
    serviceUrl: z.string(),
    identifier: z.string(),
    appPassword: z.string().min(1),
    /** The current session, refreshed by the connector; absent until the first login. */
    session: z.record(z.string(), z.unknown()).nullable(),
  }),
]);
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
    if (parsed.network === 'bluesky' && parsed.session && !('refreshJwt' in parsed.session && parsed.session.refreshJwt)) {
      // A refresh that failed must never replace a working refresh token with an empty one.
      throw new AppError('internal', 'Refused to store a Bluesky session without a refresh token.');
    }
    await this.vault.set({ workspaceId, accountId }, JSON.stringify(parsed));
  }

  remove(workspaceId: string, accountId: string): Promise<boolean> {
    return this.vault.delete({ workspaceId, accountId });
  }
}
