import { z } from 'zod';
import { settingsSchema, workspaceListSchema } from './domain';
import type { EventName } from './names';
import { pollStatusSchema, streamViewSchema } from './streams';
import { accountViewSchema } from './accounts';
import { agentSchema, inboxCountsSchema, inboxRuleSchema, savedReplySchema } from './inbox';
import { outboxEntrySchema } from './composer';
import { scheduledPostSchema } from './planner';
import { alertSchema } from './insight';

/** Everything the core tells the UI without being asked. */
export const events = {
  'workspaces.changed': workspaceListSchema,
  'settings.changed': settingsSchema,
  'streams.changed': z.object({ workspaceId: z.string().uuid(), streams: z.array(streamViewSchema) }),
  /** New items stored for a stream; the column asks for them with items.newer. */
  'items.added': z.object({ workspaceId: z.string().uuid(), streamId: z.string().uuid(), added: z.number().int(), unread: z.number().int() }),
  'poll.status': z.object({ workspaceId: z.string().uuid(), streamId: z.string().uuid(), status: pollStatusSchema }),
  'accounts.changed': z.object({ workspaceId: z.string().uuid(), accounts: z.array(accountViewSchema) }),
  /** Inbox items arrived or changed; `ids` are the changed ones (empty: reload the list). */
  'inbox.changed': z.object({ workspaceId: z.string().uuid(), ids: z.array(z.number().int().positive()), counts: inboxCountsSchema }),
  /** `removed`: the entry left the outbox (outbox.edit turned it back into a draft); `entry` is its last state. */
  'outbox.changed': z.object({ workspaceId: z.string().uuid(), entry: outboxEntrySchema, removed: z.boolean().optional() }),
  'rules.changed': z.object({ workspaceId: z.string().uuid(), rules: z.array(inboxRuleSchema) }),
  'agents.changed': z.object({ workspaceId: z.string().uuid(), agents: z.array(agentSchema) }),
  /** Scheduled posts were added, moved or changed state; the calendar reloads what it shows. */
  'schedule.changed': z.object({ workspaceId: z.string().uuid(), entries: z.array(scheduledPostSchema) }),
  'savedReplies.changed': z.object({ workspaceId: z.string().uuid(), replies: z.array(savedReplySchema) }),
  /** A new spike began: the desktop app shows a notification, a browser tab a banner. */
  'alerts.raised': z.object({ workspaceId: z.string().uuid(), alert: alertSchema }),
  /** An alert grew, ended or was acknowledged. */
  'alerts.changed': z.object({ workspaceId: z.string().uuid(), alert: alertSchema }),
  /**
   * The user clicked the desktop notification of this alert: show it (its items). The shell has
   * made its workspace the active one first. Only the desktop shell sends it, never the core.
   */
  'alerts.open': z.object({ workspaceId: z.string().uuid(), alertId: z.string().uuid() }),
  /** The aggregates behind the dashboard changed (new or re-analysed items); sent at most every few seconds. */
  'dashboard.changed': z.object({ workspaceId: z.string().uuid() }),
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type PayloadOf<E extends EventName> = z.output<Events[E]>;
