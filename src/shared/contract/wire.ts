import { z } from 'zod';
import { appErrorPayloadSchema } from './errors';

/** The headless bridge's JSON frames over one WebSocket at /api (see DESIGN.md). */
export const requestFrameSchema = z.object({
  id: z.union([z.string().min(1).max(64), z.number().int()]),
  method: z.string(),
  params: z.unknown().optional(),
});
export type RequestFrame = z.infer<typeof requestFrameSchema>;

export const responseFrameSchema = z.union([
  z.object({ id: z.union([z.string(), z.number()]).nullable(), result: z.unknown() }),
  z.object({ id: z.union([z.string(), z.number()]).nullable(), error: appErrorPayloadSchema }),
]);
export type ResponseFrame = z.infer<typeof responseFrameSchema>;

export const eventFrameSchema = z.object({ event: z.string(), payload: z.unknown() });
export type EventFrame = z.infer<typeof eventFrameSchema>;

/** The path and the query parameter the renderer uses to reach the host. */
export const BRIDGE_PATH = '/api';
export const TOKEN_PARAM = 'token';
