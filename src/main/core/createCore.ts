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
import { createAccountHandlers, type OAuthRedirectMode } from './accounts/accountHandlers';
import { AccountSecrets } from './accounts/accountSecrets';
import { toAccountView } from './accounts/accountHandlers';
import { BlueskySessions } from './connectors/bluesky';
import { ItemStore } from './items/itemStore';
import { createThreadHandler } from './items/threadHandler';
import type { Connectivity } from './polling';
import { createStreamHandlers, type DiscoverFeeds } from './streams/streamHandlers';
import { createInboxSources } from './streams/inboxSources';
import { createStreamPolling } from './streams/streamPolling';
import { StreamRepository } from './streams/streamRepository';
import { createInboxFeature } from './inbox';
import { createOutboxFeature } from './outbox';
import { createDraftsFeature } from './drafts';
import { createPlannerFeature } from './planner';
import { createAnalyzer } from './insight/analysis';
import { createAnalysisPipeline, type AnalysisPipeline } from './insight/pipeline';
import { DashboardQueries } from './insight/dashboard/dashboardQueries';
import { createInsightHandlers } from './insight/insightHandlers';
import { createAlerts } from './insight/alerts';
import { createAlertHandlers } from './insight/alertHandlers';

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
  /** How OAuth answers come back: 'loopback' on the desktop (default), 'paste' in a browser tab (headless). */
  oauthMode?: OAuthRedirectMode;
  /** Opens a URL in the system browser (desktop). */
  openExternal?: (url: string) => void | Promise<void>;
}

export interface Core {
  handlers: HandlerTable;
  dispatcher: Dispatcher;
  events: CoreEvents;
  store: Store;
  vault: Vault;
  /** The analysis pipeline (tests drain it; the spike check subscribes with onAnalysed). */
  analysis: AnalysisPipeline;
  /** After the machine slept: every stream catches up from its cursor now. */
  wake(): void;
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
  // --- insight (issue 6): analysis pipeline, hourly aggregates, dashboards ---
  // Ingest queues new items and keeps the aggregates in its own transaction; the pipeline
  // analyses them off the hot path and moves their counts to their class.
  const analyzer = createAnalyzer();
  const analysis = createAnalysisPipeline({
    db: store.db,
    analyzer,
    now,
    log,
    onDashboardChanged: (workspaceId) => events.emit('dashboard.changed', { workspaceId }),
  });
  const dashboard = new DashboardQueries(store.db, now);
  const items = new ItemStore(store.db, now, {
    onChange: (change) => {
      analysis.noteChanged(change.workspaceIds);
      if (change.queued > 0) analysis.schedule();
    },
  });
  // --- end insight ---
  const secrets = new AccountSecrets(vault);
  // A Bluesky session is stored under its account's workspace, also while the account is being created.
  const pendingBlueskyWorkspace = new Map<string, string>();
  const blueskySessions = new BlueskySessions({
    vault,
    vaultEntry: (accountId) => ({ workspaceId: pendingBlueskyWorkspace.get(accountId) ?? accounts.get(accountId).workspaceId, accountId }),
  });
  const real = createRealConnectors(options.appVersion, {
    mastodon: async (accountId) => {
      const account = accounts.get(accountId);
      const secret = await secrets.read(account.workspaceId, accountId);
      return secret ? { instanceUrl: secret.instanceUrl, accessToken: secret.accessToken } : null;
    },
    blueskySessions,
  });
  const connectors = options.connectors ?? real.connectors;
  const onReconnectNeeded = (accountId: string) => {
    if (accounts.setStatus(accountId, 'reconnect_needed')) {
      const { workspaceId } = accounts.get(accountId);
      events.emit('accounts.changed', { workspaceId, accounts: accounts.listByWorkspace(workspaceId).map(toAccountView) });
    }
  };
  const polling = createStreamPolling({
    db: store.db,
    streams,
    items,
    events,
    connectors,
    connectivity: options.connectivity,
    log,
    onReconnectNeeded,
    // Bound late: the inbox is built below, and polls start only after it is.
    intake: (streamId, itemIds) => inbox.intake(streamId, itemIds),
  });
  const inboxSources = createInboxSources({ streams, accounts, scheduler: polling.scheduler });
  const streamHandlers = createStreamHandlers({
    streams,
    items,
    workspaces,
    accounts,
    events,
    scheduler: polling.scheduler,
    discoverFeeds: options.discoverFeeds ?? real.discoverFeeds,
  });
  const inbox = createInboxFeature({
    db: store.db,
    now,
    events,
    workspaces,
    accounts,
    streams,
    items,
    log,
    setNeedsAnswer: streamHandlers['streams.setNeedsAnswer'],
  });
  const outbox = createOutboxFeature({
    db: store.db,
    now,
    events,
    accounts,
    items,
    connectors,
    connectivity: options.connectivity,
    log,
    onReconnectNeeded,
    onPublished: (entry) => {
      if (entry.inboxItemId !== null && entry.publishedAt) inbox.service.recordResponse(entry.inboxItemId, new Date(entry.publishedAt));
    },
  });
  const drafts = createDraftsFeature({ db: store.db, now, events, workspaces, accounts, items, inbox: inbox.service, outbox });
  const planner = createPlannerFeature({ db: store.db, now, events, workspaces, accounts, items, inbox: inbox.service, outbox, connectors, log, connectivity: options.connectivity });
  const publishedReplies = store.db.prepare(
    `SELECT i.id FROM outbox o JOIN items i ON i.id = o.item_id
     WHERE o.workspace_id = ? AND o.state = 'published' AND i.reply_to = ? ORDER BY i.created_ms, i.id`,
  );
  const threadHandler = createThreadHandler({
    items,
    workspaces,
    accounts,
    connectors,
    onReconnectNeeded,
    publishedRepliesTo: (workspaceId, remoteId) => (publishedReplies.all(workspaceId, remoteId) as Array<{ id: number }>).map((row) => row.id),
  });

  const accountHandlers = createAccountHandlers({
    accounts,
    secrets,
    streams,
    workspaces,
    scheduler: polling.scheduler,
    inboxSources,
    events,
    oauthMode: options.oauthMode ?? (options.shell === 'desktop' ? 'loopback' : 'paste'),
    openExternal: options.openExternal,
    blueskySessions,
    pendingBlueskyWorkspace,
    streamsChanged: (workspaceId) => {
      items.collectOrphans();
      const list = streamHandlers['streams.list']({ workspaceId });
      if (!(list instanceof Promise)) events.emit('streams.changed', list);
    },
  });

  // --- alerts (issue 6): negative-mention spikes, checked after each analysis batch and every 5 minutes ---
  const alerts = createAlerts({ db: store.db, now, events, workspaces, log });
  const stopAlertCheck = analysis.onAnalysed((workspaceIds) => alerts.onAnalysed(workspaceIds));
  // --- end alerts ---

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
    ...streamHandlers,
    ...threadHandler.handlers,
    ...accountHandlers.handlers,
    ...inbox.handlers,
    ...drafts.handlers,
    ...outbox.handlers,
    ...planner.handlers,
    ...createInsightHandlers({ workspaces, dashboard, pipeline: analysis, analyzer }),
    ...createAlertHandlers({ alerts, items, workspaces, events }),
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

  // Accounts connected before the inbox existed get their sources before the first poll.
  inboxSources.ensureAll();
  if (options.poll !== false) polling.start();
  inbox.start();
  outbox.start();
  planner.start();
  analysis.start();
  alerts.start();

  return {
    handlers,
    dispatcher,
    events,
    store,
    vault,
    analysis,
    wake: () => {
      polling.poller.wake();
      inbox.wake();
    },
    close() {
      // Aborts polls in flight at once; none of them commits after this, so the store can close.
      void polling.stop();
      threadHandler.close();
      inbox.close();
      planner.close();
      analysis.close();
      stopAlertCheck();
      alerts.close();
      void outbox.close();
      accountHandlers.close();
      events.clear();
      store.close();
    },
  };
}
