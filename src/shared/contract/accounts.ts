import { z } from 'zod';
import { networkSchema } from './items';

export const ACCOUNT_STATUSES = ['connected', 'reconnect_needed'] as const;

/** A connected account as the UI sees it: never its secret. */
export const accountViewSchema = z.object({
  id: z.string().uuid(),
  workspaceId: z.string().uuid(),
  network: networkSchema,
  handle: z.string(),
  displayName: z.string().nullable(),
  serverUrl: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

const httpUrl = z
  .string()
  .trim()
  .url()
  .max(2048)
  .regex(/^https?:\/\//i, 'Only http(s) addresses.');

export const beginMastodonSchema = z
  .object({
    workspaceId: z.string().uuid(),
    /** The instance, e.g. https://mastodon.social or mastodon.social. */
    instanceUrl: z.string().trim().min(3).max(2048),
    /** Signs this existing account in again (after "reconnect needed") instead of adding one. */
    accountId: z.string().uuid().optional(),
  })
  .strict();

export const mastodonAuthorizationSchema = z.object({
  pendingId: z.string().uuid(),
  authorizeUrl: z.string(),
  /** 'loopback': Leitstand receives the answer by itself; 'paste': the user copies the code shown by the instance. */
  mode: z.enum(['loopback', 'paste']),
});

export const completeMastodonSchema = z
  .object({
    pendingId: z.string().uuid(),
    code: z.string().trim().min(1).max(512).optional(),
  })
  .strict();

export const connectBlueskySchema = z
  .object({
    workspaceId: z.string().uuid(),
    /** The PDS; bsky.social for most people, any server for self-hosted accounts. */
    serviceUrl: httpUrl.default('https://bsky.social'),
    /** Handle (name.bsky.social) or DID. */
    identifier: z.string().trim().min(3).max(253),
    /** An app password, never the account password. */
    appPassword: z.string().min(1).max(256),
    /** Reconnects this existing account (after "reconnect needed") instead of adding one. */
    accountId: z.string().uuid().optional(),
  })
  .strict();
