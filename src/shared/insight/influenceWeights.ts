/**
 * The weights of the influence score: influence = 100 × (0.5 reach + 0.35 engagement + 0.15
 * activity), each part 0..1. The core ranks and scores with them (src/main/core/insight/influence);
 * the dashboard shows them in the score's hover text. One constant, so the two cannot drift apart.
 */
export const INFLUENCE_WEIGHTS = { reach: 0.5, engagement: 0.35, activity: 0.15 } as const;
