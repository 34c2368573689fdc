import type { PolledItem } from '../connector';
import type { StreamCursor } from '../connector';

// How a stream catches up, independent of which Bluesky endpoint serves it. Everything here
// works on pages as the API returns them (newest first) and is tested without a network.

/** One entry of a page: the item, its identity, and the position the API sorts it by. */
export interface Entry {
  /** Unique per entry (a post URI; for a repost in a timeline, the repost's URI). */
  key: string;
  /** The API's sort position in ms (AppView: the earlier of createdAt and indexedAt). */
  at: number;
  item: PolledItem;
}

export interface Page {
  entries: Entry[];
  /** The API's cursor for the next (older) page; undefined at the end. */
  cursor: string | undefined;
}

export type FetchPage = (apiCursor: string | undefined, limit: number) => Promise<Page>;

/**
 * A position in a stream: the time and the keys seen at exactly that time. Entries at an
 * earlier time, or at that time with a seen key, are "at or before" it; an entry at the same
 * millisecond with an unseen key is still new.
 */
export interface Mark {
  at: number;
  keys: string[];
}

/**
 * The stream's cursor, stored with the stream by the poller (JSON).
 * - chrono: time-ordered endpoints (timeline, author, list, search, notifications).
 *   `newest` is the newest position up to which everything was delivered without a gap.
 *   `gap` is set while a catch-up was cut off at maxItems: the next poll continues at the
 *   API cursor, skips what it already delivered (at or after `bottom`), and once it reaches
 *   `newest`, moves `newest` up to `top`, the newest entry seen during the catch-up.
 * - top: feeds whose order is not time (custom feed generators rank by anything): each poll
 *   reads the first page and delivers what it has not delivered before (`seen`, bounded).
 */
export type BlueskyCursor =
  | { v: 1; mode: 'chrono'; newest: Mark | null; gap?: { apiCursor: string; top: Mark; bottom: Mark } }
  | { v: 1; mode: 'top'; seen: string[] };

export interface Paged {
  items: PolledItem[];
  cursor: BlueskyCursor;
  more: boolean;
}

/** The first poll of a stream takes one recent page, no deep history. */
export const FIRST_PAGE_SIZE = 50;
/** The largest page the Bluesky list endpoints accept. */
export const MAX_PAGE_SIZE = 100;
/** How many delivered keys a 'top' cursor remembers; a feed's first page is far smaller. */
const TOP_SEEN_LIMIT = 500;

export function atOrBefore(entry: { at: number; key: string }, mark: Mark): boolean {
  return entry.at < mark.at || (entry.at === mark.at && mark.keys.includes(entry.key));
}

/** The newest position among marks and entries (keys of ties merged). */
export function newestOf(start: Mark | null, entries: readonly { at: number; key: string }[]): Mark | null {
  let mark = start ? { at: start.at, keys: [...start.keys] } : null;
  for (const entry of entries) {
    if (!mark || entry.at > mark.at) mark = { at: entry.at, keys: [entry.key] };
    else if (entry.at === mark.at && !mark.keys.includes(entry.key)) mark.keys.push(entry.key);
  }
  return mark;
}

/** The oldest position among a mark and entries (keys of ties merged). */
function oldestOf(start: Mark | null, entries: readonly { at: number; key: string }[]): Mark | null {
  let mark = start ? { at: start.at, keys: [...start.keys] } : null;
  for (const entry of entries) {
    if (!mark || entry.at < mark.at) mark = { at: entry.at, keys: [entry.key] };
    else if (entry.at === mark.at && !mark.keys.includes(entry.key)) mark.keys.push(entry.key);
  }
  return mark;
}

const pageLimit = (remaining: number) => Math.max(1, Math.min(MAX_PAGE_SIZE, remaining));

/**
 * Time-ordered streams. First poll: one recent page. Later polls: page from the newest back
 * until an entry at or before the stored `newest` shows up, the API runs out, or maxItems are
 * gathered (then `more` is true and the cursor remembers the gap). Pages are never asked for
 * more than the items still allowed, so no page is ever cut in half (the API cursor after a
 * page skips all of it).
 */
export async function pollChronological(fetchPage: FetchPage, cursor: BlueskyCursor | null, maxItems: number): Promise<Paged> {
  if (!cursor || cursor.mode !== 'chrono') {
    const page = await fetchPage(undefined, pageLimit(Math.min(FIRST_PAGE_SIZE, maxItems)));
    return { items: page.entries.map((e) => e.item), cursor: { v: 1, mode: 'chrono', newest: newestOf(null, page.entries) }, more: false };
  }

  const { newest } = cursor;
  let apiCursor = cursor.gap?.apiCursor;
  let top = cursor.gap?.top ?? null;
  let bottom = cursor.gap?.bottom ?? null;
  const delivered: Entry[] = [];
  const deliveredKeys = new Set<string>();

  for (;;) {
    const page = await fetchPage(apiCursor, pageLimit(maxItems - delivered.length));
    let reached = false;
    for (const entry of page.entries) {
      if (newest && atOrBefore(entry, newest)) {
        reached = true; // older than what we have; the rest of the stream is older still
        continue;
      }
      // An earlier round of this catch-up delivered it (offset cursors can shift).
      if (bottom && !(entry.at < bottom.at || (entry.at === bottom.at && !bottom.keys.includes(entry.key)))) continue;
      if (deliveredKeys.has(entry.key)) continue;
      deliveredKeys.add(entry.key);
      delivered.push(entry);
    }
    top = newestOf(top, delivered);
    // A cursor that does not move would page forever: treat it as the end of the stream.
    const exhausted = !page.cursor || page.entries.length === 0 || page.cursor === apiCursor;
    if (reached || exhausted) {
      // The gap (if any) is closed: everything down to `newest` is delivered, up to `top`.
      const caughtUp = newestOf(newest, top ? markEntries(top) : []);
      return { items: delivered.map((e) => e.item), cursor: { v: 1, mode: 'chrono', newest: caughtUp }, more: false };
    }
    if (delivered.length >= maxItems) {
      bottom = oldestOf(bottom, delivered);
      return {
        items: delivered.map((e) => e.item),
        cursor: { v: 1, mode: 'chrono', newest, gap: { apiCursor: page.cursor!, top: top!, bottom: bottom! } },
        more: true,
      };
    }
    apiCursor = page.cursor;
  }
}

function markEntries(mark: Mark): { at: number; key: string }[] {
  return mark.keys.map((key) => ({ at: mark.at, key }));
}

/** Ranked feeds: the first page, minus what was delivered before. */
export async function pollTopOfFeed(fetchPage: FetchPage, cursor: BlueskyCursor | null, maxItems: number): Promise<Paged> {
  const seen = cursor?.mode === 'top' ? cursor.seen : [];
  const known = new Set(seen);
  const page = await fetchPage(undefined, pageLimit(Math.min(FIRST_PAGE_SIZE, maxItems)));
  const fresh = page.entries.filter((e) => !known.has(e.key) && known.add(e.key));
  return {
    items: fresh.map((e) => e.item),
    cursor: { v: 1, mode: 'top', seen: [...fresh.map((e) => e.key), ...seen].slice(0, TOP_SEEN_LIMIT) },
    more: false,
  };
}

/** Reads a stored cursor; anything unrecognizable counts as no cursor (a fresh first poll). */
export function readCursor(raw: StreamCursor | null): BlueskyCursor | null {
  if (!raw || raw.v !== 1) return null;
  const isMark = (m: unknown): m is Mark =>
    typeof m === 'object' && m !== null && typeof (m as Mark).at === 'number' && Array.isArray((m as Mark).keys) && (m as Mark).keys.every((k) => typeof k === 'string');
  if (raw.mode === 'top') return Array.isArray(raw.seen) && raw.seen.every((k) => typeof k === 'string') ? { v: 1, mode: 'top', seen: raw.seen } : null;
  if (raw.mode !== 'chrono' || !(raw.newest === null || isMark(raw.newest))) return null;
  const gap = raw.gap as { apiCursor?: unknown; top?: unknown; bottom?: unknown } | undefined;
  if (gap === undefined) return { v: 1, mode: 'chrono', newest: raw.newest };
  if (typeof gap?.apiCursor !== 'string' || !isMark(gap.top) || !isMark(gap.bottom)) return { v: 1, mode: 'chrono', newest: raw.newest };
  return { v: 1, mode: 'chrono', newest: raw.newest, gap: { apiCursor: gap.apiCursor, top: gap.top, bottom: gap.bottom } };
}
