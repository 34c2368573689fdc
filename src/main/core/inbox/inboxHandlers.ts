import { AppError } from '../../../shared/contract/errors';
import type { InboxPatch, InboxSettings } from '../../../shared/contract/inbox';
import { dueFor } from '../../../shared/inbox/responseClock';
import type { AgentRepository } from '../agents/agentRepository';
import type { Handler } from '../dispatch';
import type { HandlersFor } from '../featureHandlers';
import type { Db } from '../store/database';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import type { InboxRepository, InboxRow } from './inboxRepository';
import type { InboxSettingsRepository } from './inboxSettings';

export type InboxCoreMethodName =
  | 'inbox.list'
  | 'inbox.get'
  | 'inbox.update'
  | 'inbox.addNote'
  | 'inbox.getSettings'
  | 'inbox.setSettings'
  | 'inbox.tags'
  | 'streams.setNeedsAnswer';

export interface InboxHandlerDeps {
  db: Db;
  now: () => Date;
  workspaces: WorkspaceRepository;
  inbox: InboxRepository;
  settings: InboxSettingsRepository;
  agents: AgentRepository;
  /** Tells the UI; `ids` empty means "reload the list". */
  changed: (workspaceId: string, ids: number[]) => void;
  /** The column side of streams.setNeedsAnswer (lives with the stream handlers). */
  setNeedsAnswer: Handler<'streams.setNeedsAnswer'>;
}

const CLOCK_FIELDS = ['goalMinutes', 'businessHours', 'timeZone'] as const;

export function createInboxHandlers(deps: InboxHandlerDeps): HandlersFor<InboxCoreMethodName> {
  const { db, workspaces, inbox, settings, agents } = deps;

  const assertAgent = (workspaceId: string, agentId: string | null) => {
    if (agentId !== null && !agents.find(workspaceId, agentId)) {
      throw new AppError('invalid_params', `There is no agent with the id ${agentId} in this workspace.`);
    }
  };

  const applyPatch = (row: InboxRow, patch: InboxPatch, stamp: string) => {
    const fields: Partial<Pick<InboxRow, 'status' | 'assignee_id' | 'follow_up_ms'>> = {};
    if (patch.followUpAt !== undefined && patch.followUpAt !== null) {
      // A snooze: the item waits as pending and the follow-up timer reopens it.
      fields.follow_up_ms = Date.parse(patch.followUpAt);
      fields.status = 'pending';
    } else {
      if (patch.followUpAt === null) fields.follow_up_ms = null;
      if (patch.status !== undefined) {
        fields.status = patch.status;
        // Opening or closing an item by hand ends its snooze.
        if (patch.status !== 'pending') fields.follow_up_ms = null;
      }
    }
    if (patch.assigneeId !== undefined) fields.assignee_id = patch.assigneeId;
    inbox.update(row.workspace_id, row.id, fields, stamp);
    if (patch.removeTags?.length) inbox.removeTags(row.id, patch.removeTags);
    if (patch.addTags?.length) inbox.addTags(row.id, patch.addTags);
  };

  const recomputeDue = (workspaceId: string, next: InboxSettings) => {
    for (const { id, received_ms } of inbox.waiting(workspaceId)) inbox.setDue(id, dueFor(received_ms, next));
  };

  return {
    'inbox.list': ({ workspaceId, filter, after, limit }) => {
      workspaces.assertLive(workspaceId);
      const { rows, next } = inbox.page(workspaceId, filter ?? {}, after ?? null, limit ?? 50);
      const { statuses: _statuses, ...others } = filter ?? {};
      return { items: inbox.views(rows), next, counts: inbox.counts(workspaceId, others) };
    },
    'inbox.get': ({ workspaceId, id }) => {
      workspaces.assertLive(workspaceId);
      const [entry] = inbox.views([inbox.get(workspaceId, id)]);
      if (!entry) throw new AppError('not_found', `The item of inbox item ${id} is gone.`);
      return { entry, notes: inbox.notes(id) };
    },
    'inbox.update': ({ workspaceId, ids, patch }) => {
      workspaces.assertLive(workspaceId);
      if (patch.followUpAt && patch.status !== undefined && patch.status !== 'pending') {
        throw new AppError('invalid_params', 'A follow-up date makes the item pending; it cannot be set together with another status.');
      }
      if (patch.assigneeId !== undefined) assertAgent(workspaceId, patch.assigneeId);
      const unique = [...new Set(ids)];
      // All or nothing: one id of another workspace (or none) changes nothing at all.
      const rows = unique.map((id) => inbox.get(workspaceId, id));
      const stamp = deps.now().toISOString();
      db.transaction(() => rows.forEach((row) => applyPatch(row, patch, stamp)))();
      deps.changed(workspaceId, unique);
      return { items: inbox.views(unique.map((id) => inbox.get(workspaceId, id))) };
    },
    'inbox.addNote': ({ workspaceId, id, text }) => {
      workspaces.assertLive(workspaceId);
      inbox.get(workspaceId, id);
      const { currentAgentId } = settings.get(workspaceId);
      const agentId = currentAgentId && agents.find(workspaceId, currentAgentId) ? currentAgentId : null;
      const note = inbox.addNote(id, agentId, text, deps.now().toISOString());
      deps.changed(workspaceId, [id]);
      return note;
    },
    'inbox.getSettings': ({ workspaceId }) => {
      workspaces.assertLive(workspaceId);
      return settings.get(workspaceId);
    },
    'inbox.setSettings': ({ workspaceId, settings: patch }) => {
      workspaces.assertLive(workspaceId);
      const current = settings.get(workspaceId);
      const next: InboxSettings = { ...current };
      for (const [key, value] of Object.entries(patch) as Array<[keyof InboxSettings, unknown]>) {
        if (value !== undefined) (next as Record<keyof InboxSettings, unknown>)[key] = value;
      }
      assertAgent(workspaceId, next.currentAgentId);
      if (next.acknowledgementReplyId !== null && !db.prepare('SELECT 1 FROM saved_replies WHERE id = ? AND workspace_id = ?').get(next.acknowledgementReplyId, workspaceId)) {
        throw new AppError('invalid_params', `There is no saved reply with the id ${next.acknowledgementReplyId} in this workspace.`);
      }
      const clockChanged = CLOCK_FIELDS.some((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]));
      db.transaction(() => {
        settings.put(workspaceId, next);
        if (clockChanged) recomputeDue(workspaceId, next);
      })();
      if (clockChanged) deps.changed(workspaceId, []);
      return next;
    },
    'inbox.tags': ({ workspaceId }) => {
      workspaces.assertLive(workspaceId);
      return { tags: inbox.tagsInUse(workspaceId) };
    },
    'streams.setNeedsAnswer': (params) => deps.setNeedsAnswer(params),
  };
}
