import type { Messages } from '../en';

/**
 * Deutsche Texte der Textanalyse auf dem Gerät: Stimmung und Anliegen (die Chips an den
 * Beiträgen und die Wörter, die der Regel- und der Textbaustein-Editor dafür verwenden).
 */
export const analysisDe = {
  sentiment: {
    positive: 'positiv',
    neutral: 'neutral',
    negative: 'negativ',
  },
  inquiry: {
    question: 'Frage',
    complaint: 'Beschwerde',
    praise: 'Lob',
    other: 'Sonstiges',
  },
  chipName: 'Stimmung: {{sentiment}}, Anliegen: {{inquiry}}',
  chipTitle: 'Wert {{score}} (von -1 bis 1), gelesen als {{language}}. Auf diesem Gerät analysiert.',
  chipTitleNoLanguage: 'Wert {{score}} (von -1 bis 1). Auf diesem Gerät analysiert.',
  languages: {
    de: 'Deutsch',
    en: 'Englisch',
  },
  sentimentLegend: 'Stimmung',
  inquiryLegend: 'Art der Nachricht',
} as const satisfies Messages['analysis'];
