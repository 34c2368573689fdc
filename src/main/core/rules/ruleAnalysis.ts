import type { ItemAnalysis } from '../../../shared/contract/analysis';
import type { RuleSample } from '../../../shared/contract/inbox';
import { createAnalyzer } from '../insight/analysis';
import { fallbackLanguage } from '../insight/pipeline';
import type { RuleSubject } from './matchRules';

/** The on-device analysis as rules use it: text, and the language to assume when detection is unsure. */
export type AnalyzeText = (text: string, fallback: 'de' | 'en') => ItemAnalysis;

/** The shared analyzer (its models load once per process, on first use). */
export const analyzeWithModel: AnalyzeText = (text, fallback) => createAnalyzer().analyze(text, fallback);

/**
 * The sample with the analysis of its text, judged as the analysis pipeline judges the stored
 * item (same fallback language: the item's own tag, else German), so that a rule sees what the
 * dashboard later counts. The analysis is synchronous and cheap (thousands of texts a second);
 * should it fail, the message still reaches the inbox, only sentiment and inquiry-type
 * conditions do not hold for it.
 */
export function withAnalysis(
  sample: RuleSample,
  analyze: AnalyzeText,
  log: (message: string) => void = () => {},
  /** What the analysis reads, when it differs from what keywords are matched against. */
  text: string = sample.text,
): RuleSubject {
  try {
    const { sentiment, inquiry } = analyze(text, fallbackLanguage(sample.language));
    return { ...sample, analysis: { sentiment, inquiry } };
  } catch (error) {
    log(`[rules] the analysis of a message failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ...sample, analysis: null };
  }
}
