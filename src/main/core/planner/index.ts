// SCAFFOLD (replaced by the planner feature): the interface the rest of the core builds against.
import { AppError } from '../../../shared/contract/errors';
import type { plannerMethods } from '../../../shared/contract/plannerMethods';
import type { AccountRepository } from '../accounts/accountRepository';
import type { Connector } from '../connectors/connector';
import type { CoreEvents } from '../events';
import type { HandlersFor } from '../featureHandlers';
import type { InboxService } from '../inbox';
import type { ItemStore } from '../items/itemStore';
import type { OutboxFeature } from '../outbox';
import type { Db } from '../store/database';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import type { Network } from '../../../shared/contract/items';

export type PlannerMethodName = keyof typeof plannerMethods;

export interface PlannerDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  workspaces: WorkspaceRepository;
  accounts: AccountRepository;
  items: ItemStore;
  inbox: InboxService;
  outbox: OutboxFeature;
  connectors: Partial<Record<Network, Connector>>;
  log: (message: string) => void;
}

export interface PlannerFeature {
  handlers: HandlersFor<PlannerMethodName>;
  start(): void;
  close(): void;
}

export function createPlannerFeature(_deps: PlannerDeps): PlannerFeature {
  const notBuilt = () => {
    throw new AppError('internal', 'The planner is being built.');
  };
  return { handlers: new Proxy({}, { get: () => notBuilt }) as HandlersFor<PlannerMethodName>, start: () => {}, close: () => {} };
}
