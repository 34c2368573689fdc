import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ItemAnalysis } from '../../../shared/contract/analysis';
import '../styles/analysis.css';

/** What the chip shows and says for one analysis. */
export interface AnalysisLabels {
  sentiment: string;
  /** Null for "other": nearly every item would carry it, and it tells the reader nothing. */
  inquiry: string | null;
  /** The accessible name: sentiment and inquiry type, always both. */
  name: string;
  /** Hover text: the score and the language the text was read in. */
  title: string;
}

export function analysisLabels(analysis: ItemAnalysis, t: TFunction, uiLanguage: string): AnalysisLabels {
  const sentiment = t(`analysis.sentiment.${analysis.sentiment}`);
  const inquiry = t(`analysis.inquiry.${analysis.inquiry}`);
  const score = new Intl.NumberFormat(uiLanguage, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(analysis.score);
  return {
    sentiment,
    inquiry: analysis.inquiry === 'other' ? null : inquiry,
    name: t('analysis.chipName', { sentiment, inquiry }),
    title: analysis.language
      ? t('analysis.chipTitle', { score, language: t(`analysis.languages.${analysis.language}`) })
      : t('analysis.chipTitleNoLanguage', { score }),
  };
}

/**
 * Sentiment and inquiry type of an item, e.g. "negative · complaint", in words (the colour only
 * repeats them). Nothing while the item still waits for its analysis. One image to assistive
 * technology, named "Sentiment: negative, inquiry: complaint", so that it reads as one fact in
 * the descriptions of cards and inbox rows.
 */
export function AnalysisChips({ analysis }: { analysis: ItemAnalysis | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!analysis) return null;
  const labels = analysisLabels(analysis, t, i18n.language);
  return (
    <span role="img" className={`analysis-chips analysis-chips--${analysis.sentiment}`} aria-label={labels.name} title={labels.title}>
      <span className="analysis-chips__sentiment">{labels.sentiment}</span>
      {labels.inquiry && (
        <>
          <span className="analysis-chips__separator"> · </span>
          <span className="analysis-chips__inquiry">{labels.inquiry}</span>
        </>
      )}
    </span>
  );
}
