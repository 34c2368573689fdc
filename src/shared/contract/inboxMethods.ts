import { z } from 'zod';
import { workspaceIdSchema } from './domain';
import {
  agentSchema,
  authorRefSchema,
  contactSchema,
  historyEntrySchema,
  inboxCountsSchema,
  inboxCursorSchema,
  inboxFilterSchema,
  inboxItemViewSchema,
  inboxNoteSchema,
  inboxPatchSchema,
  inboxRuleSchema,
  inboxSettingsSchema,
  newAgentSchema,
  newSavedReplySchema,
  ruleActionsSchema,
  ruleConditionsSchema,
  ruleOutcomeSchema,
  ruleSampleSchema,
  savedReplySchema,
  tagSchema,
} from './inbox';
import { pageCursorSchema } from './items';
import { streamViewSchema } from './streams';

const uuid = z.string().uuid();
const inWorkspace = z.object({ workspaceId: workspaceIdSchema }).strict();
const inboxId = z.number().int().positive();
const noteText = z.string().trim().min(1).max(5000);

/** The inbox, its rules and settings, agents, contacts and saved replies. */
export const inboxMethods = {
  /** Due first (open and pending by due time), done items newest first; with counts per status. */
  'inbox.list': {
    params: z
      .object({ workspaceId: workspaceIdSchema, filter: inboxFilterSchema.optional(), after: inboxCursorSchema.nullable().optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    result: z.object({ items: z.array(inboxItemViewSchema), next: inboxCursorSchema.nullable(), counts: inboxCountsSchema }),
  },
  'inbox.get': {
    params: z.object({ workspaceId: workspaceIdSchema, id: inboxId }).strict(),
    result: z.object({ entry: inboxItemViewSchema, notes: z.array(inboxNoteSchema) }),
  },
  /** Bulk triage: status, assignee, tags, follow-up date for up to 500 items at once. */
  'inbox.update': {
    params: z.object({ workspaceId: workspaceIdSchema, ids: z.array(inboxId).min(1).max(500), patch: inboxPatchSchema }).strict(),
    result: z.object({ items: z.array(inboxItemViewSchema) }),
  },
  'inbox.addNote': {
    params: z.object({ workspaceId: workspaceIdSchema, id: inboxId, text: noteText }).strict(),
    result: inboxNoteSchema,
  },
  'inbox.getSettings': { params: inWorkspace, result: inboxSettingsSchema },
  /** Changing the goal, hours or time zone recomputes the due time of every open item. */
  'inbox.setSettings': {
    params: z.object({ workspaceId: workspaceIdSchema, settings: inboxSettingsSchema.partial() }).strict(),
    result: inboxSettingsSchema,
  },
  /** Every tag in use in the workspace (items and contacts), for the tag picker. */
  'inbox.tags': { params: inWorkspace, result: z.object({ tags: z.array(z.string()) }) },

  'agents.list': { params: inWorkspace, result: z.object({ agents: z.array(agentSchema) }) },
  'agents.create': { params: z.object({ workspaceId: workspaceIdSchema, agent: newAgentSchema }).strict(), result: agentSchema },
  'agents.update': { params: z.object({ workspaceId: workspaceIdSchema, id: uuid, agent: newAgentSchema }).strict(), result: agentSchema },
  'agents.remove': { params: z.object({ workspaceId: workspaceIdSchema, id: uuid }).strict(), result: z.object({ id: uuid }) },

  'rules.list': { params: inWorkspace, result: z.object({ rules: z.array(inboxRuleSchema) }) },
  /** Creates (no id) or replaces a rule; new rules go last. */
  'rules.save': {
    params: z
      .object({
        workspaceId: workspaceIdSchema,
        id: uuid.optional(),
        name: z.string().trim().min(1).max(80),
        enabled: z.boolean(),
        conditions: ruleConditionsSchema,
        actions: ruleActionsSchema,
      })
      .strict(),
    result: inboxRuleSchema,
  },
  'rules.remove': { params: z.object({ workspaceId: workspaceIdSchema, id: uuid }).strict(), result: z.object({ rules: z.array(inboxRuleSchema) }) },
  'rules.move': {
    params: z.object({ workspaceId: workspaceIdSchema, id: uuid, position: z.number().int().min(0).max(1000) }).strict(),
    result: z.object({ rules: z.array(inboxRuleSchema) }),
  },
  /** Which rules would fire, in order, for a sample message or an inbox item, and with what outcome. */
  'rules.test': {
    params: z.object({ workspaceId: workspaceIdSchema, sample: z.union([ruleSampleSchema, z.object({ inboxItemId: inboxId }).strict()]) }).strict(),
    result: ruleOutcomeSchema,
  },

  'contacts.get': { params: z.object({ workspaceId: workspaceIdSchema, author: authorRefSchema }).strict(), result: contactSchema },
  /** Everything the person (all linked identities) wrote in this workspace, and what we answered, newest first. */
  'contacts.history': {
    params: z
      .object({ workspaceId: workspaceIdSchema, author: authorRefSchema, after: pageCursorSchema.nullable().optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    result: z.object({ entries: z.array(historyEntrySchema), next: pageCursorSchema.nullable() }),
  },
  'contacts.addNote': { params: z.object({ workspaceId: workspaceIdSchema, author: authorRefSchema, text: noteText }).strict(), result: contactSchema },
  'contacts.setTags': { params: z.object({ workspaceId: workspaceIdSchema, author: authorRefSchema, tags: z.array(tagSchema).max(30) }).strict(), result: contactSchema },
  /** Says that two profiles (e.g. on Bluesky and Mastodon) are the same person. */
  'contacts.link': { params: z.object({ workspaceId: workspaceIdSchema, author: authorRefSchema, other: authorRefSchema }).strict(), result: contactSchema },
  'contacts.unlink': { params: z.object({ workspaceId: workspaceIdSchema, author: authorRefSchema }).strict(), result: contactSchema },
  /** Authors seen in the workspace whose handle or name contains the text (for linking). */
  'contacts.searchAuthors': {
    params: z.object({ workspaceId: workspaceIdSchema, text: z.string().trim().min(1).max(200) }).strict(),
    result: z.object({ authors: z.array(contactSchema.shape.identities.element) }),
  },

  'savedReplies.list': { params: inWorkspace, result: z.object({ replies: z.array(savedReplySchema) }) },
  'savedReplies.save': {
    params: z.object({ workspaceId: workspaceIdSchema, id: uuid.optional(), reply: newSavedReplySchema }).strict(),
    result: savedReplySchema,
  },
  'savedReplies.remove': { params: z.object({ workspaceId: workspaceIdSchema, id: uuid }).strict(), result: z.object({ id: uuid }) },

  /** Marks a column as an inbox source: everything it pulls in needs an answer. */
  'streams.setNeedsAnswer': { params: z.object({ id: uuid, needsAnswer: z.boolean() }).strict(), result: streamViewSchema },
} as const;
