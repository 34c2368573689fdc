import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { Workspace } from '../../../shared/contract/domain';
import type { Db } from '../store/database';

interface WorkspaceRow {
  id: string;
  name: string;
  position: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class WorkspaceRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Active workspaces first in sidebar order, then archived ones, most recently archived first. */
  list(): Workspace[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM workspaces
         ORDER BY archived_at IS NOT NULL, CASE WHEN archived_at IS NULL THEN position END, archived_at DESC`,
      )
      .all() as WorkspaceRow[];
    return rows.map(toWorkspace);
  }

  get(id: string): Workspace {
    const row = this.db.prepare('SELECT * FROM workspaces WHERE id = ?').get(id) as WorkspaceRow | undefined;
    if (!row) throw new AppError('not_found', `There is no workspace with the id ${id}.`);
    return toWorkspace(row);
  }

  create(name: string): Workspace {
    this.assertNameFree(name, null);
    const stamp = this.now().toISOString();
    const { next } = this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM workspaces').get() as {
      next: number;
    };
    const id = randomUUID();
    this.db
      .prepare(
        'INSERT INTO workspaces (id, name, position, archived_at, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)',
      )
      .run(id, name, next, stamp, stamp);
    return this.get(id);
  }

  rename(id: string, name: string): Workspace {
    this.get(id);
    this.assertNameFree(name, id);
    this.db.prepare('UPDATE workspaces SET name = ?, updated_at = ? WHERE id = ?').run(name, this.now().toISOString(), id);
    return this.get(id);
  }

  archive(id: string): Workspace {
    const workspace = this.get(id);
    if (workspace.archivedAt) return workspace;
    const stamp = this.now().toISOString();
    this.db.prepare('UPDATE workspaces SET archived_at = ?, updated_at = ? WHERE id = ?').run(stamp, stamp, id);
    return this.get(id);
  }

  restore(id: string): Workspace {
    const workspace = this.get(id);
    if (!workspace.archivedAt) return workspace;
    const stamp = this.now().toISOString();
    const { next } = this.db
      .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM workspaces WHERE archived_at IS NULL')
      .get() as { next: number };
    this.db
      .prepare('UPDATE workspaces SET archived_at = NULL, position = ?, updated_at = ? WHERE id = ?')
      .run(next, stamp, id);
    return this.get(id);
  }

  /** A workspace that can take new accounts and columns: it exists and is not archived. */
  assertLive(id: string): Workspace {
    const workspace = this.get(id);
    if (workspace.archivedAt) {
      throw new AppError('conflict', `The workspace "${workspace.name}" is archived; restore it first.`, {
        reason: 'workspace_archived',
        details: { name: workspace.name },
      });
    }
    return workspace;
  }

  /** Deleting is only for archived workspaces, so that a live client profile is never one click from gone. */
  assertDeletable(id: string): Workspace {
    const workspace = this.get(id);
    if (!workspace.archivedAt) {
      throw new AppError('conflict', `Archive the workspace "${workspace.name}" before deleting it.`, {
        reason: 'workspace_not_archived',
        details: { name: workspace.name },
      });
    }
    return workspace;
  }

  delete(id: string): void {
    this.assertDeletable(id);
    this.db.prepare('DELETE FROM workspaces WHERE id = ?').run(id);
  }

  /** Two client profiles with the same name are how an agency mixes them up. */
  private assertNameFree(name: string, exceptId: string | null): void {
    const clash = this.db
      .prepare('SELECT id FROM workspaces WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
      .get(name, exceptId) as { id: string } | undefined;
    if (clash) {
      throw new AppError('conflict', `A workspace named "${name}" already exists.`, {
        reason: 'workspace_name_taken',
        details: { name },
      });
    }
  }
}
