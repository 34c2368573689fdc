import type { InboxFilter, InboxItemView, InboxStatus } from '../../../../shared/contract/inbox';
import type { StoredItem } from '../../../../shared/contract/items';

/** Items per page of the inbox list; the core allows up to 200. */
export const INBOX_PAGE_SIZE = 50;
export const INBOX_MAX_PAGE = 200;

/** Who the list shows: everyone's items, mine (the current agent's), unassigned ones, or one agent's. */
export type AssigneeFilter = 'all' | 'me' | 'none' | { agentId: string };

/** The list's filter as the toolbar holds it. */
export interface InboxListFilter {
  status: InboxStatus;
  assignee: AssigneeFilter;
  tag: string | null;
}

export const DEFAULT_INBOX_FILTER: InboxListFilter = { status: 'open', assignee: 'all', tag: null };

/**
 * The filter the core understands. "Me" needs the current agent: without one it cannot match
 * anything, so the caller shows a hint instead of asking (null).
 */
export function toContractFilter(filter: InboxListFilter, currentAgentId: string | null): InboxFilter | null {
  const result: InboxFilter = { statuses: [filter.status] };
  if (filter.assignee === 'me') {
    if (!currentAgentId) return null;
    result.assignee = currentAgentId;
  } else if (filter.assignee === 'none') {
    result.assignee = 'none';
  } else if (filter.assignee !== 'all') {
    result.assignee = filter.assignee.agentId;
  }
  if (filter.tag) result.tag = filter.tag;
  return result;
}

/** Whether an item (e.g. just changed by a triage action) still belongs in the filtered list. */
export function matchesFilter(entry: InboxItemView, filter: InboxListFilter, currentAgentId: string | null): boolean {
  if (entry.status !== filter.status) return false;
  if (filter.assignee === 'me' && (!currentAgentId || entry.assigneeId !== currentAgentId)) return false;
  if (filter.assignee === 'none' && entry.assigneeId !== null) return false;
  if (typeof filter.assignee === 'object' && entry.assigneeId !== filter.assignee.agentId) return false;
  if (filter.tag && !entry.tags.includes(filter.tag.toLowerCase())) return false;
  return true;
}

/**
 * Applies changed items to the list in place: changed ones are replaced where they stand (the
 * core's order comes back with the next reload, so rows do not jump under the user's cursor),
 * and those that no longer match the filter leave it.
 */
export function withChanged(
  items: readonly InboxItemView[],
  changed: readonly InboxItemView[],
  filter: InboxListFilter,
  currentAgentId: string | null,
): InboxItemView[] {
  const byId = new Map(changed.map((entry) => [entry.id, entry]));
  const result: InboxItemView[] = [];
  for (const entry of items) {
    const update = byId.get(entry.id);
    if (!update) result.push(entry);
    else if (matchesFilter(update, filter, currentAgentId)) result.push(update);
  }
  return result;
}

/** Appends a further page, skipping items the list has already (a reload may have moved them up). */
export function withPage(items: readonly InboxItemView[], page: readonly InboxItemView[]): InboxItemView[] {
  const seen = new Set(items.map((entry) => entry.id));
  return [...items, ...page.filter((entry) => !seen.has(entry.id))];
}

/**
 * Where the focus goes after items left the list (done, snoozed, reassigned away): the first
 * item after the one that had it which is still there, else the nearest before it, else none.
 */
export function nextFocusAfter(before: readonly InboxItemView[], after: readonly InboxItemView[], focusedId: number | null): number | null {
  if (focusedId === null) return after[0]?.id ?? null;
  if (after.some((entry) => entry.id === focusedId)) return focusedId;
  const remaining = new Set(after.map((entry) => entry.id));
  const index = before.findIndex((entry) => entry.id === focusedId);
  if (index < 0) return after[0]?.id ?? null;
  for (let i = index + 1; i < before.length; i++) {
    const id = before[i]!.id;
    if (remaining.has(id)) return id;
  }
  for (let i = index - 1; i >= 0; i--) {
    const id = before[i]!.id;
    if (remaining.has(id)) return id;
  }
  return after[0]?.id ?? null;
}

/** The id next to `id` in the list (step +1 down, -1 up), staying at the ends. */
export function stepFrom(items: readonly InboxItemView[], id: number | null, step: 1 | -1): number | null {
  if (items.length === 0) return null;
  const index = id === null ? -1 : items.findIndex((entry) => entry.id === id);
  if (index < 0) return items[step === 1 ? 0 : items.length - 1]!.id;
  const next = Math.max(0, Math.min(items.length - 1, index + step));
  return items[next]!.id;
}

/** The author as a list shows them: display name, else @handle, else the network's id. */
export function authorLabel(item: StoredItem): string {
  const author = item.author;
  const name = author?.displayName?.trim();
  if (name) return name;
  const handle = author?.handle?.trim();
  if (handle) return handle.startsWith('@') ? handle : `@${handle}`;
  return author?.remoteId ?? item.title?.trim() ?? '';
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text on one line, cut after `max` characters as people count them (an emoji with its skin tone is one). */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let result = '';
  let count = 0;
  for (const { segment } of graphemes.segment(flat)) {
    if (count === max) return result;
    result += segment;
    count++;
  }
  return result;
}

/** The accessible name of a row: "<author>: <first 80 characters of the text>". */
export function optionName(entry: InboxItemView): string {
  return `${authorLabel(entry.item)}: ${excerpt(entry.item.text || entry.item.title || '', 80)}`;
}

/** Tags as people type them, separated by commas: trimmed, lower case, without duplicates or empties. */
export function parseTags(input: string): string[] {
  const tags = input
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag) => tag.length > 0 && tag.length <= 40);
  return [...new Set(tags)];
}

/** Initials of a name for agents without their own ("Anna Beispiel" -> "AB"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => Array.from(word)[0]?.toUpperCase() ?? '').join('');
}
