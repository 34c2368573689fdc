import type { StateCreator } from 'zustand';
import { liveWorkspaces } from './selectors';
import { attempt } from './outcome';
import type { AppState, StoreDeps, WorkspacesSlice } from './types';

export function createWorkspacesSlice({ client }: StoreDeps): StateCreator<AppState, [], [], WorkspacesSlice> {
  return (set, get) => {
    /** Actions started from a button (not a dialog) report failures as an alert. */
    async function orAlert(action: () => Promise<unknown>): Promise<void> {
      const outcome = await attempt(action);
      if (!outcome.ok) get().reportError(outcome.error);
    }

    return {
      workspaces: [],
      activeWorkspaceId: null,
      receiveWorkspaces: (list) => set({ workspaces: list.workspaces, activeWorkspaceId: list.activeWorkspaceId }),
      // The core answers each change with a 'workspaces.changed' event, which updates the list.
      createWorkspace: (name) => attempt(() => client.workspaces.create({ name })),
      renameWorkspace: (id, name) => attempt(() => client.workspaces.rename({ id, name })),
      archiveWorkspace: (id) => attempt(() => client.workspaces.archive({ id })),
      restoreWorkspace: async (id) => {
        const outcome = await attempt(() => client.workspaces.restore({ id }));
        if (!outcome.ok) get().reportError(outcome.error);
        return outcome;
      },
      deleteWorkspace: (id) => attempt(() => client.workspaces.delete({ id })),
      setActiveWorkspace: (id) =>
        orAlert(async () => {
          if (get().activeWorkspaceId === id) return;
          // Switch at once; the core's answer confirms it (or the error puts the old one back).
          const previous = get().activeWorkspaceId;
          set({ activeWorkspaceId: id });
          try {
            get().receiveWorkspaces(await client.workspaces.setActive({ id }));
          } catch (error) {
            set({ activeWorkspaceId: previous });
            throw error;
          }
        }),
      switchToNthWorkspace: async (n) => {
        const target = liveWorkspaces(get().workspaces)[n - 1];
        if (target) await get().setActiveWorkspace(target.id);
      },
    };
  };
}
