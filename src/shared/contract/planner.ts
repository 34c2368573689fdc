import { z } from 'zod';
import { clockTimeSchema, timeZoneSchema } from './inbox';
import { outboxEntrySchema } from './composer';

const uuid = z.string().uuid();

/** A wall-clock date and time without offset, "YYYY-MM-DDTHH:MM", read in a named IANA zone. */
export const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$/, 'A local date and time as YYYY-MM-DDTHH:MM.');

/** When a post goes out: a wall-clock time in a zone, so DST and the machine's zone never shift it. */
export const wallTimeSchema = z.object({ local: localDateTimeSchema, timeZone: timeZoneSchema }).strict();
export type WallTime = z.infer<typeof wallTimeSchema>;

/** 1 = Monday … 7 = Sunday (ISO). */
export const weekdaySchema = z.number().int().min(1).max(7);

/** An account's posting plan. Null or empty means "no such rule". */
export const postingPlanSchema = z
  .object({
    timeZone: timeZoneSchema,
    /** The times "Add to queue" fills, per weekday. */
    slots: z.array(z.object({ weekday: weekdaySchema, time: clockTimeSchema }).strict()).max(7 * 24),
    /** At most this many posts per calendar day (in the plan's zone). */
    dailyCap: z.number().int().min(1).max(100).nullable(),
    /** At least this long between two posts of the account. */
    minGapMinutes: z.number().int().min(1).max(24 * 60).nullable(),
    /** No posts between these wall-clock times (may wrap past midnight, e.g. 22:00–07:00). */
    quietHours: z.object({ start: clockTimeSchema, end: clockTimeSchema }).strict().nullable(),
  })
  .strict();
export type PostingPlan = z.infer<typeof postingPlanSchema>;

export const PLAN_RULES = ['daily_cap', 'min_gap', 'quiet_hours', 'in_the_past'] as const;

/** A rule of the plan that a time would break, named so the UI can say which. */
export const planWarningSchema = z.object({
  rule: z.enum(PLAN_RULES),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type PlanWarning = z.infer<typeof planWarningSchema>;

/** A scheduled or published post as the calendar shows it. */
export const scheduledPostSchema = outboxEntrySchema.extend({
  /** The wall-clock time it was planned for, in its zone; null for "send now" entries. */
  wallTime: wallTimeSchema.nullable(),
  /** Engagement fetched back from the network for published posts. */
  counts: z.object({ likes: z.number().int().nullable(), reposts: z.number().int().nullable(), replies: z.number().int().nullable() }).nullable(),
});
export type ScheduledPost = z.infer<typeof scheduledPostSchema>;

/** Per workspace: what happens to a post whose time passed while the app was closed or offline. */
export const publishingSettingsSchema = z
  .object({
    /** Still publish when at most this late; later ones wait for the user ('too_late'). */
    lateLimitMinutes: z.number().int().min(0).max(7 * 24 * 60),
  })
  .strict();
export type PublishingSettings = z.infer<typeof publishingSettingsSchema>;

/** One cell of the best-times heatmap: hour of the week in the plan's zone. */
export const bestTimeCellSchema = z.object({
  weekday: weekdaySchema,
  hour: z.number().int().min(0).max(23),
  /** Relative engagement, 0..1 (1 = the best hour). */
  score: z.number().min(0).max(1),
  /** How many of the account's published posts fell into this hour. */
  posts: z.number().int().nonnegative(),
});

export const bestTimesSchema = z.object({
  timeZone: z.string(),
  cells: z.array(bestTimeCellSchema).length(7 * 24),
  /** How many published posts with engagement the suggestion rests on. */
  basedOnPosts: z.number().int().nonnegative(),
  /** True when there was too little history and a general default is shown. */
  fallback: z.boolean(),
  /** The best few hours, best first. */
  suggestions: z.array(z.object({ weekday: weekdaySchema, hour: z.number().int().min(0).max(23) })),
});
export type BestTimes = z.infer<typeof bestTimesSchema>;

/** When to schedule: a wall-clock time, or the next free slot of each target account's plan. */
export const scheduleAtSchema = z.union([wallTimeSchema, z.object({ nextFreeSlot: z.literal(true) }).strict()]);

export const scheduleResultSchema = z.object({
  /** False when warnings stopped the save (acknowledgeWarnings was false): nothing changed. */
  saved: z.boolean(),
  entries: z.array(scheduledPostSchema),
  warnings: z.array(planWarningSchema.extend({ accountId: uuid })),
});
export type ScheduleResult = z.infer<typeof scheduleResultSchema>;
