import { z } from 'zod';
import { networkSchema, storedItemSchema } from './items';
import { inquiryTypeSchema, sentimentSchema } from './analysis';

const uuid = z.string().uuid();
const isoDateTime = z.string().datetime({ offset: true });

/** open: waits for us; pending: we wait (for a follow-up date or the customer); done: answered or closed. */
export const INBOX_STATUSES = ['open', 'pending', 'done'] as const;
export const inboxStatusSchema = z.enum(INBOX_STATUSES);
export type InboxStatus = z.infer<typeof inboxStatusSchema>;

/** Why an item is in the inbox: it mentions or replies to one of the workspace's accounts, or a column marked "needs answer" pulled it in. */
export const INBOX_REASONS = ['mention', 'reply', 'stream'] as const;
export const inboxReasonSchema = z.enum(INBOX_REASONS);

/** A tag as people type it: trimmed, one line, compared case-insensitively (stored lower case). */
export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((tag) => !/[\r\n\t,]/.test(tag), 'A tag is one word or phrase without commas.')
  .transform((tag) => tag.toLowerCase());

/** A person of the team, per workspace; the composer appends the current agent's signature. */
export const agentSchema = z.object({
  id: uuid,
  workspaceId: uuid,
  name: z.string(),
  initials: z.string(),
  /** Appended to replies where the workspace wants it, e.g. "^AB". */
  signature: z.string(),
  createdAt: z.string(),
});
export type Agent = z.infer<typeof agentSchema>;

export const newAgentSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    initials: z.string().trim().min(1).max(6),
    signature: z.string().trim().max(60),
  })
  .strict();

/** "HH:MM", 24 hours; "24:00" closes a day at midnight. */
export const clockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'A time of day as HH:MM.');

/** One day's business hours; null means closed all day. */
export const businessDaySchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((day) => day.start < day.end, 'Business hours end after they start.')
  .nullable();
export type BusinessDay = z.infer<typeof businessDaySchema>;

/** Zones already found valid: building an Intl.DateTimeFormat per check is slow when a calendar answer carries thousands of them. */
const knownTimeZones = new Set<string>();

function isKnownTimeZone(zone: string): boolean {
  if (knownTimeZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownTimeZones.add(zone);
  return true;
}

/** An IANA time zone the runtime knows, e.g. Europe/Zurich. */
export const timeZoneSchema = z.string().min(1).max(64).refine(isKnownTimeZone, 'An IANA time zone such as Europe/Zurich.');

export const SIGNATURE_PLACEMENTS = ['off', 'replies', 'all'] as const;

/** How a workspace answers: the response-time goal in business time, and the composer's house rules. */
export const inboxSettingsSchema = z.object({
  /** The response-time goal in business minutes (e.g. 120 = two hours). */
  goalMinutes: z.number().int().min(5).max(7 * 24 * 60),
  timeZone: timeZoneSchema,
  /** Monday first, seven entries. An all-null week means "around the clock". */
  businessHours: z.array(businessDaySchema).length(7),
  /** Where the current agent's signature is appended. */
  signaturePlacement: z.enum(SIGNATURE_PLACEMENTS),
  /** The agent working at this machine for this workspace: whose signature, who "me" is. */
  currentAgentId: uuid.nullable(),
  /** Refuse to send media without alt text. */
  requireAltText: z.boolean(),
  /** The saved reply that the acknowledgement key sends ("Thanks, we are on it"). */
  acknowledgementReplyId: uuid.nullable(),
});
export type InboxSettings = z.infer<typeof inboxSettingsSchema>;

/** How the response clock of an item stands; computed by src/shared/inbox/responseClock.ts. */
export const CLOCK_STATES = ['ok', 'amber', 'red', 'answered', 'none'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export const inboxItemViewSchema = z.object({
  id: z.number().int().positive(),
  workspaceId: uuid,
  item: storedItemSchema,
  reason: inboxReasonSchema,
  streamId: uuid.nullable(),
  accountId: uuid.nullable(),
  status: inboxStatusSchema,
  assigneeId: uuid.nullable(),
  tags: z.array(z.string()),
  noteCount: z.number().int().nonnegative(),
  /** When the item came in (the post's time, or when we saw it if that was much later). */
  receivedAt: z.string(),
  /** When the response goal runs out, in business time; null when no goal applies. */
  dueAt: z.string().nullable(),
  followUpAt: z.string().nullable(),
  /** When the first reply sent from Leitstand was published. */
  firstResponseAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type InboxItemView = z.infer<typeof inboxItemViewSchema>;

/** Where the next inbox page starts: the sort key (due time, or received time for done items) and id of the last item. */
export const inboxCursorSchema = z.object({ key: z.number().int(), id: z.number().int().positive() });
export type InboxCursor = z.infer<typeof inboxCursorSchema>;

export const inboxFilterSchema = z
  .object({
    /** Default: open and pending. Done items sort newest answered first. */
    statuses: z.array(inboxStatusSchema).min(1).max(3).optional(),
    /** An agent id, 'none' for unassigned. */
    assignee: z.union([uuid, z.literal('none')]).optional(),
    tag: tagSchema.optional(),
    network: networkSchema.optional(),
  })
  .strict();
export type InboxFilter = z.infer<typeof inboxFilterSchema>;

export const inboxCountsSchema = z.object({
  open: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
});

export const inboxNoteSchema = z.object({
  id: z.number().int().positive(),
  agentId: uuid.nullable(),
  text: z.string(),
  createdAt: z.string(),
});
export type InboxNote = z.infer<typeof inboxNoteSchema>;

/** A bulk change; every field is optional, absent means "leave as it is". */
export const inboxPatchSchema = z
  .object({
    status: inboxStatusSchema.optional(),
    assigneeId: uuid.nullable().optional(),
    addTags: z.array(tagSchema).max(20).optional(),
    removeTags: z.array(tagSchema).max(20).optional(),
    /** Snooze: the item waits as 'pending' and reopens at this time. Null clears it. */
    followUpAt: isoDateTime.nullable().optional(),
  })
  .strict();
export type InboxPatch = z.infer<typeof inboxPatchSchema>;

/** What a rule looks at. Empty lists and null mean "any"; all given conditions must hold. */
export const ruleConditionsSchema = z
  .object({
    /** Any of these words or phrases, case-insensitive, in the text. */
    keywords: z.array(z.string().trim().min(1).max(100)).max(50),
    networks: z.array(networkSchema).max(3),
    streamIds: z.array(uuid).max(50),
    /** Language codes such as de, en (a post tagged de-CH matches de). */
    languages: z.array(z.string().trim().min(2).max(16)).max(20),
    minFollowers: z.number().int().nonnegative().nullable(),
    /** Any of these, as the on-device analysis judged the text (rules saved before it existed have none). */
    sentiments: z.array(sentimentSchema).max(3).default([]),
    inquiryTypes: z.array(inquiryTypeSchema).max(4).default([]),
  })
  .strict();
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export const ruleActionsSchema = z
  .object({
    tags: z.array(tagSchema).max(10),
    /** Assign to this agent; a later rule's assignment wins over an earlier one. */
    assigneeId: uuid.nullable(),
  })
  .strict();
export type RuleActions = z.infer<typeof ruleActionsSchema>;

export const inboxRuleSchema = z.object({
  id: uuid,
  workspaceId: uuid,
  name: z.string(),
  position: z.number().int(),
  enabled: z.boolean(),
  conditions: ruleConditionsSchema,
  actions: ruleActionsSchema,
});
export type InboxRule = z.infer<typeof inboxRuleSchema>;

/** What a rule is tested against (from the rules editor): a sample message, or an item already in the inbox. */
export const ruleSampleSchema = z
  .object({
    text: z.string().max(5000),
    network: networkSchema,
    streamId: uuid.nullable(),
    language: z.string().max(16).nullable(),
    followers: z.number().int().nonnegative().nullable(),
  })
  .strict();
export type RuleSample = z.infer<typeof ruleSampleSchema>;

export const ruleOutcomeSchema = z.object({
  matched: z.array(z.object({ ruleId: uuid, name: z.string() })),
  tags: z.array(z.string()),
  assigneeId: uuid.nullable(),
});
export type RuleOutcome = z.infer<typeof ruleOutcomeSchema>;

/** An author as the network knows them, named without the local id. */
export const authorRefSchema = z.object({ network: networkSchema, remoteId: z.string().min(1).max(2048) }).strict();
export type AuthorRef = z.infer<typeof authorRefSchema>;

export const contactIdentitySchema = z.object({
  network: networkSchema,
  remoteId: z.string(),
  handle: z.string().nullable(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  url: z.string().nullable(),
  followers: z.number().int().nonnegative().nullable(),
});
export type ContactIdentity = z.infer<typeof contactIdentitySchema>;

/** A person as the workspace knows them: one or more linked profiles, and what the team noted. */
export const contactSchema = z.object({
  workspaceId: uuid,
  identities: z.array(contactIdentitySchema).min(1),
  tags: z.array(z.string()),
  notes: z.array(inboxNoteSchema),
  /** Items of all identities in this workspace's streams and inbox. */
  itemCount: z.number().int().nonnegative(),
  firstSeenAt: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

/** One entry of a contact's history: what they wrote (in) or what we sent them (out). */
export const historyEntrySchema = z.object({
  direction: z.enum(['in', 'out']),
  item: storedItemSchema,
  inboxItemId: z.number().int().positive().nullable(),
  inboxStatus: inboxStatusSchema.nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const savedReplySchema = z.object({
  id: uuid,
  workspaceId: uuid,
  title: z.string(),
  /** May use variables: {{author.name}}, {{author.handle}}, {{agent.name}}, {{agent.initials}}, {{agent.signature}}, {{workspace.name}}. */
  body: z.string(),
  /** Words that make the picker suggest this reply for a message (e.g. "opening hours"). */
  keywords: z.array(z.string()),
  /** The kinds of message this reply answers (a question, a complaint…); empty: any. */
  inquiryTypes: z.array(inquiryTypeSchema),
  updatedAt: z.string(),
});
export type SavedReply = z.infer<typeof savedReplySchema>;

export const newSavedReplySchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    body: z.string().trim().min(1).max(5000),
    keywords: z.array(z.string().trim().min(1).max(60)).max(30).optional(),
    inquiryTypes: z.array(inquiryTypeSchema).max(4).optional(),
  })
  .strict();
