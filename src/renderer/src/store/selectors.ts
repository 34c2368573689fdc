import type { Workspace } from '../../../shared/contract/domain';

/** The workspaces in the switcher, in sidebar order (the core lists live ones first, by position). */
export function liveWorkspaces(workspaces: readonly Workspace[]): Workspace[] {
  return workspaces.filter((workspace) => !workspace.archivedAt);
}

export function archivedWorkspaces(workspaces: readonly Workspace[]): Workspace[] {
  return workspaces.filter((workspace) => workspace.archivedAt);
}

export function findWorkspace(workspaces: readonly Workspace[], id: string | null): Workspace | undefined {
  return id === null ? undefined : workspaces.find((workspace) => workspace.id === id);
}
