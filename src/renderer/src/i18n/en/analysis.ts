/**
 * English strings of the on-device text analysis as items show it: sentiment and inquiry type
 * (the chips on items, and the words the rule and saved-reply editors use for them).
 */
export const analysisEn = {
  sentiment: {
    positive: 'positive',
    neutral: 'neutral',
    negative: 'negative',
  },
  inquiry: {
    question: 'question',
    complaint: 'complaint',
    praise: 'praise',
    other: 'other',
  },
  /** What the chip says aloud: both parts, always. */
  chipName: 'Sentiment: {{sentiment}}, inquiry: {{inquiry}}',
  /** The chip's hover text: the score and the language the analysis read the text in. */
  chipTitle: 'Score {{score}} (from -1 to 1), read as {{language}}. Analysed on this device.',
  chipTitleNoLanguage: 'Score {{score}} (from -1 to 1). Analysed on this device.',
  languages: {
    de: 'German',
    en: 'English',
  },
  sentimentLegend: 'Sentiment',
  inquiryLegend: 'Kind of message',
} as const;
