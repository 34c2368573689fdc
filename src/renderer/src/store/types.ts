import type { AccountView } from '../../../shared/contract/accounts';
import type { LeitstandClient } from '../../../shared/contract/client';
import type { Settings, Workspace, WorkspaceList } from '../../../shared/contract/domain';
import type { AppError } from '../../../shared/contract/errors';
import type { PayloadOf } from '../../../shared/contract/events';
import type { ItemSearchFilters, PageCursor, StoredItem } from '../../../shared/contract/items';
import type { ParamsOf, ResultOf } from '../../../shared/contract/methods';
import type { StreamView } from '../../../shared/contract/streams';
import type { ColumnItems } from '../features/deck/columnItems';
import type { Connection, ConnectionState } from '../transport/connection';
import type { Outcome } from './outcome';
import type { InboxSlice } from './inboxSlice';
import type { ComposerSlice } from './composerSlice';
import type { PlannerSlice } from './plannerSlice';
import type { DashboardSlice } from './dashboardSlice';

export interface StoreDeps {
  client: LeitstandClient;
  connection: Connection;
}

export interface WorkspacesSlice {
  workspaces: Workspace[];
  activeWorkspaceId: string | null;
  /** Applies a list from the core (an event, a response or a fresh load). */
  receiveWorkspaces(list: WorkspaceList): void;
  createWorkspace(name: string): Promise<Outcome<Workspace>>;
  renameWorkspace(id: string, name: string): Promise<Outcome<Workspace>>;
  archiveWorkspace(id: string): Promise<Outcome<Workspace>>;
  restoreWorkspace(id: string): Promise<Outcome<Workspace>>;
  deleteWorkspace(id: string): Promise<Outcome<{ id: string }>>;
  setActiveWorkspace(id: string): Promise<void>;
  /** Ctrl+N: the Nth live workspace in sidebar order (1-based); nothing if there is none. */
  switchToNthWorkspace(n: number): Promise<void>;
}

export interface SettingsSlice {
  settings: Settings;
  updateSettings(patch: Partial<Settings>): Promise<void>;
}

export type DialogRequest =
  | { kind: 'create' }
  | { kind: 'rename'; workspaceId: string }
  | { kind: 'archive'; workspaceId: string }
  | { kind: 'delete'; workspaceId: string }
  | { kind: 'settings' };

export interface UiSlice {
  /** 'loading' until the first workspaces list and settings have arrived. */
  status: 'loading' | 'ready';
  connection: ConnectionState;
  dialog: DialogRequest | null;
  /** The last failed action that no dialog showed, with the core's message; shown as an alert. */
  error: AppError | null;
  openDialog(dialog: DialogRequest): void;
  closeDialog(): void;
  reportError(error: AppError): void;
  dismissError(): void;
  retryConnection(): void;
}

export type DiscoveredFeed = ResultOf<'feeds.discover'>['feeds'][number];

/** The columns (streams) of the workspace on screen. */
export interface DeckState {
  workspaceId: string | null;
  /** In column order (position). */
  streams: StreamView[];
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  error: AppError | null;
}

export interface DeckSlice {
  deck: DeckState;
  /** The items each column holds in memory, by stream id. */
  columns: Record<string, ColumnItems>;
  loadDeck(workspaceId: string): Promise<void>;
  /** After a reconnect: the streams afresh, and what each column missed meanwhile. */
  resyncDeck(): Promise<void>;
  receiveStreams(list: { workspaceId: string; streams: StreamView[] }): void;
  receivePollStatus(payload: PayloadOf<'poll.status'>): void;
  receiveItemsAdded(payload: PayloadOf<'items.added'>): void;
  discoverFeeds(url: string): Promise<Outcome<DiscoveredFeed[]>>;
  addColumn(stream: ParamsOf<'streams.add'>): Promise<Outcome<StreamView>>;
  removeColumn(id: string): Promise<Outcome<unknown>>;
  moveColumn(id: string, position: number): Promise<void>;
  refreshColumn(id: string): Promise<void>;
  markColumnRead(id: string): Promise<void>;
  /** Marks items read or unread in every column and result list that shows them. */
  setItemsRead(ids: number[], read: boolean): Promise<void>;
  /** The first page, unless the column has it already. */
  loadColumn(id: string): Promise<void>;
  loadOlder(id: string): Promise<void>;
  /** Fetches what was dropped above (memory bound) once the user scrolls back up to it. */
  fillGapAbove(id: string): Promise<void>;
  /** Starts the column over at its newest item. */
  reloadColumn(id: string): Promise<void>;
  setColumnAtTop(id: string, atTop: boolean): void;
}

export interface SearchQuery {
  text: string;
  filters: ItemSearchFilters;
}

export interface SearchState {
  workspaceId: string | null;
  /** Null while no search is open. */
  query: SearchQuery | null;
  items: StoredItem[];
  next: PageCursor | null;
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  loadingMore: boolean;
  error: AppError | null;
}

export interface SearchSlice {
  search: SearchState;
  runSearch(workspaceId: string, query: SearchQuery): Promise<void>;
  loadMoreResults(): Promise<void>;
  closeSearch(): void;
}

/** The connected accounts of the workspace on screen. */
export interface AccountsState {
  workspaceId: string | null;
  accounts: AccountView[];
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  error: AppError | null;
}

/** The accounts dialog of a workspace, and what it opens with. */
export interface AccountsDialogRequest {
  workspaceId: string;
  /** Opens straight at the form that connects an account of this network. */
  connect?: 'bluesky' | 'mastodon';
  /** Opens straight at reconnecting this account. */
  reconnectId?: string;
  /** Closes again once an account is connected (it was opened from another dialog to get one). */
  closeWhenConnected?: boolean;
}

export type MastodonAuthorization = ResultOf<'accounts.beginMastodon'>;

export interface AccountsSlice {
  accounts: AccountsState;
  accountsDialog: AccountsDialogRequest | null;
  loadAccounts(workspaceId: string): Promise<void>;
  /** After a reconnect: the list afresh, since 'accounts.changed' events may have been missed. */
  resyncAccounts(): Promise<void>;
  receiveAccounts(list: { workspaceId: string; accounts: AccountView[] }): void;
  /** The app password goes straight to the core; the store never keeps it. */
  connectBluesky(params: ParamsOf<'accounts.connectBluesky'>): Promise<Outcome<AccountView>>;
  beginMastodon(params: ParamsOf<'accounts.beginMastodon'>): Promise<Outcome<MastodonAuthorization>>;
  completeMastodon(params: ParamsOf<'accounts.completeMastodon'>): Promise<Outcome<AccountView>>;
  /** Removes the account with its columns and its secrets. */
  removeAccount(id: string): Promise<Outcome<unknown>>;
  openAccounts(request: AccountsDialogRequest): void;
  closeAccounts(): void;
}

/** The conversation around one item, shown beside the columns (null while none is open). */
export interface ThreadState {
  workspaceId: string;
  /** The item the thread was opened for: shown at once, replaced by the core's copy once it arrives. */
  item: StoredItem;
  phase: 'loading' | 'ready' | 'failed';
  /** Root first. */
  ancestors: StoredItem[];
  /** In reading order (depth first); replyToRemoteId says which post each one answers. */
  replies: StoredItem[];
  error: AppError | null;
  /** Counts up with every thread opened (a new one takes the focus). */
  opened: number;
}

export interface ThreadSlice {
  thread: ThreadState | null;
  /** Opens the thread of an item of the active workspace (marks the item read). */
  openThread(item: StoredItem): Promise<void>;
  retryThread(): Promise<void>;
  closeThread(): void;
  /** Marks an item of the open thread read or unread, there and in every column. */
  setThreadItemRead(item: StoredItem, read: boolean): void;
}

export type AppState = WorkspacesSlice & SettingsSlice & UiSlice & DeckSlice & SearchSlice & AccountsSlice & ThreadSlice & InboxSlice & ComposerSlice & PlannerSlice & DashboardSlice;
