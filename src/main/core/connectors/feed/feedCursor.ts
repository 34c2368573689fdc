import { z } from 'zod';
import type { StreamCursor } from '../connector';
import { httpUrl } from './feedValues';

/** Where a feed stream stands, stored by the poller as opaque JSON. */
export interface FeedCursor {
  /** Where to poll: the stream's URL, or where it moved to permanently (301/308). */
  url: string;
  /** Validators of the last full answer, for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** Remote ids already handed out, most recent first, so entries without dates are not re-emitted. */
  seen: string[];
}

/** Enough for any normal feed (most keep 10-100 entries) in a cursor of a few tens of KB. */
export const SEEN_LIMIT = 500;
/** A feed with more entries than SEEN_LIMIT gets them all remembered, up to this. */
const SEEN_HARD_LIMIT = 2000;

const cursorSchema = z.object({
  url: z.string(),
  etag: z.string().nullish(),
  lastModified: z.string().nullish(),
  seen: z.array(z.string()).nullish(),
});

/**
 * The cursor as this connector wrote it, or null: a cursor that is damaged or from elsewhere
 * costs one full poll (the store deduplicates), never a stuck stream.
 */
export function readFeedCursor(cursor: StreamCursor | null): FeedCursor | null {
  const parsed = cursorSchema.safeParse(cursor);
  if (!parsed.success) return null;
  const url = httpUrl(parsed.data.url);
  if (!url) return null;
  return {
    url,
    etag: parsed.data.etag ?? null,
    lastModified: parsed.data.lastModified ?? null,
    seen: (parsed.data.seen ?? []).slice(0, SEEN_HARD_LIMIT),
  };
}

/** The ids to remember after a poll: everything in the current document first, then the older ones. */
export function nextSeen(currentIds: string[], previous: string[], limit = SEEN_LIMIT): string[] {
  const merged = [...new Set([...currentIds, ...previous])];
  return merged.slice(0, Math.min(SEEN_HARD_LIMIT, Math.max(limit, new Set(currentIds).size)));
}

export function toStreamCursor(cursor: FeedCursor): StreamCursor {
  return { url: cursor.url, etag: cursor.etag, lastModified: cursor.lastModified, seen: cursor.seen };
}
