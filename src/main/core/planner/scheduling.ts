import type { ComposerProblem, DraftContent } from '../../../shared/contract/composer';
import { AppError } from '../../../shared/contract/errors';
import type { PlanWarning, PostingPlan, ScheduledPost, ScheduleResult, WallTime } from '../../../shared/contract/planner';
import { checkPlan, nextFreeSlot, NEXT_SLOT_HORIZON_DAYS } from '../../../shared/planner/planRules';
import { formatLocal, resolveWallTime, shiftLocal } from '../../../shared/planner/wallTime';
import type { AccountRepository } from '../accounts/accountRepository';
import { checkDraft, isPostingNetwork, type PostingNetwork } from '../composer/check';
import type { DraftsDeps } from '../drafts';
import { DraftRepository } from '../drafts/draftRepository';
import { DraftTargets, isReplyKey } from '../drafts/draftTargets';
import type { ScheduleStore } from './scheduleStore';

const DAY = 24 * 3600_000;

/** The services drafts are written against, and what planning adds. */
export interface SchedulingDeps extends DraftsDeps {
  schedule: ScheduleStore;
  /** The account's plan (the default one when none is stored). */
  planFor(workspaceId: string, accountId: string): PostingPlan;
  /** The account, if it is one of the workspace's; not_found otherwise. */
  accountIn(workspaceId: string, accountId: string): ReturnType<AccountRepository['get']>;
}

export interface FromDraftParams {
  workspaceId: string;
  key: string;
  accountIds: string[];
  content: DraftContent;
  at: WallTime | { nextFreeSlot: true };
  acknowledgeWarnings: boolean;
}

export interface MoveParams {
  workspaceId: string;
  ids: string[];
  to: { at: WallTime } | { shiftMinutes: number };
  acknowledgeWarnings: boolean;
}

type Warning = ScheduleResult['warnings'][number];

/** resolveWallTime, with a wall time or zone that cannot be read refused as invalid_params. */
export function resolveOrRefuse(local: string, timeZone: string) {
  try {
    return resolveWallTime(local, timeZone);
  } catch (error) {
    throw new AppError('invalid_params', error instanceof Error ? error.message : String(error));
  }
}

/**
 * schedule.fromDraft and schedule.move. Both answer `saved: false` with the warnings when a plan
 * would be broken and the user has not acknowledged them, and change nothing of the schedule
 * then; otherwise everything happens in one transaction and schedule.changed goes out after it.
 */
export function createScheduling(deps: SchedulingDeps) {
  const { db, schedule } = deps;
  const drafts = new DraftRepository(db, deps.now);
  const targets = new DraftTargets(db, deps);

  function planWarnings(workspaceId: string, accountId: string, at: number, exclude: ReadonlySet<string>, extraTaken: readonly number[] = []): PlanWarning[] {
    const plan = deps.planFor(workspaceId, accountId);
    const taken = [...schedule.taken(accountId, { from: at, to: at }, exclude), ...extraTaken];
    return checkPlan(plan, taken, at, deps.now().getTime());
  }

  function freeSlot(workspaceId: string, accountId: string, afterMs: number): WallTime & { ms: number } {
    const plan = deps.planFor(workspaceId, accountId);
    const taken = schedule.taken(accountId, { from: afterMs, to: afterMs + (NEXT_SLOT_HORIZON_DAYS + 2) * DAY });
    const slot = nextFreeSlot(plan, taken, afterMs, deps.now().getTime());
    if (!slot) {
      const why = plan.slots.length === 0 ? 'the plan has no time slots' : `every slot of the next ${NEXT_SLOT_HORIZON_DAYS} days is taken or breaks a rule`;
      throw new AppError('conflict', `No free slot for this account: ${why}.`, { reason: 'no_free_slot', details: { accountId } });
    }
    return { local: slot.local, timeZone: plan.timeZone, ms: slot.ms };
  }

  function saveDraft(workspaceId: string, key: string, accountId: string, content: DraftContent) {
    const updated = drafts.update(workspaceId, key, accountId, content);
    if (updated) return updated;
    const target = targets.resolve(workspaceId, key);
    return drafts.insert({ workspaceId, key, inboxItemId: target.inboxItemId, replyToItemId: target.replyToItemId, accountId, content });
  }

  function fromDraft(params: FromDraftParams): ScheduleResult {
    const { workspaceId, key, content } = params;
    deps.workspaces.assertLive(workspaceId);
    const accountIds = [...new Set(params.accountIds)];
    const accounts = accountIds.map((id) => deps.accountIn(workspaceId, id));
    for (const account of accounts) {
      if (!isPostingNetwork(account.network)) throw new AppError('invalid_params', `Posts cannot be published to ${account.network} (${account.handle}).`);
    }
    const saved: DraftContent = { ...content, targetAccountIds: accountIds };
    const settings = deps.inbox.settings(workspaceId);
    const signature = deps.inbox.currentAgent(workspaceId)?.signature ?? null;

    type Outcome = { problems: Array<ComposerProblem & { handle: string }> } | { result: ScheduleResult; entries: ScheduledPost[] };
    const run = db.transaction((): Outcome => {
      const draft = saveDraft(workspaceId, key, accountIds[0]!, saved);
      // A content warning in a draft for Mastodon and Bluesky accounts is Mastodon's; only a
      // Bluesky-only draft is told that Bluesky has none.
      const forMastodonToo = accounts.some((account) => account.network === 'mastodon');
      const checks = accounts.map((account) => {
        const network = account.network as PostingNetwork;
        const text = content.variants?.[network]?.text ?? content.text;
        const spoilerText = network === 'bluesky' && forMastodonToo ? null : content.spoilerText;
        return checkDraft({ network, account, content: { ...content, text, spoilerText }, media: draft.media, isReply: isReplyKey(key), settings, signature });
      });
      const problems = checks.flatMap((check, i) => check.problems.map((p) => ({ ...p, handle: accounts[i]!.handle })));
      if (problems.length > 0) return { problems };

      const nowMs = deps.now().getTime();
      const times = accounts.map((account) => {
        if ('nextFreeSlot' in params.at) return freeSlot(workspaceId, account.id, nowMs);
        const resolved = resolveOrRefuse(params.at.local, params.at.timeZone);
        return { local: resolved.local, timeZone: params.at.timeZone, ms: resolved.ms };
      });
      const warnings: Warning[] = accounts.flatMap((account, i) =>
        planWarnings(workspaceId, account.id, times[i]!.ms, new Set()).map((w) => ({ ...w, accountId: account.id })),
      );
      if (warnings.length > 0 && !params.acknowledgeWarnings) return { result: { saved: false, entries: [], warnings }, entries: [] };

      // The draft's media rows can move only once: the first account takes them, the others get copies.
      const order = accounts.map((_, i) => i).sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
      const ids: string[] = new Array<string>(accounts.length);
      for (const i of order) {
        const account = accounts[i]!;
        const check = checks[i]!;
        const entry = deps.outbox.enqueue({
          workspaceId,
          accountId: account.id,
          inboxItemId: draft.inboxItemId,
          replyToItemId: draft.replyToItemId,
          text: check.finalText,
          spoilerText: check.network === 'mastodon' && content.spoilerText?.trim() ? content.spoilerText : null,
          language: content.language,
          visibility: check.network === 'mastodon' ? content.visibility : null,
          timeZone: times[i]!.timeZone,
          dueLocal: times[i]!.local,
          mediaFromDraftId: draft.id,
          mediaMode: i === 0 ? 'move' : 'copy',
        });
        ids[i] = entry.id;
      }
      drafts.deleteSent(draft.id);
      const entries = ids.map((id) => schedule.get(id)!);
      return { result: { saved: true, entries, warnings }, entries };
    });

    let outcome: Outcome;
    try {
      outcome = run();
    } catch (error) {
      // The rollback took the text with it: keep it as a draft (as composer.send does).
      try {
        db.transaction(() => saveDraft(workspaceId, key, accountIds[0]!, saved))();
      } catch {
        // The original error is the one to report.
      }
      throw error;
    }
    if ('problems' in outcome) {
      throw new AppError('invalid_params', `The post cannot be scheduled: ${outcome.problems.map((p) => `${p.handle}: ${p.message}`).join(' ')}`, {
        details: { problems: [...new Set(outcome.problems.map((p) => p.code))].join(',') },
      });
    }
    if (outcome.result.saved) {
      deps.outbox.kick();
      deps.events.emit('schedule.changed', { workspaceId, entries: outcome.entries });
    }
    return outcome.result;
  }

  function move(params: MoveParams): ScheduleResult {
    const { workspaceId } = params;
    deps.workspaces.assertLive(workspaceId);
    const ids = [...new Set(params.ids)];
    const rows = new Map(schedule.rows(ids).map((row) => [row.id, row]));
    for (const id of ids) {
      const row = rows.get(id);
      if (!row || row.workspace_id !== workspaceId) throw new AppError('not_found', `There is no scheduled post ${id} in this workspace.`);
      if (row.state !== 'scheduled' && row.state !== 'failed') throw new AppError('conflict', `This post is ${row.state} and cannot be moved.`);
    }
    const fallbackZone = deps.inbox.settings(workspaceId).timeZone;
    const targetsOf = ids.map((id) => {
      const row = rows.get(id)!;
      if ('at' in params.to) {
        const resolved = resolveOrRefuse(params.to.at.local, params.to.at.timeZone);
        return { row, timeZone: params.to.at.timeZone, local: resolved.local, ms: resolved.ms };
      }
      // A shift moves the wall time on the clock face: "a day later" stays at 10:00 across a DST change.
      const timeZone = row.time_zone ?? fallbackZone;
      const from = row.due_local ?? formatLocal(row.due_ms, timeZone);
      const resolved = resolveOrRefuse(shiftLocal(from, params.to.shiftMinutes), timeZone);
      return { row, timeZone, local: resolved.local, ms: resolved.ms };
    });

    const moving = new Set(ids);
    const warnings: Warning[] = [];
    for (const target of targetsOf) {
      const accountId = target.row.account_id;
      if (accountId === null) continue;
      // The other posts moved together count at their new times.
      const others = targetsOf.filter((t) => t !== target && t.row.account_id === accountId).map((t) => t.ms);
      warnings.push(...planWarnings(workspaceId, accountId, target.ms, moving, others).map((w) => ({ ...w, accountId })));
    }
    if (warnings.length > 0 && !params.acknowledgeWarnings) return { saved: false, entries: [], warnings };

    const now = deps.now();
    const entries = db.transaction(() =>
      targetsOf.map((t) => {
        if (!schedule.move(t.row.id, t.row.state, { dueMs: t.ms, dueLocal: t.local, timeZone: t.timeZone }, now)) {
          throw new AppError('conflict', 'A post changed meanwhile (it may be going out right now); look again.');
        }
        return schedule.get(t.row.id)!;
      }),
    )();
    for (const entry of entries) deps.events.emit('outbox.changed', { workspaceId, entry: stripToEntry(entry) });
    deps.events.emit('schedule.changed', { workspaceId, entries });
    // The publisher's timer was armed for the old times.
    deps.outbox.kick();
    return { saved: true, entries, warnings };
  }

  return { fromDraft, move, freeSlot, planWarnings };
}

function stripToEntry(post: ScheduledPost) {
  const { wallTime: _wallTime, counts: _counts, ...entry } = post;
  return entry;
}

