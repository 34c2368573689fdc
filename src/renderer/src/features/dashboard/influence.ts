import type { TFunction } from 'i18next';
import type { TopAuthor } from '../../../../shared/contract/insight';
import { authorName, formatNumber } from './charts';

/**
 * The weights of the influence score, as the core computes it (src/main/core/insight/influence,
 * documented in README's dashboard section): influence = 100 × (0.5 reach + 0.35 engagement +
 * 0.15 activity), each part 0..1. The contract carries the parts, not the weights; if the core
 * changes them, change them here too (the hover text shows them).
 */
export const INFLUENCE_WEIGHTS = { reach: 0.5, engagement: 0.35, activity: 0.15 } as const;

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
