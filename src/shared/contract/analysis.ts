import { z } from 'zod';

// The analysis vocabulary on its own, so that the inbox contract (rules, saved replies) can use it
// without importing the dashboard contract.

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const sentimentSchema = z.enum(SENTIMENTS);
export type Sentiment = z.infer<typeof sentimentSchema>;

/** What a message wants from us. Precedence when several fit: question > complaint > praise. */
export const INQUIRY_TYPES = ['question', 'complaint', 'praise', 'other'] as const;
export const inquiryTypeSchema = z.enum(INQUIRY_TYPES);
export type InquiryType = z.infer<typeof inquiryTypeSchema>;

/** Languages the on-device analysis knows; anything else is analysed as the workspace's language. */
export const ANALYSIS_LANGUAGES = ['de', 'en'] as const;
export const analysisLanguageSchema = z.enum(ANALYSIS_LANGUAGES);
export type AnalysisLanguage = z.infer<typeof analysisLanguageSchema>;

/** The on-device analysis of one item's text. */
export const itemAnalysisSchema = z.object({
  /** The detected language; null when the text gives too little to tell (e.g. emoji only). */
  language: analysisLanguageSchema.nullable(),
  sentiment: sentimentSchema,
  /** From -1 (clearly negative) to 1 (clearly positive). */
  score: z.number().min(-1).max(1),
  inquiry: inquiryTypeSchema,
  modelVersion: z.string(),
});
export type ItemAnalysis = z.infer<typeof itemAnalysisSchema>;
