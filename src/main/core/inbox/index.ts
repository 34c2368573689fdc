// SCAFFOLD (replaced by the inbox feature): the interface the rest of the core builds against.
import { AppError } from '../../../shared/contract/errors';
import type { InboxSettings } from '../../../shared/contract/inbox';
import type { Agent } from '../../../shared/contract/inbox';
import type { AccountRepository } from '../accounts/accountRepository';
import type { CoreEvents } from '../events';
import type { HandlersFor, InboxMethodName } from '../featureHandlers';
import type { ItemStore } from '../items/itemStore';
import type { Db } from '../store/database';
import type { StreamRepository } from '../streams/streamRepository';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';

export interface InboxDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  workspaces: WorkspaceRepository;
  accounts: AccountRepository;
  streams: StreamRepository;
  items: ItemStore;
  log: (message: string) => void;
}

/** What the composer and the outbox need from the inbox. */
export interface InboxService {
  settings(workspaceId: string): InboxSettings;
  /** The agent set as "me" for the workspace, if any. */
  currentAgent(workspaceId: string): Agent | null;
  /** The inbox item's stored item and the account it came in through; throws not_found. */
  entryTarget(workspaceId: string, inboxItemId: number): { itemId: number; accountId: string | null };
  /** A reply to the inbox item was published: first-response time (if first) and status done. */
  recordResponse(inboxItemId: number, publishedAt: Date): void;
}

export interface InboxFeature {
  handlers: HandlersFor<InboxMethodName>;
  service: InboxService;
  /** Items were stored for a stream (by a poll): decides which of them need an answer. */
  intake(streamId: string, itemIds: readonly number[]): void;
  start(): void;
  close(): void;
}

export function createInboxFeature(_deps: InboxDeps): InboxFeature {
  const notBuilt = () => {
    throw new AppError('internal', 'The inbox is being built.');
  };
  return {
    handlers: new Proxy({}, { get: () => notBuilt }) as HandlersFor<InboxMethodName>,
    service: { settings: notBuilt, currentAgent: notBuilt, entryTarget: notBuilt, recordResponse: notBuilt },
    intake: () => {},
    start: () => {},
    close: () => {},
  };
}
