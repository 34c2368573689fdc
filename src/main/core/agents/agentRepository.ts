import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { Agent } from '../../../shared/contract/inbox';
import type { Db } from '../store/database';

export interface AgentInput {
  name: string;
  initials: string;
  signature: string;
}

interface AgentRow {
  id: string;
  workspace_id: string;
  name: string;
  initials: string;
  signature: string;
  created_at: string;
}

function toAgent(row: AgentRow): Agent {
  return { id: row.id, workspaceId: row.workspace_id, name: row.name, initials: row.initials, signature: row.signature, createdAt: row.created_at };
}

/** The team of a workspace: who triages, whose initials sign the replies. */
export class AgentRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  list(workspaceId: string): Agent[] {
    return (this.db.prepare('SELECT * FROM agents WHERE workspace_id = ? ORDER BY name COLLATE NOCASE, created_at').all(workspaceId) as AgentRow[]).map(toAgent);
  }

  /** The agent if it belongs to this workspace; an agent of another workspace is as unknown as a made-up id. */
  get(workspaceId: string, id: string): Agent {
    const agent = this.find(workspaceId, id);
    if (!agent) throw new AppError('not_found', `There is no agent with the id ${id} in this workspace.`);
    return agent;
  }

  find(workspaceId: string, id: string): Agent | null {
    const row = this.db.prepare('SELECT * FROM agents WHERE id = ? AND workspace_id = ?').get(id, workspaceId) as AgentRow | undefined;
    return row ? toAgent(row) : null;
  }

  create(workspaceId: string, input: AgentInput): Agent {
    const id = randomUUID();
    const stamp = this.now().toISOString();
    this.db
      .prepare('INSERT INTO agents (id, workspace_id, name, initials, signature, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, workspaceId, input.name, input.initials, input.signature, stamp, stamp);
    return this.get(workspaceId, id);
  }

  update(workspaceId: string, id: string, input: AgentInput): Agent {
    this.get(workspaceId, id);
    this.db
      .prepare('UPDATE agents SET name = ?, initials = ?, signature = ?, updated_at = ? WHERE id = ? AND workspace_id = ?')
      .run(input.name, input.initials, input.signature, this.now().toISOString(), id, workspaceId);
    return this.get(workspaceId, id);
  }

  /** Removes the agent; items and notes keep their place and lose the name (the schema sets them null). */
  remove(workspaceId: string, id: string): void {
    this.get(workspaceId, id);
    this.db.prepare('DELETE FROM agents WHERE id = ? AND workspace_id = ?').run(id, workspaceId);
  }
}
