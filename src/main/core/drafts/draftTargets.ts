import type { Statement } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { AccountRepository } from '../accounts/accountRepository';
import type { InboxService } from '../inbox';
import type { ItemStore } from '../items/itemStore';
import type { Db } from '../store/database';

/** What a draft key points at, read once when the draft is created. */
export interface DraftTarget {
  inboxItemId: number | null;
  replyToItemId: number | null;
  /** The account a new draft posts from unless the user picks another. */
  defaultAccountId: string | null;
}

export function isReplyKey(key: string): boolean {
  return key.startsWith('reply:') || key.startsWith('item:');
}

/**
 * Resolves draft keys: "reply:<inboxItemId>" answers an inbox item of the workspace from the
 * account it came in through; "item:<itemId>" answers any item a column of the workspace
 * shows, from the account of such a column; "post:<uuid>" is a new post, from the workspace's
 * only account if it has exactly one.
 */
export class DraftTargets {
  private readonly networkStatement: Statement;

  constructor(
    db: Db,
    private readonly deps: { inbox: InboxService; items: ItemStore; accounts: AccountRepository },
  ) {
    this.networkStatement = db.prepare('SELECT network FROM items WHERE id = ?');
  }

  resolve(workspaceId: string, key: string): DraftTarget {
    const [kind, rest] = key.split(':', 2) as [string, string];
    if (kind === 'reply') {
      const inboxItemId = Number(rest);
      const { itemId, accountId } = this.deps.inbox.entryTarget(workspaceId, inboxItemId);
      return { inboxItemId, replyToItemId: itemId, defaultAccountId: accountId };
    }
    if (kind === 'item') {
      const itemId = Number(rest);
      const shown = this.deps.items.inWorkspace(workspaceId, itemId);
      if (!shown) throw new AppError('not_found', `No column of this workspace shows the item ${itemId}.`);
      return { inboxItemId: null, replyToItemId: itemId, defaultAccountId: shown.accountIds.find((id) => id !== null) ?? null };
    }
    const accounts = this.deps.accounts.listByWorkspace(workspaceId);
    return { inboxItemId: null, replyToItemId: null, defaultAccountId: accounts.length === 1 ? accounts[0]!.id : null };
  }

  /** The network of a stored item; null if it is gone. */
  networkOf(itemId: number): string | null {
    const row = this.networkStatement.get(itemId) as { network: string } | undefined;
    return row?.network ?? null;
  }
}
