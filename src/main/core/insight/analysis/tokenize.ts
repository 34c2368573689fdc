import { INTENSIFIERS, NEGATORS, SCOPE_BREAKERS, type Lang } from './cues';

// Social media text into tokens for the model: lowercased words with URLs and @mentions as
// placeholders, hashtags without '#', emoji and emoticons as tokens, and words inside a negation
// scope marked with a leading '¬' (so "nicht gut" gives "¬gut", a different feature from "gut").

/** Longer texts are cut here: a post's opinion is in its first paragraphs, and the cap keeps hostile input cheap. */
export const MAX_ANALYSED_CHARS = 4000;

export const URL_TOKEN = '<url>';
export const USER_TOKEN = '<user>';
export const NEGATED = '¬';

export interface Token {
  /** Lowercased, elongations shortened ("soooo" → "soo"), negated ones prefixed with '¬'. */
  readonly text: string;
  /** The word without the negation mark. */
  readonly base: string;
  readonly kind: 'word' | 'emoji' | 'url' | 'user' | 'punct';
  readonly negated: boolean;
  /** Follows an intensifier ("sehr gut", "so good"). */
  readonly intensified: boolean;
}

export interface Tokenized {
  readonly tokens: Token[];
  /** The tokens' words (without negation marks) joined by single spaces and padded with one: what cue phrases match. */
  readonly line: string;
  readonly questionMarks: number;
  readonly exclamationMarks: number;
  readonly allCaps: number;
  readonly elongations: number;
  readonly hashtags: number;
  readonly negations: number;
  readonly intensifiers: number;
}

// Control characters and bidi overrides are dropped; ZWJ and variation selectors stay (emoji sequences).
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

const EMOTICON = String.raw`(?:[:;=8][\-o*'^]?[)\](\[dDpP/\\|3*]|[)\](\[dD][\-o*'^]?[:;=8]|<\/?3|[xX][dD](?![\p{L}]))`;
export const EMOJI = String.raw`(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*)`;
const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)\S+)`,
    String.raw`(?<user>@[\p{L}\p{N}_]+)`,
    String.raw`(?<tag>#[\p{L}\p{N}_]+)`,
    `(?<emoticon>${EMOTICON})`,
    `(?<emoji>${EMOJI})`,
    String.raw`(?<word>[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*)`,
    String.raw`(?<punct>[.,;:!?…]+|["“”„«»])`,
  ].join('|'),
  'gu',
);
const ELONGATION = /(\p{L})\1{2,}/gu;
const ELONGATED = /(\p{L})\1{2,}/u;
const REPEATS = /(\p{L})\1+/gu;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

/** Skin tones and variation selectors do not change what an emoji says. */
export function emojiBase(emoji: string): string {
  return emoji.replace(/\uFE0F|\p{Emoji_Modifier}/gu, '');
}

/** Cleans text the same way for the model, the cues and language detection. */
export function cleanText(text: string): string {
  const cut = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  return cut.replace(INVISIBLE, ' ').replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

function isNegator(word: string, lang: Lang): boolean {
  if (NEGATORS[lang].has(word)) return true;
  return lang === 'de' ? word.startsWith('kein') : word.endsWith("n't") || word.endsWith('n’t');
}

/** Tokenizes text already passed through cleanText. */
export function tokenize(clean: string, lang: Lang): Tokenized {
  const tokens: Token[] = [];
  let questionMarks = 0;
  let exclamationMarks = 0;
  let allCaps = 0;
  let elongations = 0;
  let hashtags = 0;
  let negations = 0;
  let intensifiers = 0;
  let inScope = false;
  let afterIntensifier = false;
  const intensifierWords = INTENSIFIERS[lang];

  const push = (base: string, kind: Token['kind']) => {
    const negated = inScope && kind !== 'punct';
    tokens.push({ text: negated ? NEGATED + base : base, base, kind, negated, intensified: afterIntensifier });
  };

  for (const match of clean.matchAll(TOKEN)) {
    const groups = match.groups ?? {};
    if (groups.url) {
      push(URL_TOKEN, 'url');
    } else if (groups.user) {
      push(USER_TOKEN, 'user');
    } else if (groups.punct) {
      const p = groups.punct;
      for (const ch of p) {
        if (ch === '?') questionMarks++;
        else if (ch === '!') exclamationMarks++;
      }
      // Quotes do not end a negation scope; sentence punctuation does.
      if (/[.,;:!?…]/u.test(p)) {
        inScope = false;
        push(p.length > 1 ? p.slice(0, 2) : p, 'punct');
      }
      afterIntensifier = false;
    } else if (groups.emoticon) {
      push(groups.emoticon.toLowerCase(), 'emoji');
      afterIntensifier = false;
    } else if (groups.emoji) {
      push(emojiBase(groups.emoji), 'emoji');
      afterIntensifier = false;
    } else {
      const raw = groups.tag ? groups.tag.slice(1) : (groups.word ?? '');
      if (groups.tag) hashtags++;
      if (raw.length >= 2 && HAS_UPPER.test(raw) && !HAS_LOWER.test(raw) && !groups.tag) allCaps++;
      let word = raw.toLowerCase();
      let elongated = false;
      if (ELONGATED.test(word)) {
        elongations++;
        elongated = true;
        word = word.replace(ELONGATION, '$1$1');
      }
      if (SCOPE_BREAKERS.has(word)) inScope = false;
      if (isNegator(word, lang)) {
        negations++;
        // A negator is never itself negated: "never without" opens one scope, not a double negation.
        inScope = false;
        push(word, 'word');
        inScope = true;
        afterIntensifier = false;
        continue;
      }
      push(word, 'word');
      if (intensifierWords.has(word) || (elongated && intensifierWords.has(word.replace(REPEATS, '$1')))) {
        intensifiers++;
        afterIntensifier = true;
      } else {
        afterIntensifier = false;
      }
    }
  }
  const line = ` ${tokens.map((token) => token.base).join(' ')} `;
  return { tokens, line, questionMarks, exclamationMarks, allCaps, elongations, hashtags, negations, intensifiers };
}
