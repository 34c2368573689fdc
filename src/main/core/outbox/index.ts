// SCAFFOLD (replaced by the outbox feature): the interface the rest of the core builds against.
import { AppError } from '../../../shared/contract/errors';
import type { OutboxEntry } from '../../../shared/contract/composer';
import type { Network } from '../../../shared/contract/items';
import type { AccountRepository } from '../accounts/accountRepository';
import type { Connector } from '../connectors/connector';
import type { CoreEvents } from '../events';
import type { HandlersFor, OutboxMethodName } from '../featureHandlers';
import type { ItemStore } from '../items/itemStore';
import type { Connectivity } from '../polling';
import type { Db } from '../store/database';

export interface OutboxDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  accounts: AccountRepository;
  items: ItemStore;
  connectors: Partial<Record<Network, Connector>>;
  connectivity?: Connectivity;
  log: (message: string) => void;
  /** A reply to an inbox item was published. */
  onPublished(entry: OutboxEntry): void;
  onReconnectNeeded?: (accountId: string) => void;
}

/** What the composer hands to the outbox: the post as it will go out. */
export interface OutboxPost {
  workspaceId: string;
  accountId: string;
  inboxItemId: number | null;
  replyToItemId: number | null;
  text: string;
  spoilerText: string | null;
  language: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct' | null;
  /** Publish at (default: now) in this IANA zone (the planner's wall-clock time). */
  dueAt?: Date;
  timeZone?: string | null;
  /** The draft whose media rows move to the new entry. */
  mediaFromDraftId: string | null;
}

export interface OutboxFeature {
  handlers: HandlersFor<OutboxMethodName>;
  /** Must be called inside the caller's transaction: writes the entry (state 'scheduled') and its idempotency key. */
  enqueue(post: OutboxPost): OutboxEntry;
  /** Publishes what is due now (after enqueue, this is called by the caller after commit). */
  kick(): void;
  /** Reconciles entries left in 'publishing' by a crash, then publishes what is due. */
  start(): void;
  close(): Promise<void>;
}

export function createOutboxFeature(_deps: OutboxDeps): OutboxFeature {
  const notBuilt = () => {
    throw new AppError('internal', 'The outbox is being built.');
  };
  return {
    handlers: new Proxy({}, { get: () => notBuilt }) as HandlersFor<OutboxMethodName>,
    enqueue: notBuilt,
    kick: () => {},
    start: () => {},
    close: async () => {},
  };
}
