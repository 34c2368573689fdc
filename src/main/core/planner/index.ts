import { AppError } from '../../../shared/contract/errors';
import type { Network } from '../../../shared/contract/items';
import type { PostingPlan } from '../../../shared/contract/planner';
import type { plannerMethods } from '../../../shared/contract/plannerMethods';
import { computeBestTimes, type EngagedPost } from '../../../shared/planner/bestTimes';
import { defaultPlan } from '../../../shared/planner/planRules';
import type { Connector } from '../connectors/connector';
import type { HandlersFor } from '../featureHandlers';
import type { DraftsDeps } from '../drafts';
import { PublishingSettingsStore } from '../outbox';
import type { Connectivity } from '../polling';
import { createEngagementRefresher } from './engagement';
import { PlanRepository } from './planRepository';
import { ScheduleStore } from './scheduleStore';
import { createScheduling, resolveOrRefuse } from './scheduling';

export type PlannerMethodName = keyof typeof plannerMethods;

/** The services drafts are written against, and what planning adds. */
export interface PlannerDeps extends DraftsDeps {
  connectors: Partial<Record<Network, Connector>>;
  log: (message: string) => void;
  /** The engagement refresher waits while offline. */
  connectivity?: Connectivity;
}

export interface PlannerFeature {
  handlers: HandlersFor<PlannerMethodName>;
  start(): void;
  close(): void;
}

/**
 * The posting planner: per-account plans and their rules, scheduling drafts for several
 * accounts at a wall-clock time or the next free slot, moving scheduled posts, the calendar, the
 * workspace's lateness limit, and best times from the account's own engagement (fetched back by
 * the refresher). Publishing itself is the outbox's.
 */
export function createPlannerFeature(deps: PlannerDeps): PlannerFeature {
  const { db, accounts, workspaces, inbox } = deps;
  const plans = new PlanRepository(db);
  const schedule = new ScheduleStore(db);
  const publishing = new PublishingSettingsStore(db);
  const engagement = createEngagementRefresher({ db, now: deps.now, connectors: deps.connectors, connectivity: deps.connectivity, log: deps.log });
  const engagedPosts = db.prepare(`
    SELECT o.published_at, i.likes, i.reposts, i.replies FROM outbox o JOIN items i ON i.id = o.item_id
     WHERE o.account_id = ? AND o.state = 'published' AND o.engagement_at IS NOT NULL AND o.published_at IS NOT NULL`);

  function accountIn(workspaceId: string, accountId: string) {
    workspaces.get(workspaceId);
    let account;
    try {
      account = accounts.get(accountId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') account = null;
      else throw error;
    }
    if (!account || account.workspaceId !== workspaceId) throw new AppError('not_found', `The account ${accountId} is not one of this workspace's accounts.`);
    return account;
  }

  function planFor(workspaceId: string, accountId: string): PostingPlan {
    return plans.get(accountId) ?? defaultPlan(inbox.settings(workspaceId).timeZone);
  }

  const scheduling = createScheduling({ ...deps, schedule, planFor, accountIn });

  function instant(iso: string, name: string): number {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new AppError('invalid_params', `${name} is not a date and time: ${iso}`);
    return ms;
  }

  const handlers: HandlersFor<PlannerMethodName> = {
    'plans.get': ({ workspaceId, accountId }) => {
      accountIn(workspaceId, accountId);
      return planFor(workspaceId, accountId);
    },
    'plans.set': ({ workspaceId, accountId, plan }) => {
      workspaces.assertLive(workspaceId);
      accountIn(workspaceId, accountId);
      plans.put(workspaceId, accountId, plan, deps.now());
      return plan;
    },
    'planner.nextFreeSlot': ({ workspaceId, accountId, after }) => {
      accountIn(workspaceId, accountId);
      const afterMs = after ? instant(after, 'after') : deps.now().getTime();
      const { local, timeZone } = scheduling.freeSlot(workspaceId, accountId, afterMs);
      return { local, timeZone };
    },
    'planner.check': ({ workspaceId, accountId, at, excludeEntryId }) => {
      accountIn(workspaceId, accountId);
      const { ms } = resolveOrRefuse(at.local, at.timeZone);
      return { warnings: scheduling.planWarnings(workspaceId, accountId, ms, new Set(excludeEntryId ? [excludeEntryId] : [])) };
    },
    'planner.bestTimes': ({ workspaceId, accountId }) => {
      accountIn(workspaceId, accountId);
      const plan = planFor(workspaceId, accountId);
      const rows = engagedPosts.all(accountId) as Array<{ published_at: string; likes: number | null; reposts: number | null; replies: number | null }>;
      const posts: EngagedPost[] = rows.map((r) => ({ at: Date.parse(r.published_at), likes: r.likes, reposts: r.reposts, replies: r.replies }));
      return computeBestTimes(posts, plan.timeZone);
    },
    'schedule.fromDraft': (params) => scheduling.fromDraft(params),
    'schedule.move': (params) => scheduling.move(params),
    'schedule.list': ({ workspaceId, from, to, accountIds, states }) => {
      workspaces.get(workspaceId);
      const fromMs = instant(from, 'from');
      const toMs = instant(to, 'to');
      if (toMs <= fromMs) throw new AppError('invalid_params', 'The end of the range must come after its start.');
      return { entries: schedule.list(workspaceId, fromMs, toMs, { accountIds, states }) };
    },
    'schedule.getSettings': ({ workspaceId }) => {
      workspaces.get(workspaceId);
      return publishing.get(workspaceId);
    },
    'schedule.setSettings': ({ workspaceId, settings }) => {
      workspaces.assertLive(workspaceId);
      const saved = publishing.put(workspaceId, settings);
      // Entries waiting for the network are judged by the new limit when they are picked up.
      deps.outbox.kick();
      return saved;
    },
  };

  return {
    handlers,
    start: () => engagement.start(),
    close: () => engagement.close(),
  };
}
