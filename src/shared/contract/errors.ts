import { z } from 'zod';

/** Every failure that crosses a process boundary is one of these codes plus a human-readable message. */
export const ERROR_CODES = [
  'invalid_params',
  'unknown_method',
  'not_found',
  'conflict',
  'store_locked',
  'store_read_only',
  'store_future_version',
  'store_not_database',
  'store_failed',
  'keychain_unavailable',
  'keychain_failed',
  'unauthorized',
  'internal',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorPayloadSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
});
export type AppErrorPayload = z.infer<typeof appErrorPayloadSchema>;

/** Thrown in the core and on the client side; serialises to `{ code, message }`. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  toPayload(): AppErrorPayload {
    return { code: this.code, message: this.message };
  }

  static fromPayload(payload: AppErrorPayload): AppError {
    return new AppError(payload.code, payload.message);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
