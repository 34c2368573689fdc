import type { Network } from '../../../shared/contract/items';
import type { Account } from '../accounts/accountRepository';
import type { Db } from '../store/database';

/**
 * Who "we" are in a workspace: its connected accounts, recognised in items by handle (the
 * accounts table keeps handles, not network ids). Posts by these never need an answer, and a
 * reply to one of their posts is a 'reply' rather than a plain mention.
 */
export class OwnAccounts {
  private readonly handles = new Map<string, Network>();
  private readonly authorHandle;
  private readonly parentAuthor;

  constructor(db: Db, accounts: readonly Account[]) {
    for (const account of accounts) this.handles.set(normalHandle(account.handle), account.network as Network);
    this.authorHandle = db.prepare('SELECT handle FROM authors WHERE network = ? AND remote_id = ?');
    this.parentAuthor = db.prepare('SELECT a.handle FROM items i JOIN authors a ON a.id = i.author_id WHERE i.network = ? AND i.remote_id = ?');
  }

  isOwnHandle(network: Network, handle: string | null | undefined): boolean {
    return !!handle && this.handles.get(normalHandle(handle)) === network;
  }

  /**
   * Whether `replyTo` (a post's remote id) is a post of one of our accounts: known when the parent
   * is stored, or, on Bluesky, from the DID in its AT URI when we have seen that author; failing
   * both, from what the network said in the item's own payload.
   */
  isReplyToOwn(network: Network, replyTo: string, raw: unknown): boolean {
    const parent = this.parentAuthor.get(network, replyTo) as { handle: string | null } | undefined;
    if (parent) return this.isOwnHandle(network, parent.handle);
    if (network === 'bluesky') {
      const did = /^at:\/\/([^/]+)\//.exec(replyTo)?.[1];
      const author = did ? (this.authorHandle.get(network, did) as { handle: string | null } | undefined) : undefined;
      if (author) return this.isOwnHandle(network, author.handle);
      // A notification's reason: Bluesky says 'reply' only for replies to the account's posts.
      return isObject(raw) && raw.reason === 'reply';
    }
    if (network === 'mastodon') return this.mastodonReplyToOwn(raw);
    return false;
  }

  /** The status names whom it replies to by account id; its mention list says whose id that is. */
  private mastodonReplyToOwn(raw: unknown): boolean {
    if (!isObject(raw) || typeof raw.in_reply_to_account_id !== 'string' || !Array.isArray(raw.mentions)) return false;
    return raw.mentions.some((mention: unknown) => {
      if (!isObject(mention) || mention.id !== raw.in_reply_to_account_id || typeof mention.acct !== 'string') return false;
      return this.isOwnHandle('mastodon', fullAcct(mention.acct, mention.url));
    });
  }
}

function normalHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** Mastodon leaves out the domain for the instance's own users; their profile URL has it. */
function fullAcct(acct: string, url: unknown): string {
  if (acct.includes('@') || typeof url !== 'string') return acct;
  try {
    return `${acct}@${new URL(url).host}`;
  } catch {
    return acct;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
