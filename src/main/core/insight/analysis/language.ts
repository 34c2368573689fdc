import { eld } from 'eld/small';
import type { AnalysisLanguage } from '../../../../shared/contract/analysis';

// Language detection with eld's small n-gram database restricted to German and English.
// Text with fewer than MIN_LETTERS letters (after URLs, mentions and emoji are gone) gives too little
// to tell: language null. When eld is unsure, the caller's fallback (the item's own tag, else the
// workspace's language) wins over eld's guess.

const MIN_LETTERS = 3;
const NOT_LANGUAGE = /(?:https?:\/\/|www\.)\S+|[@#][\p{L}\p{N}_]+/gu;
const LETTER = /\p{L}/gu;

const detector = eld.newInstance();
detector.setLanguageSubset(['de', 'en']);

export interface DetectedLanguage {
  /** What the analysis reports: null when the text gives too little to tell. */
  readonly language: AnalysisLanguage | null;
  /** Whose model reads the text. */
  readonly model: AnalysisLanguage;
}

export function detectLanguage(clean: string, fallback: AnalysisLanguage | null | undefined): DetectedLanguage {
  const fallbackModel: AnalysisLanguage = fallback ?? 'de';
  const prose = clean.replace(NOT_LANGUAGE, ' ');
  const letters = prose.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS) return { language: null, model: fallbackModel };
  // The first few hundred letters tell the language as well as the whole post, at a fraction of the cost.
  const result = detector.detect(prose.length > 400 ? prose.slice(0, 400) : prose);
  const guess = result.language === 'de' || result.language === 'en' ? result.language : null;
  if (guess === null) return { language: null, model: fallbackModel };
  if (!result.isReliable() && fallback) return { language: fallback, model: fallback };
  return { language: guess, model: guess };
}
