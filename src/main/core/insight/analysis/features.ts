import { IRONY_EMOJI, IRONY_PHRASES, NEGATIVE_EMOJI, POSITIVE_EMOJI, type Lang } from './cues';
import { afinnDeScores, vaderScores, type LexiconScores } from './lexicon';
import type { Tokenized } from './tokenize';

// The features of one text, shared by training (scripts/train-sentiment.ts) and inference so the
// two cannot drift: word unigrams and bigrams ('w:', 'b:'), surface cues ('f:'), lexicon scores ('x:').

export interface Features {
  readonly names: string[];
  readonly values: number[];
  readonly lexicon: LexiconScores;
  readonly positiveEmoji: number;
  readonly negativeEmoji: number;
  readonly irony: number;
}

const capped = (count: number, cap: number) => Math.min(count, cap) / cap;
/** Quotes around a positive-sounding word ("toller" „Service“) are a cheap sarcasm cue. */
const SCARE_QUOTES = /["“„«»'‚‘]\s*[\p{L}]{2,20}\s*["”“»«'‘’]/u;

export function extractFeatures(tokenized: Tokenized, lang: Lang, clean: string): Features {
  const names: string[] = [];
  const values: number[] = [];
  const add = (name: string, value: number) => {
    if (value !== 0) {
      names.push(name);
      values.push(value);
    }
  };

  let positiveEmoji = 0;
  let negativeEmoji = 0;
  let ironyEmoji = 0;
  let previous: string | null = null;
  for (const token of tokenized.tokens) {
    if (token.kind === 'punct') {
      previous = null;
      continue;
    }
    add(`w:${token.text}`, 1);
    if (previous !== null) add(`b:${previous} ${token.text}`, 1);
    previous = token.text;
    if (token.kind === 'emoji') {
      const positive = POSITIVE_EMOJI.has(token.base);
      const negative = NEGATIVE_EMOJI.has(token.base);
      // A negated smiley ("not :)") counts for the other side.
      if ((positive && !token.negated) || (negative && token.negated)) positiveEmoji++;
      if ((negative && !token.negated) || (positive && token.negated)) negativeEmoji++;
      if (IRONY_EMOJI.has(token.base)) ironyEmoji++;
    }
  }

  const lexicon = lang === 'en' ? vaderScores(clean) : afinnDeScores(tokenized);
  const irony = ironyEmoji + (IRONY_PHRASES[lang].test(tokenized.line) ? 1 : 0) + (SCARE_QUOTES.test(clean) ? 1 : 0);

  add('f:question', capped(tokenized.questionMarks, 3));
  add('f:exclaim', capped(tokenized.exclamationMarks, 3));
  add('f:caps', capped(tokenized.allCaps, 3));
  add('f:elong', capped(tokenized.elongations, 2));
  add('f:hashtag', capped(tokenized.hashtags, 3));
  add('f:neg', capped(tokenized.negations, 2));
  add('f:intens', capped(tokenized.intensifiers, 2));
  add('f:irony', capped(irony, 2));
  add('f:emo+', capped(positiveEmoji, 3));
  add('f:emo-', capped(negativeEmoji, 3));
  add('f:empty', tokenized.tokens.length === 0 ? 1 : 0);

  add('x:compound', lexicon.compound);
  add('x:pos', Math.min(lexicon.positive, 4) / 4);
  add('x:neg', Math.min(lexicon.negative, 4) / 4);
  add('x:nohit', lexicon.hits === 0 ? 1 : 0);
  // Bins let a linear model learn its own thresholds on the lexicon score.
  const bin = Math.max(-4, Math.min(4, Math.round(lexicon.compound * 4)));
  add(`x:bin${bin}`, 1);
  // Irony turns a positive lexicon score around: let the model weigh that on its own.
  if (irony > 0) add('x:ironic', lexicon.compound);

  return { names, values, lexicon, positiveEmoji, negativeEmoji, irony };
}
