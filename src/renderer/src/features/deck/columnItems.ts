import type { PageCursor, StoredItem } from '../../../../shared/contract/items';

/**
 * The items one column holds in memory, and the pure operations on them. A column never holds
 * more than MAX_COLUMN_ITEMS: reading far down drops the newest ones (gapAbove, filled in again
 * from the store when the user scrolls back up), and live arrivals drop the oldest ones (which
 * `next` then points at, so scrolling down loads them again). Long sessions stay flat in memory.
 */
export interface ColumnItems {
  items: StoredItem[];
  /** Where the next older page starts; null once the column has shown its oldest item. */
  next: PageCursor | null;
  /** Items newer than the first one here exist in the store but were dropped to bound memory. */
  gapAbove: boolean;
  /** Items that arrived above a gap (not fetched; "new items" offers a jump to the top). */
  missedAbove: number;
  /** New items inserted above the viewport while the user read further down. */
  newAbove: number;
  /** Whether the user looks at the very top of the column (new items then simply appear). */
  atTop: boolean;
  phase: 'unloaded' | 'loading' | 'ready' | 'failed';
  loadingOlder: boolean;
}

export const MAX_COLUMN_ITEMS = 1500;
export const PAGE_SIZE = 50;

export const EMPTY_COLUMN: ColumnItems = {
  items: [],
  next: null,
  gapAbove: false,
  missedAbove: 0,
  newAbove: 0,
  atTop: true,
  phase: 'unloaded',
  loadingOlder: false,
};

/** The keyset position of an item, as the store orders a column (created time, then id). */
export function cursorOf(item: StoredItem): PageCursor {
  const createdMs = Date.parse(item.createdAt);
  // The store keeps what the network sent; an unreadable date sorts as the oldest possible.
  return { createdMs: Number.isFinite(createdMs) ? createdMs : 0, id: item.id };
}

/** The first page: replaces whatever the column held. */
export function withFirstPage(column: ColumnItems, items: StoredItem[], next: PageCursor | null): ColumnItems {
  return { ...column, items, next, gapAbove: false, missedAbove: 0, newAbove: 0, phase: 'ready', loadingOlder: false };
}

/** An older page, appended below; if the column grows too long, its newest items go. */
export function withOlderPage(column: ColumnItems, items: StoredItem[], next: PageCursor | null, max = MAX_COLUMN_ITEMS): ColumnItems {
  const known = new Set(column.items.map((item) => item.id));
  const merged = column.items.concat(items.filter((item) => !known.has(item.id)));
  const excess = merged.length - max;
  return {
    ...column,
    items: excess > 0 ? merged.slice(excess) : merged,
    next,
    gapAbove: column.gapAbove || excess > 0,
    loadingOlder: false,
  };
}

/**
 * Newer items (newest first), inserted above. `fillingGap` says they were asked for to fill a
 * gap above (not a live arrival); fewer than a full page then means the gap is closed. If the
 * column grows too long, its oldest items go and `next` points at them again.
 */
export function withNewer(
  column: ColumnItems,
  items: StoredItem[],
  { fillingGap = false, limit = PAGE_SIZE, max = MAX_COLUMN_ITEMS }: { fillingGap?: boolean; limit?: number; max?: number } = {},
): ColumnItems {
  const known = new Set(column.items.map((item) => item.id));
  const fresh = items.filter((item) => !known.has(item.id));
  let merged = fresh.concat(column.items);
  let next = column.next;
  if (merged.length > max) {
    merged = merged.slice(0, max);
    const last = merged[merged.length - 1];
    next = last ? cursorOf(last) : null;
  }
  const newAbove = !fillingGap && !column.atTop ? column.newAbove + fresh.length : column.newAbove;
  const gapAbove = fillingGap ? items.length >= limit : column.gapAbove;
  return { ...column, items: merged, next, gapAbove, newAbove, missedAbove: gapAbove ? column.missedAbove : 0 };
}

/**
 * The user reached the very top of the column (or left it). At the top, new items are simply
 * seen, so the "new items" notice has done its job.
 */
export function withAtTop(column: ColumnItems, atTop: boolean): ColumnItems {
  if (!atTop) return column.atTop ? { ...column, atTop: false } : column;
  if (column.atTop && column.newAbove === 0) return column;
  return { ...column, atTop: true, newAbove: 0 };
}

/** Live items arrived while the column holds a gap above: counted, fetched when the gap closes. */
export function withMissedAbove(column: ColumnItems, added: number): ColumnItems {
  return added > 0 ? { ...column, missedAbove: column.missedAbove + added } : column;
}

/** Read state changed for some items (in every column and list that shows them). */
export function withReadState<T extends { items: StoredItem[] }>(holder: T, ids: ReadonlySet<number>, read: boolean): T {
  let changed = false;
  const items = holder.items.map((item) => {
    if (!ids.has(item.id) || item.read === read) return item;
    changed = true;
    return { ...item, read };
  });
  return changed ? { ...holder, items } : holder;
}

export function withAllRead(column: ColumnItems): ColumnItems {
  if (column.items.every((item) => item.read)) return column;
  return { ...column, items: column.items.map((item) => (item.read ? item : { ...item, read: true })) };
}

/** Where a column dragged from `from` and dropped before or after the column at `over` ends up. */
export function dropPosition(from: number, over: number, side: 'before' | 'after'): number {
  const insertAt = side === 'before' ? over : over + 1;
  return from < insertAt ? insertAt - 1 : insertAt;
}

/** The list with one element moved to a new index (for showing a reorder before the core confirms). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice();
  const [element] = copy.splice(from, 1);
  if (element === undefined) return copy;
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, element);
  return copy;
}
