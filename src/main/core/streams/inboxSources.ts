import type { Account, AccountRepository } from '../accounts/accountRepository';
import type { StreamScheduler } from './streamHandlers';
import type { StreamRecord, StreamRepository } from './streamRepository';

/**
 * Every connected Bluesky and Mastodon account has one hidden stream that feeds the inbox with
 * what talks to the account: Bluesky's mention, reply and quote notifications, Mastodon's
 * notifications (the connector asks only for mentions, subscribed posts and quotes). It polls
 * like a column but never shows in the deck, and goes with its account.
 */
const SOURCE_KIND: Readonly<Record<string, string>> = { bluesky: 'mentions', mastodon: 'notifications' };

export interface InboxSources {
  /** Creates the account's source if it has none (idempotent); returns it, or null for networks without one. */
  ensureFor(account: Account, options?: { schedule?: boolean }): StreamRecord | null;
  /** For accounts that existed before the inbox did: run at core start, before polling starts. */
  ensureAll(): void;
}

export function createInboxSources(deps: { streams: StreamRepository; accounts: AccountRepository; scheduler: StreamScheduler }): InboxSources {
  const ensureFor: InboxSources['ensureFor'] = (account, options = {}) => {
    const kind = SOURCE_KIND[account.network];
    if (!kind) return null;
    const existing = deps.streams.inboxSourceOf(account.id);
    if (existing) return existing;
    const stream = deps.streams.create({
      workspaceId: account.workspaceId,
      accountId: account.id,
      network: account.network as StreamRecord['network'],
      kind,
      title: `Inbox: ${account.handle}`,
      role: 'inbox',
    });
    if (options.schedule !== false) deps.scheduler.added(stream.id);
    return stream;
  };
  return {
    ensureFor,
    ensureAll() {
      for (const account of deps.accounts.listAll()) ensureFor(account, { schedule: false });
    },
  };
}
