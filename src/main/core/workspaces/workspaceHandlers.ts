import type { WorkspaceList } from '../../../shared/contract/domain';
import { AppError } from '../../../shared/contract/errors';
import type { AccountRepository } from '../accounts/accountRepository';
import type { HandlerTable } from '../dispatch';
import type { CoreEvents } from '../events';
import type { SettingsRepository } from '../settings/settingsRepository';
import type { Db } from '../store/database';
import type { Vault } from '../vault/vault';
import type { WorkspaceRepository } from './workspaceRepository';

interface Deps {
  db: Db;
  workspaces: WorkspaceRepository;
  settings: SettingsRepository;
  accounts: AccountRepository;
  vault: Vault;
  events: CoreEvents;
}

type WorkspaceMethods =
  | 'workspaces.list'
  | 'workspaces.create'
  | 'workspaces.rename'
  | 'workspaces.archive'
  | 'workspaces.restore'
  | 'workspaces.delete'
  | 'workspaces.setActive';

export function createWorkspaceHandlers(deps: Deps): Pick<HandlerTable, WorkspaceMethods> {
  const { db, workspaces, settings, accounts, vault, events } = deps;

  /** The active workspace is always a live (not archived) one, or none when there is none. */
  function snapshot(): WorkspaceList {
    const all = workspaces.list();
    const live = all.filter((w) => !w.archivedAt);
    const stored = settings.getActiveWorkspaceId();
    const activeWorkspaceId = live.some((w) => w.id === stored) ? stored : (live[0]?.id ?? null);
    return { workspaces: all, activeWorkspaceId };
  }

  function changed(): WorkspaceList {
    const list = snapshot();
    events.emit('workspaces.changed', list);
    return list;
  }

  /**
   * Secrets left under this workspace without an account row (say, from a crash between two
   * writes) go too. A workspace without accounts never needed the keychain, so an unreachable
   * keychain does not stop its deletion.
   */
  async function sweepOrphanedSecrets(workspaceId: string, keychainRequired: boolean): Promise<void> {
    try {
      for (const entry of await vault.list(workspaceId)) await vault.delete(entry);
    } catch (error) {
      if (keychainRequired || !(error instanceof AppError) || error.code !== 'keychain_unavailable') throw error;
    }
  }

  return {
    'workspaces.list': () => snapshot(),
    'workspaces.create': ({ name }) => {
      const created = db.transaction(() => {
        const workspace = workspaces.create(name);
        // A new workspace is where the user wants to be next.
        settings.setActiveWorkspaceId(workspace.id);
        return workspace;
      })();
      changed();
      return created;
    },
    'workspaces.rename': ({ id, name }) => {
      const renamed = workspaces.rename(id, name);
      changed();
      return renamed;
    },
    'workspaces.archive': ({ id }) => {
      const archived = workspaces.archive(id);
      changed();
      return archived;
    },
    'workspaces.restore': ({ id }) => {
      const restored = workspaces.restore(id);
      changed();
      return restored;
    },
    'workspaces.delete': async ({ id }) => {
      workspaces.assertDeletable(id);
      // Secrets go first: if the keychain cannot be reached, the workspace stays, so that its
      // secrets are never orphaned in the keychain with nothing left pointing at them.
      const known = accounts.listByWorkspace(id).map((account) => ({ workspaceId: id, accountId: account.id }));
      for (const entry of known) await vault.delete(entry);
      await sweepOrphanedSecrets(id, known.length > 0);
      workspaces.delete(id);
      changed();
      return { id };
    },
    'workspaces.setActive': ({ id }) => {
      if (id !== null) workspaces.assertLive(id);
      settings.setActiveWorkspaceId(id);
      return changed();
    },
  };
}
