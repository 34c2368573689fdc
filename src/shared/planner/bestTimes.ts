import type { BestTimes } from '../contract/planner';
import { localParts } from './wallTime';

/**
 * Best hours to post, from the account's own published posts and their engagement.
 *
 * Engagement of a post = likes + 2 × reposts + 2 × replies (a repost or a reply reaches more
 * people and costs more effort than a like). Per hour of the week in the plan's zone:
 * 1. the mean engagement of the posts in that hour, shrunk towards the overall mean by one
 *    pseudo-post (a single lucky post does not make an hour the best);
 * 2. smoothed with its neighbouring hours (¼, ½, ¼, wrapping around the week): an audience
 *    active at 9:00 is active at 8:00 and 10:00 too; hours with no posts count as 0, so the
 *    suggestions stay near the data;
 * 3. normalised to 0..1 (1 = the best hour).
 * With fewer than MIN_POSTS posts that have counts, DEFAULT_CURVE is shown instead (fallback).
 */

export const MIN_POSTS = 10;

export interface EngagedPost {
  /** When it was published, ms since the epoch. */
  at: number;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
}

export function engagementOf(post: Pick<EngagedPost, 'likes' | 'reposts' | 'replies'>): number {
  return (post.likes ?? 0) + 2 * (post.reposts ?? 0) + 2 * (post.replies ?? 0);
}

const HOURS = 7 * 24;
const cellIndex = (weekday: number, hour: number) => (weekday - 1) * 24 + hour;

/**
 * The general default: what social media guides agree on for a brand's audience without data of
 * its own. Weekday mornings (8–10, best at 9) and lunchtime (12) are the peaks, Tuesday to
 * Thursday a little stronger than Monday and Friday; afternoons and early evenings are medium;
 * weekends are weaker with a late-morning peak; nights are near zero.
 */
export function defaultScore(weekday: number, hour: number): number {
  const weekdayShape: Record<number, number> = {
    7: 0.1, 8: 0.8, 9: 1, 10: 0.8, 11: 0.75, 12: 0.95, 13: 0.75, 14: 0.5, 15: 0.5, 16: 0.45, 17: 0.45, 18: 0.4, 19: 0.4, 20: 0.3, 21: 0.2, 22: 0.1,
  };
  const weekendShape: Record<number, number> = { 9: 0.4, 10: 0.55, 11: 0.6, 12: 0.55, 13: 0.45, 14: 0.35, 15: 0.3, 16: 0.3, 17: 0.3, 18: 0.3, 19: 0.3, 20: 0.25, 21: 0.15 };
  const dayFactor: Record<number, number> = { 1: 0.9, 2: 1, 3: 1, 4: 0.95, 5: 0.85, 6: 1, 7: 1 };
  const shape = weekday <= 5 ? weekdayShape : weekendShape;
  return Math.round((shape[hour] ?? 0.02) * dayFactor[weekday]! * 1000) / 1000;
}

export function computeBestTimes(posts: readonly EngagedPost[], timeZone: string, suggestionCount = 3): BestTimes {
  const counted = posts.filter((p) => p.likes !== null || p.reposts !== null || p.replies !== null);
  const sums = new Array<number>(HOURS).fill(0);
  const counts = new Array<number>(HOURS).fill(0);
  for (const post of counted) {
    const { weekday, hour } = localParts(post.at, timeZone);
    const i = cellIndex(weekday, hour);
    sums[i]! += engagementOf(post);
    counts[i]! += 1;
  }

  let scores: number[];
  const fallback = counted.length < MIN_POSTS;
  if (fallback) {
    scores = Array.from({ length: HOURS }, (_, i) => defaultScore(Math.floor(i / 24) + 1, i % 24));
  } else {
    const overall = sums.reduce((a, b) => a + b, 0) / counted.length;
    const means = sums.map((sum, i) => (counts[i]! > 0 ? (sum + overall) / (counts[i]! + 1) : 0));
    const smoothed = means.map((m, i) => 0.25 * means[(i + HOURS - 1) % HOURS]! + 0.5 * m + 0.25 * means[(i + 1) % HOURS]!);
    const max = Math.max(...smoothed);
    scores = smoothed.map((s) => (max > 0 ? Math.round((s / max) * 1000) / 1000 : 0));
  }

  const cells = scores.map((score, i) => ({ weekday: Math.floor(i / 24) + 1, hour: i % 24, score, posts: counts[i]! }));
  const suggestions = [...cells]
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || b.posts - a.posts || cellIndex(a.weekday, a.hour) - cellIndex(b.weekday, b.hour))
    .slice(0, suggestionCount)
    .map(({ weekday, hour }) => ({ weekday, hour }));
  return { timeZone, cells, basedOnPosts: counted.length, fallback, suggestions };
}
