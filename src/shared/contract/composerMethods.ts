import { z } from 'zod';
import { workspaceIdSchema } from './domain';
import { composerCheckSchema, draftContentSchema, draftKeySchema, draftSchema, mediaViewSchema, newMediaSchema, outboxEntrySchema, outboxStateSchema } from './composer';

const uuid = z.string().uuid();

/** Drafts, the composer's checks, and the outbox. */
export const composerMethods = {
  'drafts.get': { params: z.object({ workspaceId: workspaceIdSchema, key: draftKeySchema }).strict(), result: z.object({ draft: draftSchema.nullable() }) },
  'drafts.list': { params: z.object({ workspaceId: workspaceIdSchema }).strict(), result: z.object({ drafts: z.array(draftSchema) }) },
  /** Autosave: creates the draft on first save; a reply draft names its inbox item or item. */
  'drafts.save': {
    params: z
      .object({
        workspaceId: workspaceIdSchema,
        key: draftKeySchema,
        accountId: uuid.nullable(),
        content: draftContentSchema,
      })
      .strict(),
    result: draftSchema,
  },
  'drafts.discard': { params: z.object({ workspaceId: workspaceIdSchema, key: draftKeySchema }).strict(), result: z.object({ key: draftKeySchema }) },
  'drafts.addMedia': { params: z.object({ workspaceId: workspaceIdSchema, key: draftKeySchema, media: newMediaSchema }).strict(), result: draftSchema },
  'drafts.setMediaAlt': {
    params: z.object({ workspaceId: workspaceIdSchema, key: draftKeySchema, mediaId: uuid, alt: z.string().max(2000) }).strict(),
    result: draftSchema,
  },
  'drafts.removeMedia': { params: z.object({ workspaceId: workspaceIdSchema, key: draftKeySchema, mediaId: uuid }).strict(), result: draftSchema },
  /** Media bytes for the composer's preview, base64. */
  'drafts.mediaData': {
    params: z.object({ workspaceId: workspaceIdSchema, mediaId: uuid }).strict(),
    result: z.object({ media: mediaViewSchema, dataBase64: z.string() }),
  },

  /** Counts and checks the draft by the rules of the account's network, before anything is sent. */
  'composer.check': {
    params: z.object({ workspaceId: workspaceIdSchema, key: draftKeySchema, accountId: uuid.nullable(), content: draftContentSchema }).strict(),
    result: composerCheckSchema,
  },
  /**
   * Saves the draft, checks it, and moves it into the outbox as one transaction (the draft is gone,
   * the entry exists); publishing follows at once. Errors: invalid_params with the problems when
   * the check fails.
   */
  'composer.send': {
    params: z.object({ workspaceId: workspaceIdSchema, key: draftKeySchema, accountId: uuid, content: draftContentSchema }).strict(),
    result: outboxEntrySchema,
  },

  'outbox.list': {
    params: z.object({ workspaceId: workspaceIdSchema, states: z.array(outboxStateSchema).min(1).max(4).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    result: z.object({ entries: z.array(outboxEntrySchema) }),
  },
  /** Tries a failed entry again (same idempotency key). */
  'outbox.retry': { params: z.object({ workspaceId: workspaceIdSchema, id: uuid }).strict(), result: outboxEntrySchema },
  /** Turns a failed entry back into a draft to edit. */
  'outbox.edit': { params: z.object({ workspaceId: workspaceIdSchema, id: uuid }).strict(), result: draftSchema },
} as const;
