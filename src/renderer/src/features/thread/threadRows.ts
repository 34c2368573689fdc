import type { StoredItem } from '../../../../shared/contract/items';

/** How far the thread view indents at most (deeper replies line up with the deepest indent). */
export const MAX_INDENT = 5;

export interface ThreadRow {
  item: StoredItem;
  kind: 'ancestor' | 'current' | 'reply';
  /** 0 for the ancestors and the item; a reply is one deeper than the post it answers. */
  depth: number;
  /** Who a reply answers, when that post is part of the thread. */
  replyTo: StoredItem | null;
}

/**
 * The thread as the view lists it: the ancestors (root first), the item, then the replies in the
 * core's reading order, each one level deeper than the post it answers (found by
 * replyToRemoteId within the thread; a reply to a post that is not there counts as a direct one).
 */
export function threadRows(ancestors: readonly StoredItem[], item: StoredItem, replies: readonly StoredItem[]): ThreadRow[] {
  const rows: ThreadRow[] = [];
  const byRemoteId = new Map<string, { item: StoredItem; depth: number }>();
  for (const ancestor of ancestors) {
    const parent = ancestor.replyToRemoteId ? byRemoteId.get(ancestor.replyToRemoteId) : undefined;
    rows.push({ item: ancestor, kind: 'ancestor', depth: 0, replyTo: parent?.item ?? null });
    byRemoteId.set(ancestor.remoteId, { item: ancestor, depth: 0 });
  }
  const parentOfItem = item.replyToRemoteId ? byRemoteId.get(item.replyToRemoteId) : undefined;
  rows.push({ item, kind: 'current', depth: 0, replyTo: parentOfItem?.item ?? null });
  byRemoteId.set(item.remoteId, { item, depth: 0 });
  for (const reply of replies) {
    const parent = reply.replyToRemoteId ? byRemoteId.get(reply.replyToRemoteId) : undefined;
    const depth = (parent?.depth ?? 0) + 1;
    rows.push({ item: reply, kind: 'reply', depth, replyTo: parent?.item ?? null });
    if (!byRemoteId.has(reply.remoteId)) byRemoteId.set(reply.remoteId, { item: reply, depth });
  }
  return rows;
}

/** The name a "Reply to …" line uses for an item's author. */
export function authorName(item: StoredItem): string {
  const author = item.author;
  const handle = author?.handle?.trim();
  return author?.displayName?.trim() || (handle ? (handle.startsWith('@') ? handle : `@${handle}`) : '');
}
