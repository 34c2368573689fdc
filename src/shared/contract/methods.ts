import { z } from 'zod';
import {
  appInfoSchema,
  settingsSchema,
  workspaceIdSchema,
  workspaceListSchema,
  workspaceNameSchema,
  workspaceSchema,
  LANGUAGES,
  THEMES,
} from './domain';
import type { MethodName } from './names';
import { itemSearchFiltersSchema, pageCursorSchema, storedItemSchema } from './items';
import { discoveredFeedSchema, newStreamSchema, streamViewSchema } from './streams';
import { inboxMethods } from './inboxMethods';
import { composerMethods } from './composerMethods';
import { plannerMethods } from './plannerMethods';
import { insightMethods } from './insightMethods';
import { accountViewSchema, beginMastodonSchema, completeMastodonSchema, connectBlueskySchema, mastodonAuthorizationSchema } from './accounts';

const noParams = z.object({}).strict();
const workspaceRef = z.object({ id: workspaceIdSchema }).strict();
const streamRef = z.object({ id: z.string().uuid() }).strict();
const itemPageSchema = z.object({ items: z.array(storedItemSchema), next: pageCursorSchema.nullable() });
const streamListSchema = z.object({ workspaceId: workspaceIdSchema, streams: z.array(streamViewSchema) });

/** The one table of everything the UI may ask the core. */
export const methods = {
  'app.info': { params: noParams, result: appInfoSchema },

  'workspaces.list': { params: noParams, result: workspaceListSchema },
  'workspaces.create': {
    params: z.object({ name: workspaceNameSchema }).strict(),
    result: workspaceSchema,
  },
  'workspaces.rename': {
    params: z.object({ id: workspaceIdSchema, name: workspaceNameSchema }).strict(),
    result: workspaceSchema,
  },
  'workspaces.archive': { params: workspaceRef, result: workspaceSchema },
  'workspaces.restore': { params: workspaceRef, result: workspaceSchema },
  /** Only an archived workspace can be deleted; its accounts' secrets leave the keychain first. */
  'workspaces.delete': { params: workspaceRef, result: z.object({ id: workspaceIdSchema }) },
  'workspaces.setActive': {
    params: z.object({ id: workspaceIdSchema.nullable() }).strict(),
    result: workspaceListSchema,
  },

  'settings.get': { params: noParams, result: settingsSchema },
  'settings.set': {
    params: z
      .object({ language: z.enum(LANGUAGES).optional(), theme: z.enum(THEMES).optional() })
      .strict(),
    result: settingsSchema,
  },

  'streams.list': { params: z.object({ workspaceId: workspaceIdSchema }).strict(), result: streamListSchema },
  'streams.add': { params: newStreamSchema, result: streamViewSchema },
  'streams.remove': { params: streamRef, result: streamListSchema },
  /** Moves a column to a 0-based position within its workspace. */
  'streams.move': {
    params: z.object({ id: z.string().uuid(), position: z.number().int().min(0).max(1000) }).strict(),
    result: streamListSchema,
  },
  /** Polls the stream now (a column's refresh button); answers at once, items follow as events. */
  'streams.refresh': { params: streamRef, result: streamViewSchema },
  'streams.markRead': { params: streamRef, result: streamViewSchema },

  'items.page': {
    params: z
      .object({ streamId: z.string().uuid(), after: pageCursorSchema.nullable().optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    result: itemPageSchema,
  },
  /** What arrived above the newest item a column shows, newest first. */
  'items.newer': {
    params: z.object({ streamId: z.string().uuid(), newest: pageCursorSchema, limit: z.number().int().min(1).max(500).optional() }).strict(),
    result: z.object({ items: z.array(storedItemSchema) }),
  },
  'items.markRead': {
    params: z.object({ workspaceId: workspaceIdSchema, ids: z.array(z.number().int().positive()).min(1).max(1000), read: z.boolean().optional() }).strict(),
    result: z.object({ changed: z.number().int() }),
  },
  'items.search': {
    params: z
      .object({
        workspaceId: workspaceIdSchema,
        text: z.string().max(500),
        filters: itemSearchFiltersSchema.optional(),
        after: pageCursorSchema.nullable().optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    result: itemPageSchema,
  },

  /**
   * The conversation around an item of one of the workspace's columns (Enter in the deck):
   * ancestors root first, then the item, then the replies flattened in reading order (depth
   * first, oldest first among siblings; indent by replyToRemoteId). Fetched from the network as
   * an account of a column showing the item; the thread's posts are stored with local ids but join
   * no column (read: false unless a column of the workspace has them read). A feed entry has no
   * thread: just the item. Errors: not_found (no such item in the workspace's columns, or gone
   * from the network), reconnect_needed, remote_unreachable, remote_failed.
   */
  'items.thread': {
    params: z.object({ workspaceId: workspaceIdSchema, itemId: z.number().int().positive() }).strict(),
    result: z.object({ ancestors: z.array(storedItemSchema), item: storedItemSchema, replies: z.array(storedItemSchema) }),
  },

  /** Finds the feeds a web page offers (or confirms that the URL is a feed). */
  'feeds.discover': {
    params: z.object({ url: z.string().trim().url().max(2048).regex(/^https?:\/\//i, 'Only http(s) pages.') }).strict(),
    result: z.object({ feeds: z.array(discoveredFeedSchema) }),
  },

  'accounts.list': {
    params: z.object({ workspaceId: workspaceIdSchema }).strict(),
    result: z.object({ workspaceId: workspaceIdSchema, accounts: z.array(accountViewSchema) }),
  },
  /** Registers Leitstand with the instance and answers the page where the user allows access. */
  'accounts.beginMastodon': { params: beginMastodonSchema, result: mastodonAuthorizationSchema },
  /** Finishes the authorization (with the pasted code in 'paste' mode); the token goes to the keychain. */
  'accounts.completeMastodon': { params: completeMastodonSchema, result: accountViewSchema },
  /** Signs in to any Bluesky server (PDS) with a handle or DID and an app password. */
  'accounts.connectBluesky': { params: connectBlueskySchema, result: accountViewSchema },
  /** Removes the account, its columns, and its secrets from the keychain. */
  'accounts.remove': { params: z.object({ id: z.string().uuid() }).strict(), result: z.object({ id: z.string().uuid() }) },

  ...inboxMethods,
  ...composerMethods,
  ...plannerMethods,
  ...insightMethods,
} as const satisfies Record<MethodName, { params: z.ZodType; result: z.ZodType }>;

export type Methods = typeof methods;
export type ParamsOf<M extends MethodName> = z.input<Methods[M]['params']>;
export type ParsedParamsOf<M extends MethodName> = z.output<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<Methods[M]['result']>;
