import { z } from 'zod';
import { settingsSchema, workspaceListSchema } from './domain';
import type { EventName } from './names';

/** Everything the core tells the UI without being asked. */
export const events = {
  'workspaces.changed': workspaceListSchema,
  'settings.changed': settingsSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type PayloadOf<E extends EventName> = z.output<Events[E]>;
