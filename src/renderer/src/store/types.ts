import type { LeitstandClient } from '../../../shared/contract/client';
import type { Settings, Workspace, WorkspaceList } from '../../../shared/contract/domain';
import type { AppError } from '../../../shared/contract/errors';
import type { Connection, ConnectionState } from '../transport/connection';
import type { Outcome } from './outcome';

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

export type AppState = WorkspacesSlice & SettingsSlice & UiSlice;
