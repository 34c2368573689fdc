import { postingPlanSchema, type PostingPlan } from '../../../shared/contract/planner';
import type { Db } from '../store/database';

/** The `posting_plans` table: one plan per account, as JSON. */
export class PlanRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare('SELECT plan FROM posting_plans WHERE account_id = ?'),
      put: db.prepare(
        `INSERT INTO posting_plans (account_id, workspace_id, plan, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET workspace_id = excluded.workspace_id, plan = excluded.plan, updated_at = excluded.updated_at`,
      ),
    };
  }

  /** The stored plan, or null (none, or one this version cannot read: the caller falls back to the default). */
  get(accountId: string): PostingPlan | null {
    const row = this.s.get.get(accountId) as { plan: string } | undefined;
    if (!row) return null;
    try {
      const parsed = postingPlanSchema.safeParse(JSON.parse(row.plan));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  put(workspaceId: string, accountId: string, plan: PostingPlan, now: Date): void {
    this.s.put.run(accountId, workspaceId, JSON.stringify(plan), now.toISOString());
  }
}
