import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import {
  ruleActionsSchema,
  ruleConditionsSchema,
  type InboxRule,
  type RuleActions,
  type RuleConditions,
} from '../../../shared/contract/inbox';
import type { Db } from '../store/database';

interface RuleRow {
  id: string;
  workspace_id: string;
  position: number;
  name: string;
  enabled: number;
  conditions: string;
  actions: string;
}

export interface RuleInput {
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

const NO_CONDITIONS: RuleConditions = { keywords: [], networks: [], streamIds: [], languages: [], minFollowers: null, sentiments: [], inquiryTypes: [] };
const NO_ACTIONS: RuleActions = { tags: [], assigneeId: null };

/**
 * Stored JSON is ours, but a damaged row must not stop the inbox: it becomes a rule that does
 * nothing. Rules stored before sentiments and inquiry types existed parse with both empty (the
 * schema's defaults), so they keep working as they did.
 */
function toRule(row: RuleRow): InboxRule {
  const conditions = ruleConditionsSchema.safeParse(parseJson(row.conditions));
  const actions = ruleActionsSchema.safeParse(parseJson(row.actions));
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    position: row.position,
    enabled: row.enabled === 1 && conditions.success && actions.success,
    conditions: conditions.success ? conditions.data : NO_CONDITIONS,
    actions: actions.success ? actions.data : NO_ACTIONS,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Rules per workspace, kept in a dense order 0..n-1. */
export class RuleRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  list(workspaceId: string): InboxRule[] {
    return (this.db.prepare('SELECT * FROM inbox_rules WHERE workspace_id = ? ORDER BY position, created_at').all(workspaceId) as RuleRow[]).map(toRule);
  }

  get(workspaceId: string, id: string): InboxRule {
    const row = this.db.prepare('SELECT * FROM inbox_rules WHERE id = ? AND workspace_id = ?').get(id, workspaceId) as RuleRow | undefined;
    if (!row) throw new AppError('not_found', `There is no rule with the id ${id} in this workspace.`);
    return toRule(row);
  }

  /** A new rule goes last. */
  create(workspaceId: string, input: RuleInput): InboxRule {
    const id = randomUUID();
    const stamp = this.now().toISOString();
    const { next } = this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM inbox_rules WHERE workspace_id = ?').get(workspaceId) as { next: number };
    this.db
      .prepare(
        `INSERT INTO inbox_rules (id, workspace_id, position, name, enabled, conditions, actions, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, workspaceId, next, input.name, input.enabled ? 1 : 0, JSON.stringify(input.conditions), JSON.stringify(input.actions), stamp, stamp);
    return this.get(workspaceId, id);
  }

  replace(workspaceId: string, id: string, input: RuleInput): InboxRule {
    this.get(workspaceId, id);
    this.db
      .prepare('UPDATE inbox_rules SET name = ?, enabled = ?, conditions = ?, actions = ?, updated_at = ? WHERE id = ? AND workspace_id = ?')
      .run(input.name, input.enabled ? 1 : 0, JSON.stringify(input.conditions), JSON.stringify(input.actions), this.now().toISOString(), id, workspaceId);
    return this.get(workspaceId, id);
  }

  remove(workspaceId: string, id: string): void {
    this.get(workspaceId, id);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM inbox_rules WHERE id = ? AND workspace_id = ?').run(id, workspaceId);
      this.renumber(this.list(workspaceId).map((rule) => rule.id));
    })();
  }

  /** Moves a rule to `position` (0-based), shifting the others. */
  move(workspaceId: string, id: string, position: number): void {
    this.get(workspaceId, id);
    const order = this.list(workspaceId).map((rule) => rule.id).filter((other) => other !== id);
    order.splice(Math.max(0, Math.min(position, order.length)), 0, id);
    this.db.transaction(() => this.renumber(order))();
  }

  /** A removed agent no longer receives items from rules. */
  clearAssignee(workspaceId: string, agentId: string): boolean {
    let changed = false;
    for (const rule of this.list(workspaceId)) {
      if (rule.actions.assigneeId !== agentId) continue;
      this.db
        .prepare('UPDATE inbox_rules SET actions = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify({ ...rule.actions, assigneeId: null }), this.now().toISOString(), rule.id);
      changed = true;
    }
    return changed;
  }

  private renumber(ids: readonly string[]): void {
    const update = this.db.prepare('UPDATE inbox_rules SET position = ? WHERE id = ?');
    ids.forEach((ruleId, index) => update.run(index, ruleId));
  }
}
