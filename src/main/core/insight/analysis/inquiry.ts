import type { InquiryType, Sentiment } from '../../../../shared/contract/analysis';
import {
  COMPLAINT_CUES,
  PRAISE_CUES,
  QUESTION_OPENERS,
  QUESTION_PHRASES,
  RHETORICAL,
  STRONG_COMPLAINT_CUES,
  type Lang,
} from './cues';
import type { Features } from './features';
import type { Tokenized } from './tokenize';

// Inquiry type by documented rules on top of the sentiment (no open labelled data exists to train
// on; see data/sentiment/README.md). Precedence: question > complaint > praise > other.
//
// question:  a '?' that is not only a rhetorical one ("echt jetzt?", "seriously?"), or a question
//            phrase ("weiß jemand", "does anyone know"), or a sentence that opens with a question
//            word or a verb ("Wann habt ihr …", "Can I …") and does not end in '!'.
// complaint: negative sentiment with a problem/service cue ("warte seit Tagen", "refund"), or
//            clearly negative (score <= -0.3) and addressed to someone (@mention); or a strong
//            complaint cue ("Frechheit", "never again") unless positive.
// praise:    positive sentiment with a thanks/recommendation cue or a positive emoji or an
//            @mention; or a thanks cue with neutral sentiment and a positive emoji.
// other:     everything else.

/** How negative a post addressed to someone must be to count as a complaint without a problem cue. */
const ADDRESSED_COMPLAINT_SCORE = -0.3;

export interface InquiryInput {
  readonly tokenized: Tokenized;
  readonly features: Features;
  readonly sentiment: Sentiment;
  readonly score: number;
  readonly lang: Lang;
}

function firstWords(tokenized: Tokenized): string[] {
  const words: string[] = [];
  for (const token of tokenized.tokens) {
    if (token.kind === 'punct') break;
    if (token.kind === 'word') words.push(token.base);
    if (words.length === 2) break;
  }
  return words;
}

export function isQuestion(tokenized: Tokenized, lang: Lang): boolean {
  // The line has URLs as '<url>', so a '?' in a link does not count.
  if (tokenized.questionMarks > 0 && tokenized.line.replace(RHETORICAL[lang], '  ').includes('?')) return true;
  if (QUESTION_PHRASES[lang].test(tokenized.line)) return true;
  const [first] = firstWords(tokenized);
  const opensAsQuestion = first !== undefined && QUESTION_OPENERS[lang].has(first);
  return opensAsQuestion && tokenized.exclamationMarks === 0 && tokenized.tokens.length >= 3 && tokenized.tokens.length <= 40;
}

export function inquiryType({ tokenized, features, sentiment, score, lang }: InquiryInput): InquiryType {
  if (isQuestion(tokenized, lang)) return 'question';
  const text = tokenized.line;
  const mentions = tokenized.tokens.some((token) => token.kind === 'user');
  if (sentiment === 'negative') {
    if (COMPLAINT_CUES[lang].test(text) || STRONG_COMPLAINT_CUES[lang].test(text)) return 'complaint';
    if (mentions && score <= ADDRESSED_COMPLAINT_SCORE) return 'complaint';
  }
  if (sentiment !== 'positive' && STRONG_COMPLAINT_CUES[lang].test(text)) return 'complaint';
  const thanks = PRAISE_CUES[lang].test(text);
  if (sentiment === 'positive' && (thanks || mentions || features.positiveEmoji > 0)) return 'praise';
  if (sentiment === 'neutral' && thanks && features.positiveEmoji > 0 && features.negativeEmoji === 0) return 'praise';
  return 'other';
}
