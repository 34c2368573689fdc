// SCAFFOLD (replaced by the drafts feature): the interface the rest of the core builds against.
import { AppError } from '../../../shared/contract/errors';
import type { AccountRepository } from '../accounts/accountRepository';
import type { CoreEvents } from '../events';
import type { DraftMethodName, HandlersFor } from '../featureHandlers';
import type { InboxService } from '../inbox';
import type { ItemStore } from '../items/itemStore';
import type { OutboxFeature } from '../outbox';
import type { Db } from '../store/database';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';

export interface DraftsDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  workspaces: WorkspaceRepository;
  accounts: AccountRepository;
  items: ItemStore;
  inbox: InboxService;
  outbox: OutboxFeature;
}

export interface DraftsFeature {
  handlers: HandlersFor<DraftMethodName>;
}

export function createDraftsFeature(_deps: DraftsDeps): DraftsFeature {
  const notBuilt = () => {
    throw new AppError('internal', 'Drafts are being built.');
  };
  return { handlers: new Proxy({}, { get: () => notBuilt }) as HandlersFor<DraftMethodName> };
}
