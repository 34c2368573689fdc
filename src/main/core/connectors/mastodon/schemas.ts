import { z } from 'zod';

/**
 * The few Mastodon entities we read, in their wire form (snake_case), checked at run time.
 * Lenient on purpose: only what toItem and the OAuth flow need is required; every other field may
 * be missing or null, since Mastodon forks (Pleroma, Akkoma, GoToSocial) leave out many of them.
 * Unknown fields are dropped.
 */
const text = z.string().nullish();
const count = z.number().nullish();

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: text,
  url: text,
  uri: text,
  avatar: text,
  followers_count: count,
});
export type MastodonAccount = z.infer<typeof accountSchema>;

export const mediaAttachmentSchema = z.object({
  id: z.string(),
  type: z.string(),
  url: text,
  preview_url: text,
  remote_url: text,
  description: text,
});

export const previewCardSchema = z.object({
  url: z.string(),
  image: text,
  image_description: text,
});

const statusFields = {
  id: z.string(),
  uri: z.string().min(1),
  url: text,
  created_at: z.string(),
  account: accountSchema,
  content: z.string().nullish(),
  spoiler_text: text,
  language: text,
  in_reply_to_id: text,
  media_attachments: z.array(mediaAttachmentSchema).nullish(),
  card: previewCardSchema.nullish(),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
};

/** A quoted post (Mastodon 4.5+): the full status when visible, otherwise only its id. */
const quoteSchema = z.object({
  state: z.string().nullish(),
  quoted_status: z.object({ id: z.string(), uri: z.string() }).nullish(),
  quoted_status_id: text,
});

const innerStatusSchema = z.object({ ...statusFields, quote: quoteSchema.nullish() });
export type MastodonInnerStatus = z.infer<typeof innerStatusSchema>;

/** A boost is a status whose `reblog` is the boosted one; Mastodon never nests boosts deeper. */
export const statusSchema = innerStatusSchema.extend({ reblog: innerStatusSchema.nullish() });
export type MastodonStatus = z.infer<typeof statusSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: accountSchema.nullish(),
  status: statusSchema.nullish(),
});
export type MastodonNotification = z.infer<typeof notificationSchema>;

export const credentialApplicationSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
});

export const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  scope: z.string().nullish(),
});
