import type { Statement } from 'better-sqlite3';
import type { Db } from '../../store/database';

/** Where an item is counted: the streams that show it and their (distinct) workspaces. */
export class ItemLinks {
  private readonly statement: Statement;

  constructor(db: Db) {
    this.statement = db.prepare('SELECT si.stream_id, s.workspace_id FROM stream_items si JOIN streams s ON s.id = si.stream_id WHERE si.item_id = ?');
  }

  of(itemId: number): { streamIds: string[]; workspaceIds: string[] } {
    const rows = this.statement.all(itemId) as Array<{ stream_id: string; workspace_id: string }>;
    const workspaceIds = new Set<string>();
    for (const row of rows) workspaceIds.add(row.workspace_id);
    return { streamIds: rows.map((row) => row.stream_id), workspaceIds: [...workspaceIds] };
  }
}
