import { AppError, appErrorPayloadSchema, ERROR_CODES, type ErrorCode } from '../../../shared/contract/errors';

/** What a store action tells the component that started it (a dialog shows the error inline). */
export type Outcome<T = void> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Errors may arrive as AppError (WebSocket bridge) or as a plain `{ code, message }` object
 * (errors lose their class when they cross contextBridge); anything else is unexpected.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const payload = appErrorPayloadSchema.safeParse(error);
  if (payload.success) return AppError.fromPayload(payload.data);
  if (error && typeof error === 'object' && 'message' in error) {
    const { code, message } = error as { code?: unknown; message: unknown };
    const known = (ERROR_CODES as readonly unknown[]).includes(code);
    return new AppError(known ? (code as ErrorCode) : 'internal', String(message));
  }
  return new AppError('internal', String(error));
}

export async function attempt<T>(action: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
