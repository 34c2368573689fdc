import type { InquiryType } from '../contract/analysis';

/**
 * Saved replies as text: filling their variables, suggesting them for a message, and the quick
 * picker's search. Pure (no Node, no DOM): the renderer and the core both use it.
 */

/** The variables a saved reply may use, in the order the UI lists them. */
export const SAVED_REPLY_VARIABLES = [
  'author.name',
  'author.handle',
  'agent.name',
  'agent.initials',
  'agent.signature',
  'workspace.name',
] as const;
export type SavedReplyVariable = (typeof SAVED_REPLY_VARIABLES)[number];

/** What the variables are filled with; anything missing, null or blank is left out of the text. */
export interface SavedReplyVars {
  author?: { name?: string | null; handle?: string | null } | null;
  agent?: { name?: string | null; initials?: string | null; signature?: string | null } | null;
  workspace?: { name?: string | null } | null;
}

/** The parts of a saved reply the ranking and search look at (a SavedReply fits). */
export interface SavedReplyLike {
  title: string;
  body: string;
  keywords: readonly string[];
  /** The kinds of message the reply answers; empty or left out: any. */
  inquiryTypes?: readonly InquiryType[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;
/** Stands for a variable that was left out while the text around it is tidied (a private-use character). */
const GAP = '\uE000';
/** Brackets that held only left-out variables go too: "Grüsse ({{agent.initials}})" -> "Grüsse". */
const GAP_BRACKETS = new RegExp(`\\([ \\t]*${GAP}(?:[ \\t]*${GAP})*[ \\t]*\\)|\\[[ \\t]*${GAP}(?:[ \\t]*${GAP})*[ \\t]*\\]`, 'g');
const GAP_RUN = new RegExp(`[ \\t]*${GAP}(?:[ \\t]*${GAP})*[ \\t]*`, 'g');
/** A line that held nothing but left-out variables goes away entirely. */
const GAP_LINE = new RegExp(`^[ \\t]*${GAP}(?:[ \\t]*${GAP})*[ \\t]*(?:\\r?\\n|$)`, 'gm');
/** After these a gap needs no space: "Hallo {{author.name}}, danke" -> "Hallo, danke". */
const CLOSING = /[,.;:!?…)\]}"'»“”]/;
const OPENING = /[([{"'«„“]/;

/**
 * Fills {{author.name}}, {{author.handle}}, {{agent.name}}, {{agent.initials}},
 * {{agent.signature}} and {{workspace.name}}. Unknown or missing variables are left out
 * cleanly: no "undefined", no double spaces, no space before punctuation, no stranded "@" in
 * front of a missing handle, no empty brackets, no line left holding only a missing signature.
 */
export function renderSavedReply(body: string, vars: SavedReplyVars): string {
  let gaps = false;
  const filled = body.replace(PLACEHOLDER, (_match, name: string) => {
    const value = variableValue(name, vars);
    if (value) return value;
    gaps = true;
    return GAP;
  });
  if (!gaps) return filled;
  const tidied = filled
    .replace(new RegExp(`@${GAP}`, 'g'), GAP)
    .replace(GAP_BRACKETS, GAP)
    .replace(GAP_LINE, '')
    .replace(GAP_RUN, (run: string, offset: number, whole: string) => {
      const before = offset === 0 ? '\n' : whole[offset - 1]!;
      const afterIndex = offset + run.length;
      const after = afterIndex >= whole.length ? '\n' : whole[afterIndex]!;
      if (before === '\n' || before === '\r' || after === '\n' || after === '\r') return '';
      if (CLOSING.test(after) || OPENING.test(before)) return '';
      return /[ \t]/.test(run) ? ' ' : '';
    });
  // The body itself comes trimmed (the contract trims it); a gap must not leave blank edges.
  return body.trim() === body ? tidied.trim() : tidied;
}

function variableValue(name: string, vars: SavedReplyVars): string | null {
  const pick = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);
  switch (name) {
    case 'author.name':
      return pick(vars.author?.name);
    case 'author.handle':
      return pick(vars.author?.handle);
    case 'agent.name':
      return pick(vars.agent?.name);
    case 'agent.initials':
      return pick(vars.agent?.initials);
    case 'agent.signature':
      return pick(vars.agent?.signature);
    case 'workspace.name':
      return pick(vars.workspace?.name);
    default:
      return null;
  }
}

/**
 * Text as the matching compares it: lower case, ß as ss (Swiss spelling meets German:
 * "Strasse" = "Straße"), umlauts as their two-letter spelling ("Öffnungszeiten" =
 * "oeffnungszeiten"), other accents dropped ("café" = "cafe").
 */
export function foldForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Title words too common to say what a reply is about. */
const STOP_WORDS = new Set(
  [
    'aber', 'alle', 'auch', 'bitte', 'dann', 'dass', 'denn', 'eine', 'einem', 'einen', 'einer', 'eines', 'fuer',
    'haben', 'ihre', 'ihren', 'ihr', 'nach', 'nicht', 'oder', 'sind', 'ueber', 'unser', 'unsere', 'wenn', 'wird',
    'about', 'from', 'have', 'please', 'that', 'their', 'there', 'this', 'what', 'when', 'with', 'your', 'thanks',
    'danke', 'hallo',
  ].map(foldForMatching),
);

/** Whether a word of the haystack starts with the needle. */
function startsAWord(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    if (at === 0 || !/[\p{L}\p{N}]/u.test(haystack[at - 1]!)) return true;
    from = at + 1;
  }
}

function containsWord(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const end = at + needle.length;
    const startOk = at === 0 || !/[\p{L}\p{N}]/u.test(haystack[at - 1]!);
    const endOk = end >= haystack.length || !/[\p{L}\p{N}]/u.test(haystack[end]!);
    if (startOk && endOk) return true;
    from = at + 1;
  }
}

/** What a matching inquiry type adds: less than a keyword, more than a title word. */
export const INQUIRY_MATCH_SCORE = 2;

/**
 * How strongly a message suggests a reply (0: not at all). A keyword counts 3 when it occurs
 * anywhere in the message (German compounds: "lieferzeit" is found in "Lieferzeiten"), keywords
 * of up to three letters only as whole words ("app" not in "Apple"); a title word of four letters
 * or more counts 1 when a word of the message starts with it.
 *
 * With the message's inquiry type (from the on-device analysis): a reply made for that type
 * counts 2 more (so a complaint suggests the apology even without a keyword); a reply made only
 * for other types is not suggested at all, whatever its keywords ("Eure Öffnungszeiten sind
 * eine Frechheit" is a complaint, not a question the opening-hours reply answers). Replies with
 * no inquiry types, and messages of unknown type, are ranked by words alone.
 */
export function savedReplyScore(reply: SavedReplyLike, messageText: string, inquiry: InquiryType | null = null): number {
  const message = foldForMatching(messageText);
  if (!message.trim()) return 0;
  const types = reply.inquiryTypes ?? [];
  let bonus = 0;
  if (inquiry !== null && types.length > 0) {
    if (!types.includes(inquiry)) return 0;
    bonus = INQUIRY_MATCH_SCORE;
  }
  let score = 0;
  const seen = new Set<string>();
  const normalizedMessage = words(message).join(' ');
  for (const keyword of reply.keywords) {
    const folded = words(foldForMatching(keyword)).join(' ');
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    const hit = folded.length <= 3 ? containsWord(normalizedMessage, folded) : normalizedMessage.includes(folded);
    if (hit) score += 3;
  }
  for (const word of new Set(words(foldForMatching(reply.title)))) {
    if (word.length < 4 || STOP_WORDS.has(word) || seen.has(word)) continue;
    if (startsAWord(message, word)) score += 1;
  }
  return score + bonus;
}

/**
 * All replies, those the message suggests first (strongest first); the rest keep their order
 * (the list comes sorted by title). Use savedReplyScore, with the same inquiry type, to mark
 * which ones are suggestions. `inquiry` is the message's inquiry type from the analysis
 * (insight.analyzeText); null or left out ranks by words alone, as before.
 */
export function suggestSavedReplies<T extends SavedReplyLike>(replies: readonly T[], messageText: string, inquiry: InquiryType | null = null): T[] {
  return replies
    .map((reply, index) => ({ reply, index, score: savedReplyScore(reply, messageText, inquiry) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.reply);
}

/**
 * The quick picker's search: replies where every word of the query occurs in the title, the
 * body or a keyword (case, umlauts and ß as in the suggestions). Replies whose title holds
 * every word come first; otherwise the given order stays. An empty query finds all.
 */
export function searchSavedReplies<T extends SavedReplyLike>(replies: readonly T[], query: string): T[] {
  const queryWords = words(foldForMatching(query));
  if (queryWords.length === 0) return [...replies];
  const found: Array<{ reply: T; index: number; inTitle: boolean }> = [];
  replies.forEach((reply, index) => {
    const title = foldForMatching(reply.title);
    const everything = [title, foldForMatching(reply.body), ...reply.keywords.map(foldForMatching)].join('\n');
    if (queryWords.every((word) => everything.includes(word))) {
      found.push({ reply, index, inTitle: queryWords.every((word) => title.includes(word)) });
    }
  });
  return found.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || a.index - b.index).map((entry) => entry.reply);
}
