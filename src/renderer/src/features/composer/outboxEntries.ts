import type { OutboxEntry } from '../../../../shared/contract/composer';

/** Newest first, by creation time (ties by id, so the order never jumps). */
export function byNewest(a: OutboxEntry, b: OutboxEntry): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * The entries with this one in them: replaced where it was (unless it is older than what we
 * have: events and responses may arrive out of order), else added in its place.
 */
export function withEntry(entries: readonly OutboxEntry[], entry: OutboxEntry): OutboxEntry[] {
  const index = entries.findIndex((e) => e.id === entry.id);
  if (index >= 0) {
    if (entries[index]!.updatedAt > entry.updatedAt) return entries as OutboxEntry[];
    const next = [...entries];
    next[index] = entry;
    return next;
  }
  return [...entries, entry].sort(byNewest);
}

/** A fresh list from the core, keeping any entry the list has a newer copy of. */
export function mergedEntries(current: readonly OutboxEntry[], fresh: readonly OutboxEntry[]): OutboxEntry[] {
  return fresh.reduce<OutboxEntry[]>((list, entry) => withEntry(list, entry), current.filter((e) => fresh.some((f) => f.id === e.id)));
}
