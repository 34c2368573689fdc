import { z } from 'zod';
import { settingsSchema, workspaceListSchema } from './domain';
import type { EventName } from './names';
import { pollStatusSchema, streamViewSchema } from './streams';
import { accountViewSchema } from './accounts';

/** Everything the core tells the UI without being asked. */
export const events = {
  'workspaces.changed': workspaceListSchema,
  'settings.changed': settingsSchema,
  'streams.changed': z.object({ workspaceId: z.string().uuid(), streams: z.array(streamViewSchema) }),
  /** New items stored for a stream; the column asks for them with items.newer. */
  'items.added': z.object({ workspaceId: z.string().uuid(), streamId: z.string().uuid(), added: z.number().int(), unread: z.number().int() }),
  'poll.status': z.object({ workspaceId: z.string().uuid(), streamId: z.string().uuid(), status: pollStatusSchema }),
  'accounts.changed': z.object({ workspaceId: z.string().uuid(), accounts: z.array(accountViewSchema) }),
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type PayloadOf<E extends EventName> = z.output<Events[E]>;
