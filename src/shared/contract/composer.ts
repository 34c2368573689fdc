import { z } from 'zod';
import { networkSchema } from './items';

const uuid = z.string().uuid();

export const MASTODON_VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;

/**
 * Which draft: one per inbox item ("reply:<inboxItemId>"), one for a reply to any item of the
 * deck ("item:<itemId>"), or a new post ("post:<uuid>"). A draft is found again by its key after a
 * crash or restart.
 */
export const draftKeySchema = z.string().regex(/^(?:reply:\d+|item:\d+|post:[0-9a-f-]{36})$/, 'A draft key such as reply:12 or post:<uuid>.');

/** What the composer holds; everything optional is the network's default when absent. */
export const draftContentSchema = z
  .object({
    text: z.string().max(20_000),
    /** Mastodon's content warning; ignored on Bluesky. */
    spoilerText: z.string().max(1000).nullable(),
    /** BCP 47 language tag such as de or en-GB. */
    language: z.string().trim().min(2).max(16).nullable(),
    visibility: z.enum(MASTODON_VISIBILITIES).nullable(),
    appendSignature: z.boolean(),
    /** Per-network text that replaces `text` for accounts of that network (a draft for several accounts). */
    variants: z
      .object({ bluesky: z.object({ text: z.string().max(20_000) }).strict().optional(), mastodon: z.object({ text: z.string().max(20_000) }).strict().optional() })
      .strict()
      .optional(),
    /** The accounts a planned post goes to (the library's drafts); replies use the draft's accountId. */
    targetAccountIds: z.array(z.string().uuid()).max(20).optional(),
  })
  .strict();
export type DraftContent = z.infer<typeof draftContentSchema>;

/** An attachment as the UI sees it: the bytes stay in the core. */
export const mediaViewSchema = z.object({
  id: uuid,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  alt: z.string(),
});
export type MediaView = z.infer<typeof mediaViewSchema>;

export const draftSchema = z.object({
  id: uuid,
  workspaceId: uuid,
  key: draftKeySchema,
  inboxItemId: z.number().int().positive().nullable(),
  replyToItemId: z.number().int().positive().nullable(),
  accountId: uuid.nullable(),
  content: draftContentSchema,
  media: z.array(mediaViewSchema),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

/** 20 MB of base64 at most per file in one call (Mastodon's own image limit is 16 MB). */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

export const newMediaSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'A MIME type such as image/png.'),
    /** The file's bytes, base64. */
    dataBase64: z.string().min(1).max(Math.ceil((MAX_MEDIA_BYTES * 4) / 3) + 4),
    alt: z.string().max(2000).optional(),
  })
  .strict();

/** A facet the network will create from the text (Bluesky) or a link/mention/tag it will recognise (Mastodon); offsets are UTF-16 indexes into `finalText`. */
export const composerFacetSchema = z.object({
  kind: z.enum(['mention', 'link', 'tag']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  value: z.string(),
});

/** Why a post cannot go out as it is; `code` has a UI text, `params` fill it in. */
export const composerProblemSchema = z.object({
  code: z.enum([
    'empty',
    'too_long',
    'too_many_media',
    'media_too_large',
    'media_type_not_allowed',
    'alt_text_missing',
    'alt_text_too_long',
    'mixed_media',
    'spoiler_not_supported',
    'no_account',
    'account_needs_reconnect',
  ]),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ComposerProblem = z.infer<typeof composerProblemSchema>;

export const composerCheckSchema = z.object({
  network: networkSchema,
  /** The text as it will be posted: with the signature where the workspace wants it. */
  finalText: z.string(),
  /** Counted as the network counts (Bluesky graphemes; Mastodon graphemes with URLs as 23 and remote mentions as @user). */
  length: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  facets: z.array(composerFacetSchema),
  problems: z.array(composerProblemSchema),
  /** The account's media rules, for the attach button. */
  media: z.object({ maxCount: z.number().int(), maxBytes: z.number().int(), types: z.array(z.string()), maxAltLength: z.number().int() }),
});
export type ComposerCheck = z.infer<typeof composerCheckSchema>;

export const OUTBOX_STATES = ['scheduled', 'publishing', 'published', 'failed'] as const;
export const outboxStateSchema = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof outboxStateSchema>;

export const outboxEntrySchema = z.object({
  id: uuid,
  workspaceId: uuid,
  accountId: uuid.nullable(),
  network: networkSchema,
  inboxItemId: z.number().int().positive().nullable(),
  replyToItemId: z.number().int().positive().nullable(),
  state: outboxStateSchema,
  text: z.string(),
  dueAt: z.string(),
  attempts: z.number().int().nonnegative(),
  /** Why it failed, in words for the user; the code says whether a retry can help. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  remoteId: z.string().nullable(),
  /** Where the published post can be opened. */
  remoteUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
