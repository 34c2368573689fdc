import type { TFunction } from 'i18next';
import type { TopAuthor } from '../../../../shared/contract/insight';
import { INFLUENCE_WEIGHTS } from '../../../../shared/insight/influenceWeights';
import { authorName, formatNumber } from './charts';

export { INFLUENCE_WEIGHTS };

/** The hover/focus text of an author's score: the formula with this author's parts filled in. */
export function influenceFormula(author: TopAuthor, t: TFunction, language: string): { label: string; formula: string; parts: string } {
  const two = (value: number) => formatNumber(value, language, 2);
  return {
    label: t('dashboard.topAuthors.formulaLabel', { name: authorName(author, t) }),
    formula: t('dashboard.topAuthors.formula', {
      score: formatNumber(author.influence, language, 1),
      wReach: two(INFLUENCE_WEIGHTS.reach),
      wEngagement: two(INFLUENCE_WEIGHTS.engagement),
      wActivity: two(INFLUENCE_WEIGHTS.activity),
      reach: two(author.parts.reach),
      engagement: two(author.parts.engagement),
      activity: two(author.parts.activity),
    }),
    parts: t('dashboard.topAuthors.parts'),
  };
}
