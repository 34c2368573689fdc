import path from 'node:path';
import type { Settings } from '../../shared/contract/domain';
import { AccountRepository } from './accounts/accountRepository';
import { createDispatcher, type Dispatcher, type HandlerTable } from './dispatch';
import { CoreEvents } from './events';
import { SettingsRepository } from './settings/settingsRepository';
import { openStore, type Store } from './store/database';
import { createKeytarVault } from './vault/keytarVault';
import type { Vault } from './vault/vault';
import { WorkspaceRepository } from './workspaces/workspaceRepository';
import { createWorkspaceHandlers } from './workspaces/workspaceHandlers';
import type { Network } from '../../shared/contract/items';
import type { Connector } from './connectors/connector';
import { createRealConnectors } from './connectors/registry';
import { ItemStore } from './items/itemStore';
import type { Connectivity } from './polling';
import { createStreamHandlers, type DiscoverFeeds } from './streams/streamHandlers';
import { createStreamPolling } from './streams/streamPolling';
import { StreamRepository } from './streams/streamRepository';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  shell: 'desktop' | 'headless';
  /** The OS keychain by default; tests may pass another implementation of the same interface. */
  vault?: Vault;
  now?: () => Date;
  log?: (message: string) => void;
  /** One per network; defaults to the real connectors. */
  connectors?: Partial<Record<Network, Connector>>;
  discoverFeeds?: DiscoverFeeds;
  connectivity?: Connectivity;
  /** False keeps streams from polling in the background (tests of other parts). Default true. */
  poll?: boolean;
}

export interface Core {
  handlers: HandlerTable;
  dispatcher: Dispatcher;
  events: CoreEvents;
  store: Store;
  vault: Vault;
  close(): void;
}

/** The application core, plain Node: never imports electron. Throws AppError if the store cannot be opened. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(message));
  const dataDir = path.resolve(options.dataDir);
  const store = openStore({ dataDir, now });
  const vault = options.vault ?? createKeytarVault();
  const events = new CoreEvents();
  const workspaces = new WorkspaceRepository(store.db, now);
  const settings = new SettingsRepository(store.db);
  const accounts = new AccountRepository(store.db, now);
  const streams = new StreamRepository(store.db, now);
  const items = new ItemStore(store.db, now);
  const real = createRealConnectors(options.appVersion);
  const polling = createStreamPolling({
    db: store.db,
    streams,
    items,
    events,
    connectors: options.connectors ?? real.connectors,
    connectivity: options.connectivity,
    log,
  });

  const handlers: HandlerTable = {
    'app.info': async () => ({
      name: 'Leitstand',
      version: options.appVersion,
      platform: process.platform,
      shell: options.shell,
      dataDir,
      schemaVersion: store.schemaVersion,
      keychain: await vault.status(),
    }),
    ...createWorkspaceHandlers({ db: store.db, workspaces, settings, accounts, vault, events }),
    ...createStreamHandlers({
      streams,
      items,
      workspaces,
      accounts,
      events,
      scheduler: polling.scheduler,
      discoverFeeds: options.discoverFeeds ?? real.discoverFeeds,
    }),
    'settings.get': () => settings.getSettings(),
    'settings.set': (patch) => {
      const next: Settings = settings.updateSettings(patch);
      events.emit('settings.changed', next);
      return next;
    },
  };

  const dispatcher = createDispatcher(handlers, (method, error) =>
    log(`[core] ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );

  if (options.poll !== false) polling.start();

  return {
    handlers,
    dispatcher,
    events,
    store,
    vault,
    close() {
      // Aborts polls in flight at once; none of them commits after this, so the store can close.
      void polling.stop();
      events.clear();
      store.close();
    },
  };
}
