import { z } from 'zod';
import { workspaceIdSchema } from './domain';
import { draftContentSchema, draftKeySchema, outboxStateSchema } from './composer';
import { bestTimesSchema, planWarningSchema, postingPlanSchema, publishingSettingsSchema, scheduleAtSchema, scheduleResultSchema, scheduledPostSchema, wallTimeSchema } from './planner';

const uuid = z.string().uuid();
const isoDateTime = z.string().datetime({ offset: true });

/** Posting plans, the schedule (calendar and queue), and best times. */
export const plannerMethods = {
  'plans.get': { params: z.object({ workspaceId: workspaceIdSchema, accountId: uuid }).strict(), result: postingPlanSchema },
  'plans.set': { params: z.object({ workspaceId: workspaceIdSchema, accountId: uuid, plan: postingPlanSchema }).strict(), result: postingPlanSchema },
  /** The next slot of the plan that no scheduled post takes and that breaks no rule. */
  'planner.nextFreeSlot': {
    params: z.object({ workspaceId: workspaceIdSchema, accountId: uuid, after: isoDateTime.optional() }).strict(),
    result: wallTimeSchema,
  },
  /** Which rules of the account's plan a post at this time would break (the entry itself excluded when moving). */
  'planner.check': {
    params: z.object({ workspaceId: workspaceIdSchema, accountId: uuid, at: wallTimeSchema, excludeEntryId: uuid.optional() }).strict(),
    result: z.object({ warnings: z.array(planWarningSchema) }),
  },
  'planner.bestTimes': { params: z.object({ workspaceId: workspaceIdSchema, accountId: uuid }).strict(), result: bestTimesSchema },

  /**
   * Schedules the draft for one or more accounts (each gets its own outbox entry, with the draft's
   * per-network variant where there is one). Warnings of any plan stop the save unless
   * acknowledgeWarnings; the draft is gone once saved.
   */
  'schedule.fromDraft': {
    params: z
      .object({
        workspaceId: workspaceIdSchema,
        key: draftKeySchema,
        accountIds: z.array(uuid).min(1).max(20),
        content: draftContentSchema,
        at: scheduleAtSchema,
        acknowledgeWarnings: z.boolean(),
      })
      .strict(),
    result: scheduleResultSchema,
  },
  /** Moves scheduled posts (drag in the calendar, bulk reschedule): to a time, or by a shift in minutes. */
  'schedule.move': {
    params: z
      .object({
        workspaceId: workspaceIdSchema,
        ids: z.array(uuid).min(1).max(500),
        to: z.union([z.object({ at: wallTimeSchema }).strict(), z.object({ shiftMinutes: z.number().int().min(-525_600).max(525_600) }).strict()]),
        acknowledgeWarnings: z.boolean(),
      })
      .strict(),
    result: scheduleResultSchema,
  },
  /** The calendar and queue: posts due (or published) in [from, to), optionally of some accounts. */
  'schedule.list': {
    params: z
      .object({
        workspaceId: workspaceIdSchema,
        from: isoDateTime,
        to: isoDateTime,
        accountIds: z.array(uuid).max(100).optional(),
        states: z.array(outboxStateSchema).min(1).max(4).optional(),
      })
      .strict(),
    result: z.object({ entries: z.array(scheduledPostSchema) }),
  },
  'schedule.getSettings': { params: z.object({ workspaceId: workspaceIdSchema }).strict(), result: publishingSettingsSchema },
  'schedule.setSettings': { params: z.object({ workspaceId: workspaceIdSchema, settings: publishingSettingsSchema }).strict(), result: publishingSettingsSchema },
} as const;
