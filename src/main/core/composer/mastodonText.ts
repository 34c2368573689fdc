import { LinkifyIt } from 'linkify-it';
import { countGraphemes } from './graphemes';
import type { ComposerFacet } from './types';

/**
 * How Mastodon counts a status, after its StatusLengthValidator: the content warning plus the
 * text, in which every http(s) URL counts as `charactersReservedPerUrl` characters whatever its
 * length and a remote mention `@user@domain` counts as `@user`; the result is counted in
 * grapheme clusters. Entities are found as Mastodon's Extractor finds them (URLs with a
 * protocol, then mentions; where two overlap the earlier one wins).
 *
 * URLs are found with linkify-it restricted to http(s) links. Mastodon uses twitter-text's
 * URL pattern, which in addition requires a known top-level domain: a link such as
 * http://intranet/ counts as 23 here and as written there, which errs towards "too long".
 */

interface Entity {
  kind: 'link' | 'mention';
  start: number;
  end: number;
  /** The URL, or the screen name without "@" (user or user@domain). */
  value: string;
}

const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false }).add('ftp:', null).add('mailto:', null).add('//', null);

// Ruby's [[:word:]]: letters, marks, decimal digits and connector punctuation.
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
// Account::MENTION_RE with Account::USERNAME_RE.
const MENTION_RE = new RegExp(`(?<![=/${WORD}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*(?:@[${WORD}]+(?:[.-]+[${WORD}]+)*)?)`, 'giu');
// twitter-text's end_mention_match: a mention right before another "@", a Latin accent or "://" is none.
const END_MENTION = /^(?:[@＠\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]|\p{M}|:\/\/)/u;
// Tag::HASHTAG_RE, simplified to its common form: at least one letter, no "#" right after a word, "/", "=" or ")".
const HASHTAG_RE = new RegExp(`(?<![=/)\\p{L}\\p{N}])[#＃]([${WORD}\u00B7\u200C]*\\p{L}[${WORD}\u00B7\u200C]*)`, 'gu');

function extractUrls(text: string): Entity[] {
  return (linkify.match(text) ?? [])
    .filter((match) => match.schema === 'http:' || match.schema === 'https:')
    .map((match) => ({ kind: 'link', start: match.index, end: match.lastIndex, value: match.url }));
}

function extractMentions(text: string): Entity[] {
  const out: Entity[] = [];
  for (const match of text.matchAll(MENTION_RE)) {
    const screenName = match[1]!;
    const end = match.index + 1 + screenName.length;
    if (END_MENTION.test(text.slice(end))) continue;
    out.push({ kind: 'mention', start: match.index, end, value: screenName });
  }
  return out;
}

/** Extractor.remove_overlapping_entities: by start, and an entity that begins inside the one before is dropped. */
function removeOverlapping<T extends { start: number; end: number }>(entities: T[]): T[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const kept: T[] = [];
  for (const entity of sorted) {
    const previous = kept.at(-1);
    if (previous && previous.end > entity.start) continue;
    kept.push(entity);
  }
  return kept;
}

function entitiesOf(text: string): Entity[] {
  return removeOverlapping([...extractUrls(text), ...extractMentions(text)]);
}

/** The text as StatusLengthValidator#countable_text rewrites it. */
export function mastodonCountableText(text: string, urlLength: number): string {
  // Ruby's blank?: only whitespace counts as nothing.
  if (/^\s*$/u.test(text)) return '';
  let out = '';
  let at = 0;
  for (const entity of entitiesOf(text)) {
    out += text.slice(at, entity.start);
    out += entity.kind === 'link' ? 'x'.repeat(urlLength) : `@${entity.value.split('@')[0]}`;
    at = entity.end;
  }
  return out + text.slice(at);
}

/** The length Mastodon checks against its max_characters. */
export function mastodonLength(text: string, spoilerText: string, urlLength: number): number {
  return countGraphemes(spoilerText + mastodonCountableText(text, urlLength));
}

/** Links, mentions and hashtags as Mastodon will recognise them; UTF-16 offsets into `text`. */
export function mastodonFacets(text: string): ComposerFacet[] {
  const entities = entitiesOf(text);
  const tags: ComposerFacet[] = [];
  for (const match of text.matchAll(HASHTAG_RE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (entities.some((entity) => entity.start < end && start < entity.end)) continue;
    tags.push({ kind: 'tag', start, end, value: match[1]! });
  }
  return [...entities.map(({ kind, start, end, value }) => ({ kind, start, end, value })), ...tags].sort((a, b) => a.start - b.start);
}
