import { z } from 'zod';
import { itemAnalysisSchema } from './analysis';

export const NETWORKS = ['bluesky', 'mastodon', 'feed'] as const;
export const networkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof networkSchema>;

export const itemAuthorSchema = z.object({
  /** The network's stable id for the author (DID, account id, feed author URI or name). */
  remoteId: z.string(),
  handle: z.string().nullable(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  /** Where to see the author on the web. */
  url: z.string().nullable(),
  followers: z.number().int().nonnegative().nullable(),
});
export type ItemAuthor = z.infer<typeof itemAuthorSchema>;

export const itemMediaSchema = z.object({
  kind: z.enum(['image', 'video', 'audio', 'link', 'other']),
  url: z.string(),
  previewUrl: z.string().nullable(),
  /** Alt text as the author wrote it; null when there is none. */
  alt: z.string().nullable(),
  mimeType: z.string().nullable(),
});
export type ItemMedia = z.infer<typeof itemMediaSchema>;

export const itemCountsSchema = z.object({
  replies: z.number().int().nonnegative().nullable(),
  reposts: z.number().int().nonnegative().nullable(),
  likes: z.number().int().nonnegative().nullable(),
});

/**
 * One post, status, notification or feed entry, normalized across networks. Deduplicated in
 * the store by (network, remoteId): the same post seen by two streams or accounts is one item.
 */
export const incomingItemSchema = z.object({
  network: networkSchema,
  /** The network's id: AT URI, Mastodon status id (of the origin server's URI), feed guid/link. */
  remoteId: z.string().min(1),
  /** Where the item can be opened in a browser. */
  url: z.string().nullable(),
  author: itemAuthorSchema.nullable(),
  title: z.string().nullable(),
  /** Plain text for display, search and analysis. */
  text: z.string(),
  /** Remote HTML exactly as received; sanitized in the renderer before display, never trusted. */
  html: z.string().nullable(),
  /** ISO 8601 with offset; when the network does not say, when we first saw it. */
  createdAt: z.string(),
  language: z.string().nullable(),
  replyToRemoteId: z.string().nullable(),
  quoteOfRemoteId: z.string().nullable(),
  media: z.array(itemMediaSchema),
  counts: itemCountsSchema,
});
export type IncomingItem = z.infer<typeof incomingItemSchema>;

/** An item as a column or the search shows it: the normalized item plus its local id and read state. */
export const storedItemSchema = incomingItemSchema.extend({
  id: z.number().int().positive(),
  read: z.boolean(),
  /** The on-device analysis; null (or absent) until the item's turn in the analysis queue has come. */
  analysis: itemAnalysisSchema.nullable().optional(),
});
export type StoredItem = z.infer<typeof storedItemSchema>;

/** Where the next page of a column starts: strictly older than this item. */
export const pageCursorSchema = z.object({
  createdMs: z.number().int(),
  id: z.number().int().positive(),
});
export type PageCursor = z.infer<typeof pageCursorSchema>;

export const itemSearchFiltersSchema = z
  .object({
    networks: z.array(networkSchema).max(3).optional(),
    streamIds: z.array(z.string().uuid()).max(100).optional(),
    /** Handle or display name, matched case-insensitively as a substring. */
    author: z.string().trim().min(1).max(200).optional(),
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
    language: z.string().min(2).max(16).optional(),
    hasLink: z.boolean().optional(),
  })
  .strict();
export type ItemSearchFilters = z.infer<typeof itemSearchFiltersSchema>;
