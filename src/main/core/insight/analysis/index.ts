import type { AnalysisLanguage, ItemAnalysis } from '../../../../shared/contract/analysis';
import { extractFeatures } from './features';
import { inquiryType } from './inquiry';
import { detectLanguage } from './language';
import { LinearModel, type ModelFile } from './model';
import deModel from './model/de.json';
import enModel from './model/en.json';
import { cleanText, tokenize } from './tokenize';

// On-device text analysis: language (eld), sentiment (a small logistic regression per language,
// trained by scripts/train-sentiment.ts), inquiry type (rules in inquiry.ts). Pure and synchronous.

/** Bump when tokenize.ts, features.ts, cues.ts or inquiry.ts change what they produce. */
export const RULES_VERSION = 1;

export interface Analyzer {
  /** Changes whenever the model or rules change; stored with each analysis so re-analysis can find stale ones. */
  readonly version: string;
  /** Pure and synchronous; `fallbackLanguage` is used when detection is unsure (the item's own language tag first, else the workspace's, else 'de'). */
  analyze(text: string, fallbackLanguage?: 'de' | 'en' | null): ItemAnalysis;
}

let shared: Analyzer | null = null;

/** The analyzer; models load once per process. */
export function createAnalyzer(): Analyzer {
  shared ??= buildAnalyzer();
  return shared;
}

function buildAnalyzer(): Analyzer {
  const models: Record<AnalysisLanguage, LinearModel> = {
    de: new LinearModel(deModel as ModelFile),
    en: new LinearModel(enModel as ModelFile),
  };
  const version = `de-${models.de.version}.en-${models.en.version}.r${RULES_VERSION}`;
  return {
    version,
    analyze(text, fallbackLanguage) {
      const clean = cleanText(typeof text === 'string' ? text : '');
      const { language, model } = detectLanguage(clean, fallbackLanguage);
      const tokenized = tokenize(clean, model);
      const features = extractFeatures(tokenized, model, clean);
      const { sentiment, score } = models[model].predict(features.names, features.values);
      return {
        language,
        sentiment,
        score,
        inquiry: inquiryType({ tokenized, features, sentiment, score, lang: model }),
        modelVersion: version,
      };
    },
  };
}
