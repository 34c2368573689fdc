import type { InquiryType } from '../../../../shared/contract/analysis';
import type { Agent, InboxSettings, SavedReply } from '../../../../shared/contract/inbox';
import type { StoredItem } from '../../../../shared/contract/items';
import { renderSavedReply, savedReplyScore, searchSavedReplies, suggestSavedReplies, type SavedReplyVars } from '../../../../shared/inbox/savedReplyText';

/** Who a reply answers, who writes it, for which workspace: the saved replies' variables. */
export function savedReplyVars(input: {
  author: StoredItem['author'] | null | undefined;
  settings: InboxSettings | null;
  agents: readonly Agent[];
  workspaceName: string | null;
}): SavedReplyVars {
  const agent = input.settings?.currentAgentId ? input.agents.find((a) => a.id === input.settings?.currentAgentId) : undefined;
  const author = input.author;
  return {
    // A display name reads better in a greeting; the handle stands in where there is none.
    author: author ? { name: author.displayName?.trim() || author.handle, handle: author.handle } : null,
    agent: agent ? { name: agent.name, initials: agent.initials, signature: agent.signature } : null,
    workspace: input.workspaceName ? { name: input.workspaceName } : null,
  };
}

export function renderReply(reply: SavedReply, vars: SavedReplyVars): string {
  return renderSavedReply(reply.body, vars);
}

/** What the quick picker lists: suggestions for the message first, or what the search finds. */
export interface PickerEntries {
  suggested: SavedReply[];
  others: SavedReply[];
}

/**
 * `inquiry` is the message's inquiry type from the on-device analysis (null while it has none):
 * replies made for that type are suggested even without a keyword, replies made only for other
 * types are not suggested.
 */
export function pickerEntries(replies: readonly SavedReply[], query: string, messageText: string | null, inquiry: InquiryType | null = null): PickerEntries {
  if (query.trim()) return { suggested: [], others: searchSavedReplies(replies, query) };
  if (!messageText) return { suggested: [], others: [...replies] };
  const ordered = suggestSavedReplies(replies, messageText, inquiry);
  const suggested = ordered.filter((reply) => savedReplyScore(reply, messageText, inquiry) > 0);
  return { suggested, others: ordered.slice(suggested.length) };
}

/** "opening hours, Lieferzeit ,, " -> ["opening hours", "Lieferzeit"] (no duplicates, case kept). */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const keyword = part.trim().replace(/\s+/g, ' ');
    if (!keyword || seen.has(keyword.toLowerCase())) continue;
    seen.add(keyword.toLowerCase());
    keywords.push(keyword);
  }
  return keywords;
}
