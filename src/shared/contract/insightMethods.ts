import { z } from 'zod';
import { workspaceIdSchema } from './domain';
import { storedItemSchema } from './items';
import {
  alertSchema,
  alertSettingsSchema,
  bucketSizeSchema,
  dateRangeSchema,
  insightStatusSchema,
  itemAnalysisSchema,
  postingChartSchema,
  responseChartSchema,
  sentimentChartSchema,
  shareOfVoiceSchema,
  topAuthorsSchema,
  volumeChartSchema,
} from './insight';

const uuid = z.string().uuid();
const chartParams = z.object({ workspaceId: workspaceIdSchema, range: dateRangeSchema, bucket: bucketSizeSchema }).strict();

/** Dashboards (served from the hourly aggregates), spike alerts and the on-device text analysis. */
export const insightMethods = {
  'dashboard.volume': { params: chartParams, result: volumeChartSchema },
  'dashboard.sentiment': { params: chartParams, result: sentimentChartSchema },
  'dashboard.shareOfVoice': { params: z.object({ workspaceId: workspaceIdSchema, range: dateRangeSchema }).strict(), result: shareOfVoiceSchema },
  'dashboard.responses': { params: chartParams, result: responseChartSchema },
  'dashboard.posting': { params: chartParams, result: postingChartSchema },
  'dashboard.topAuthors': {
    params: z.object({ workspaceId: workspaceIdSchema, range: dateRangeSchema, limit: z.number().int().min(1).max(100).optional() }).strict(),
    result: topAuthorsSchema,
  },

  'alerts.list': {
    params: z.object({ workspaceId: workspaceIdSchema, limit: z.number().int().min(1).max(500).optional() }).strict(),
    result: z.object({ alerts: z.array(alertSchema) }),
  },
  /** The negative items of the spike's hours in the workspace's streams, newest first. */
  'alerts.items': {
    params: z.object({ workspaceId: workspaceIdSchema, alertId: uuid, limit: z.number().int().min(1).max(500).optional() }).strict(),
    result: z.object({ items: z.array(storedItemSchema) }),
  },
  'alerts.acknowledge': { params: z.object({ workspaceId: workspaceIdSchema, alertId: uuid }).strict(), result: alertSchema },
  'alerts.getSettings': { params: z.object({ workspaceId: workspaceIdSchema }).strict(), result: alertSettingsSchema },
  'alerts.setSettings': { params: z.object({ workspaceId: workspaceIdSchema, settings: alertSettingsSchema }).strict(), result: alertSettingsSchema },

  'insight.status': { params: z.object({}).strict(), result: insightStatusSchema },
  /** Queues every item of the workspace's streams for analysis again (e.g. after a model update). */
  'insight.reanalyze': { params: z.object({ workspaceId: workspaceIdSchema }).strict(), result: z.object({ queued: z.number().int().nonnegative() }) },
  /** Analyses a text without storing anything (the rules tester, the composer). */
  'insight.analyzeText': {
    params: z.object({ workspaceId: workspaceIdSchema, text: z.string().max(5000) }).strict(),
    result: itemAnalysisSchema,
  },
} as const;
