import multilangSentiment from 'multilang-sentiment';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import type { Sentiment as Label } from '../../src/shared/contract/analysis';
import { afinnDeSum } from '../../src/main/core/insight/analysis/lexicon';
import { bySign } from './metrics';

// The lexicon baselines, each as its authors document it.

const afinn = new Sentiment();

/** `sentiment` (AFINN-165): score > 0 positive, < 0 negative, else neutral. */
export const afinnEn = (text: string): Label => bySign(afinn.analyze(text).score);

/** VADER compound with its documented thresholds: ≥ 0.05 positive, ≤ −0.05 negative, else neutral. */
export function vaderEn(text: string): Label {
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  return compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';
}

/** multilang-sentiment as shipped (AFINN-de with its own tokenizer, negators and fuzzy matching): score sign. */
export const multilangDe = (text: string): Label => bySign(multilangSentiment(text, 'de').score);

const WORDS = /[\p{L}\p{N}]+/gu;
/** The AFINN-de lexicon summed over the lowercased words: > 0 positive, < 0 negative, else neutral. */
export const afinnDePlain = (text: string): Label => bySign(afinnDeSum(text.toLowerCase().match(WORDS) ?? []));
