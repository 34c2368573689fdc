/**
 * Influence score of an author within a workspace and date range, 0..100.
 *
 *   reach      = min(1, log10(1 + followers) / 6)          1,000,000 followers or more = 1
 *   engagement = min(1, log10(1 + engagement per item) / 3) 1,000 likes+reposts+replies per item = 1
 *   activity   = min(1, log10(1 + items in range) / 2)      99 items in the range or more = 1
 *   influence  = 100 · (0.5 · reach + 0.35 · engagement + 0.15 · activity)
 *
 * Why: reach counts most (who hears it), but followers alone can be bought, so what their posts
 * actually earn weighs in at a third; activity only tips the balance between otherwise equal
 * authors (someone who posts 100 times is not ten times as influential as someone who posts 10
 * times). Logarithms because all three are heavy-tailed: 10 to 1,000 followers is as big a step
 * as 1,000 to 100,000. Unknown followers (feeds) count as 0 reach. Engagement is as stored with
 * the items (the count the network reported when the item was last seen).
 *
 * dashboard/dashboardQueries.ts ranks authors with the same formula in SQL (topAuthorsSql), so that
 * only the top rows leave the database: change both together (the top-authors test compares them).
 */
import { INFLUENCE_WEIGHTS } from '../../../../shared/insight/influenceWeights';

export { INFLUENCE_WEIGHTS };

export interface InfluenceInput {
  followers: number | null;
  /** The author's items in the range. */
  items: number;
  /** likes + reposts + replies of those items. */
  engagement: number;
}

export interface Influence {
  influence: number;
  parts: { reach: number; engagement: number; activity: number };
}

const capped = (value: number): number => Math.min(1, Math.max(0, value));
const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function influenceOf(input: InfluenceInput): Influence {
  const reach = capped(Math.log10(1 + Math.max(0, input.followers ?? 0)) / 6);
  const perItem = input.items > 0 ? Math.max(0, input.engagement) / input.items : 0;
  const engagement = capped(Math.log10(1 + perItem) / 3);
  const activity = capped(Math.log10(1 + Math.max(0, input.items)) / 2);
  const score =
    100 * (INFLUENCE_WEIGHTS.reach * reach + INFLUENCE_WEIGHTS.engagement * engagement + INFLUENCE_WEIGHTS.activity * activity);
  return {
    influence: Math.min(100, round(score, 1)),
    parts: { reach: round(reach, 3), engagement: round(engagement, 3), activity: round(activity, 3) },
  };
}
