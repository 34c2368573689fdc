import { z } from 'zod';
import { networkSchema } from './items';
import { timeZoneSchema } from './inbox';

const uuid = z.string().uuid();
const isoDateTime = z.string().datetime({ offset: true });
const count = z.number().int().nonnegative();

export * from './analysis';

/** A dashboard's date range: [from, to), read in the workspace's zone for daily buckets. */
export const dateRangeSchema = z
  .object({ from: isoDateTime, to: isoDateTime, timeZone: timeZoneSchema })
  .strict()
  .refine((range) => Date.parse(range.from) < Date.parse(range.to), 'The range must end after it starts.')
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 400 * 86_400_000, 'At most 400 days at once.');
export type DateRange = z.infer<typeof dateRangeSchema>;

/** Hourly buckets for ranges up to three days, local calendar days beyond. */
export const bucketSizeSchema = z.enum(['hour', 'day']);
export type BucketSize = z.infer<typeof bucketSizeSchema>;

const bucketStart = z.string();

export const streamRefViewSchema = z.object({ id: uuid, title: z.string(), network: networkSchema, kind: z.string() });

/** Mentions over time by network and by stream. An item two streams found counts once per stream, once in the network total. */
export const volumeChartSchema = z.object({
  bucket: bucketSizeSchema,
  streams: z.array(streamRefViewSchema),
  rows: z.array(
    z.object({
      start: bucketStart,
      total: count,
      byNetwork: z.record(networkSchema, count),
      /** Keyed by stream id; streams without items in the bucket are left out. */
      byStream: z.record(z.string(), count),
    }),
  ),
});
export type VolumeChart = z.infer<typeof volumeChartSchema>;

export const sentimentChartSchema = z.object({
  bucket: bucketSizeSchema,
  rows: z.array(z.object({ start: bucketStart, positive: count, neutral: count, negative: count, unanalysed: count })),
});
export type SentimentChart = z.infer<typeof sentimentChartSchema>;

/** Share of voice between the tracked terms (search and hashtag streams) over the range. */
export const shareOfVoiceSchema = z.object({
  terms: z.array(z.object({ streamId: uuid, title: z.string(), network: networkSchema, mentions: count, negative: count })),
});
export type ShareOfVoice = z.infer<typeof shareOfVoiceSchema>;

/** The inbox: backlog now, and first responses of the items that came in during the range. */
export const responseChartSchema = z.object({
  bucket: bucketSizeSchema,
  backlog: z.object({ open: count, pending: count, overdue: count }),
  summary: z.object({
    received: count,
    answered: count,
    /** Minutes; null when nothing was answered. */
    medianFirstResponseMinutes: z.number().nonnegative().nullable(),
    p90FirstResponseMinutes: z.number().nonnegative().nullable(),
    /** 0..1 of the answered items with a goal; null when none had one. */
    withinGoalShare: z.number().min(0).max(1).nullable(),
  }),
  rows: z.array(
    z.object({
      start: bucketStart,
      received: count,
      answered: count,
      medianFirstResponseMinutes: z.number().nonnegative().nullable(),
      p90FirstResponseMinutes: z.number().nonnegative().nullable(),
    }),
  ),
});
export type ResponseChart = z.infer<typeof responseChartSchema>;

/** Each account's published posts against the engagement they earned (likes + reposts + replies). */
export const postingChartSchema = z.object({
  bucket: bucketSizeSchema,
  accounts: z.array(z.object({ accountId: uuid, label: z.string(), network: networkSchema, posts: count, engagement: count })),
  rows: z.array(z.object({ start: bucketStart, byAccount: z.record(z.string(), z.object({ posts: count, engagement: count })) })),
});
export type PostingChart = z.infer<typeof postingChartSchema>;

/** How the influence score came about, for the hover text (each part 0..1, weights documented in the core). */
export const influencePartsSchema = z.object({ reach: z.number(), engagement: z.number(), activity: z.number() });

export const topAuthorSchema = z.object({
  network: networkSchema,
  remoteId: z.string(),
  handle: z.string().nullable(),
  displayName: z.string().nullable(),
  url: z.string().nullable(),
  followers: count.nullable(),
  /** Their items in the workspace's streams within the range. */
  mentions: count,
  negative: count,
  /** Likes + reposts + replies their items earned. */
  engagement: count,
  /** 0..100. */
  influence: z.number().min(0).max(100),
  parts: influencePartsSchema,
});
export type TopAuthor = z.infer<typeof topAuthorSchema>;
export const topAuthorsSchema = z.object({ authors: z.array(topAuthorSchema) });

export const DASHBOARD_CHARTS = ['volume', 'sentiment', 'shareOfVoice', 'responses', 'posting', 'topAuthors'] as const;
export const dashboardChartIdSchema = z.enum(DASHBOARD_CHARTS);
export type DashboardChartId = z.infer<typeof dashboardChartIdSchema>;

/** Spike alerts of a workspace: negative mentions per hour against mean + k·sd of the last 7 days. */
export const alertSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** How many standard deviations above the 7-day mean an hour must be. */
    k: z.number().min(1).max(10),
    /** An hour needs at least this many negative mentions (3 instead of 1 is no shitstorm). */
    minCount: z.number().int().min(1).max(10_000),
  })
  .strict();
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const alertSchema = z.object({
  id: uuid,
  workspaceId: uuid,
  kind: z.literal('negative_spike'),
  /** The first hour above the threshold. */
  startedAt: z.string(),
  /** The last hour above it so far (the spike lasts while hours stay above). */
  lastHourAt: z.string(),
  state: z.enum(['active', 'ended']),
  /** Negative mentions in the worst hour, and what the baseline allowed. */
  peakCount: count,
  baselineMean: z.number(),
  baselineSd: z.number(),
  threshold: z.number(),
  acknowledgedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

export const insightStatusSchema = z.object({
  modelVersion: z.string(),
  /** Items waiting for analysis (new, or queued for re-analysis). */
  pending: count,
});
export type InsightStatus = z.infer<typeof insightStatusSchema>;
