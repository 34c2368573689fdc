import { workspaceListSchema } from '../../shared/contract/domain';
import type { Core } from '../core';
import type { Preferences } from './preferences';

/** Keeps the last active workspace in the preferences whenever the core reports a change. */
export function rememberActiveWorkspace(
  events: Pick<Core['events'], 'subscribe'>,
  preferences: Preferences,
): () => void {
  return events.subscribe((event, payload) => {
    if (event !== 'workspaces.changed') return;
    const list = workspaceListSchema.safeParse(payload);
    if (list.success) preferences.setLastWorkspaceId(list.data.activeWorkspaceId);
  });
}

/**
 * Re-activates the remembered workspace at start, if it still exists and is not archived.
 * Anything else (deleted, archived, never set) leaves the core's own choice in place.
 *
 * Note: the core already keeps the active workspace in its settings table, so for a single
 * data folder this only matters when the two disagree (e.g. a database restored from a backup).
 */
export async function restoreLastWorkspace(
  dispatcher: Core['dispatcher'],
  preferences: Preferences,
  log: (message: string) => void = (message) => console.warn(message),
): Promise<void> {
  const remembered = preferences.getLastWorkspaceId();
  if (!remembered) return;
  const listed = await dispatcher.call('workspaces.list', {});
  if (!listed.ok) {
    log(`[shell] could not list workspaces: ${listed.error.message}`);
    return;
  }
  const list = workspaceListSchema.parse(listed.result);
  if (list.activeWorkspaceId === remembered) return;
  const live = list.workspaces.some((workspace) => workspace.id === remembered && !workspace.archivedAt);
  if (!live) return;
  const activated = await dispatcher.call('workspaces.setActive', { id: remembered });
  if (!activated.ok) log(`[shell] could not re-open the last workspace: ${activated.error.message}`);
}
