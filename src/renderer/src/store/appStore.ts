import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAccountsSlice, subscribeAccountEvents } from './accountsSlice';
import { createDeckSlice, subscribeDeckEvents } from './deckSlice';
import { attempt } from './outcome';
import { createSearchSlice } from './searchSlice';
import { createSettingsSlice } from './settingsSlice';
import { createThreadSlice } from './threadSlice';
import { createInboxSlice, subscribeInboxEvents } from './inboxSlice';
import { createComposerSlice } from './composerSlice';
import { createPlannerSlice } from './plannerSlice';
import { createDashboardSlice, subscribeAlertEvents } from './dashboardSlice';
import type { AppState, StoreDeps } from './types';
import { createUiSlice } from './uiSlice';
import { createWorkspacesSlice } from './workspacesSlice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createWorkspacesSlice(deps)(...args),
    ...createSettingsSlice(deps)(...args),
    ...createUiSlice(deps)(...args),
    ...createDeckSlice(deps)(...args),
    ...createSearchSlice(deps)(...args),
    ...createAccountsSlice(deps)(...args),
    ...createThreadSlice(deps)(...args),
    ...createInboxSlice(deps)(...args),
    ...createComposerSlice(deps)(...args),
    ...createPlannerSlice(deps)(...args),
    ...createDashboardSlice(deps)(...args),
  }));
}

/**
 * Keeps the store in step with the core: applies its events, tracks the connection and loads
 * everything afresh whenever the connection (re)opens, since events may have been missed.
 * Returns the function that stops all of it.
 */
export function syncWithCore(store: AppStore, { client, connection }: StoreDeps): () => void {
  const { receiveWorkspaces, reportError } = store.getState();

  async function load(): Promise<void> {
    const outcome = await attempt(() => Promise.all([client.workspaces.list({}), client.settings.get({})]));
    if (!outcome.ok) {
      // A dropped connection reports itself through the connection state; anything else is shown.
      if (connection.getState().kind === 'open') reportError(outcome.error);
      return;
    }
    const [list, settings] = outcome.value;
    receiveWorkspaces(list);
    store.setState({ settings, status: 'ready' });
    // Stream and item events may have been missed while the connection was down.
    void store.getState().resyncDeck();
    void store.getState().resyncAccounts();
    // Inbox events may have been missed too (new mentions, triage in another window).
    void store.getState().resyncInbox();
    // Alerts raised while the connection was down.
    const alertsWorkspaceId = store.getState().alerts.workspaceId;
    if (alertsWorkspaceId) void store.getState().loadAlerts(alertsWorkspaceId);
  }

  store.setState({ connection: connection.getState() });
  const unsubscribers = [
    client.on('workspaces.changed', (list) => receiveWorkspaces(list)),
    client.on('settings.changed', (settings) => store.setState({ settings })),
    subscribeDeckEvents(store.getState, client),
    subscribeAccountEvents(store.getState, client),
    subscribeInboxEvents(store.getState, client),
    subscribeAlertEvents(store.getState, client),
    connection.subscribe((state) => {
      const wasOpen = store.getState().connection.kind === 'open';
      store.setState({ connection: state });
      if (state.kind === 'open' && !wasOpen) void load();
    }),
  ];
  if (connection.getState().kind === 'open') void load();
  // Otherwise the subscription above loads once the socket opens.

  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
