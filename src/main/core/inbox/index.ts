import { AppError } from '../../../shared/contract/errors';
import type { Agent, InboxSettings, RuleSample } from '../../../shared/contract/inbox';
import type { AccountRepository } from '../accounts/accountRepository';
import { createAgentHandlers } from '../agents/agentHandlers';
import { createContactHandlers } from '../contacts';
import { AgentRepository } from '../agents/agentRepository';
import type { Handler } from '../dispatch';
import type { CoreEvents } from '../events';
import type { HandlersFor, InboxMethodName } from '../featureHandlers';
import type { ItemStore } from '../items/itemStore';
import { createRuleHandlers } from '../rules/ruleHandlers';
import { RuleRepository } from '../rules/ruleRepository';
import { createSavedReplyHandlers } from '../savedReplies';
import type { Db } from '../store/database';
import type { StreamRepository } from '../streams/streamRepository';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import { runFollowUpCheck, startFollowUpTimer } from './followUps';
import { createInboxHandlers } from './inboxHandlers';
import { InboxRepository } from './inboxRepository';
import { InboxSettingsRepository } from './inboxSettings';
import { createIntake } from './intake';

export interface InboxDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  workspaces: WorkspaceRepository;
  accounts: AccountRepository;
  streams: StreamRepository;
  items: ItemStore;
  log: (message: string) => void;
  /** The column side of streams.setNeedsAnswer (it answers with the column's view). */
  setNeedsAnswer: Handler<'streams.setNeedsAnswer'>;
}

/** What the composer and the outbox need from the inbox. */
export interface InboxService {
  settings(workspaceId: string): InboxSettings;
  /** The agent set as "me" for the workspace, if any. */
  currentAgent(workspaceId: string): Agent | null;
  /** The inbox item's stored item and the account it came in through; throws not_found. */
  entryTarget(workspaceId: string, inboxItemId: number): { itemId: number; accountId: string | null };
  /** A reply to the inbox item was published: first-response time (if first) and status done. */
  recordResponse(inboxItemId: number, publishedAt: Date): void;
}

export interface InboxFeature {
  handlers: HandlersFor<InboxMethodName>;
  service: InboxService;
  /** Items newly linked to a stream by a poll (call inside the poll's transaction): decides which of them need an answer. */
  intake(streamId: string, itemIds: readonly number[]): void;
  start(): void;
  /** After the machine slept: follow-ups that came due meanwhile reopen now. */
  wake(): void;
  close(): void;
}

export function createInboxFeature(deps: InboxDeps): InboxFeature {
  const { db, now, events, workspaces, log } = deps;
  const inbox = new InboxRepository(db, deps.items);
  const settings = new InboxSettingsRepository(db);
  const agents = new AgentRepository(db, now);
  const rules = new RuleRepository(db, now);

  const changed = (workspaceId: string, ids: number[]) => events.emit('inbox.changed', { workspaceId, ids, counts: inbox.counts(workspaceId) });
  const isAgent = (workspaceId: string, agentId: string) => agents.find(workspaceId, agentId) !== null;
  const currentAgent = (workspaceId: string): Agent | null => {
    const { currentAgentId } = settings.get(workspaceId);
    return currentAgentId ? agents.find(workspaceId, currentAgentId) : null;
  };

  const runIntake = createIntake({ db, now, streams: deps.streams, accounts: deps.accounts, inbox, rules, settings: (id) => settings.get(id), isAgent, log });

  const sampleOf = (workspaceId: string, inboxItemId: number): RuleSample => {
    const row = inbox.get(workspaceId, inboxItemId);
    const [item] = deps.items.forWorkspace(workspaceId, [row.item_id]);
    if (!item) throw new AppError('not_found', `The item of inbox item ${inboxItemId} is gone.`);
    return {
      text: [item.title, item.text].filter(Boolean).join('\n'),
      network: item.network,
      streamId: row.stream_id,
      language: item.language,
      followers: item.author?.followers ?? null,
    };
  };

  const reopenFollowUps = () => {
    const due = inbox.dueFollowUps(now().getTime());
    if (due.length === 0) return;
    const stamp = now().toISOString();
    db.transaction(() => due.forEach((row) => inbox.reopen(row.workspace_id, row.id, stamp)))();
    const byWorkspace = new Map<string, number[]>();
    for (const row of due) byWorkspace.set(row.workspace_id, [...(byWorkspace.get(row.workspace_id) ?? []), row.id]);
    for (const [workspaceId, ids] of byWorkspace) changed(workspaceId, ids);
  };

  const handlers: HandlersFor<InboxMethodName> = {
    ...createInboxHandlers({ db, now, workspaces, inbox, settings, agents, changed, setNeedsAnswer: deps.setNeedsAnswer }),
    ...createAgentHandlers({
      agents,
      workspaces,
      events,
      transaction: (fn) => db.transaction(fn)(),
      onRemoved: (workspaceId, agent) => {
        const current = settings.get(workspaceId);
        if (current.currentAgentId === agent.id) settings.put(workspaceId, { ...current, currentAgentId: null });
        if (rules.clearAssignee(workspaceId, agent.id)) events.emit('rules.changed', { workspaceId, rules: rules.list(workspaceId) });
        changed(workspaceId, []);
      },
    }),
    ...createRuleHandlers({
      rules,
      workspaces,
      events,
      isAgent,
      isColumn: (workspaceId, streamId) => {
        try {
          const stream = deps.streams.get(streamId);
          return stream.workspaceId === workspaceId && stream.role === 'column';
        } catch {
          return false;
        }
      },
      sampleOf,
    }),
    ...createContactHandlers({ db, now, items: deps.items, workspaces, currentAgentId: (workspaceId) => currentAgent(workspaceId)?.id ?? null }),
    ...createSavedReplyHandlers({ db, now, events, workspaces }),
  };

  let stopTimer: (() => void) | null = null;
  // Removing a stream, an account or a workspace deletes inbox rows by cascade.
  const stopListening = events.subscribe((event) => {
    if (event === 'streams.changed' || event === 'accounts.changed' || event === 'workspaces.changed') inbox.forgetCounts();
  });

  return {
    handlers,
    service: {
      settings: (workspaceId) => settings.get(workspaceId),
      currentAgent,
      entryTarget: (workspaceId, inboxItemId) => {
        const row = inbox.get(workspaceId, inboxItemId);
        return { itemId: row.item_id, accountId: row.account_id };
      },
      recordResponse: (inboxItemId, publishedAt) => {
        const row = inbox.find(inboxItemId);
        if (!row) return log(`[inbox] a reply was published for inbox item ${inboxItemId}, which is gone`);
        inbox.respond(row.workspace_id, inboxItemId, publishedAt.getTime(), now().toISOString());
        changed(row.workspace_id, [inboxItemId]);
      },
    },
    intake: (streamId, itemIds) => {
      const added = runIntake(streamId, itemIds);
      if (added) changed(added.workspaceId, added.ids);
    },
    start() {
      stopTimer ??= startFollowUpTimer(reopenFollowUps, log);
    },
    wake() {
      runFollowUpCheck(reopenFollowUps, log);
    },
    close() {
      stopTimer?.();
      stopTimer = null;
      stopListening();
    },
  };
}
