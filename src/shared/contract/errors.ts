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
  'remote_unreachable',
  'remote_failed',
  'reconnect_needed',
  'internal',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * What exactly went wrong, where the code alone is too coarse for the UI to say it in the
 * user's language (the message is English, for logs and developers).
 */
export const ERROR_REASONS = [
  'workspace_name_taken',
  'workspace_not_archived',
  'workspace_archived',
  'login_rejected',
  'app_password_required',
  'code_rejected',
  'account_mismatch',
  /** The posting plan has no free slot ahead (planner.nextFreeSlot, "Add to queue"). */
  'no_free_slot',
] as const;
export const errorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof errorReasonSchema>;

export const appErrorPayloadSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  reason: errorReasonSchema.optional(),
  /** Values for the translated text, e.g. the name that is taken. */
  details: z.record(z.string(), z.string()).optional(),
});
export type AppErrorPayload = z.infer<typeof appErrorPayloadSchema>;

/** Thrown in the core and on the client side; serialises to `{ code, message }`. */
export interface AppErrorOptions {
  cause?: unknown;
  reason?: ErrorReason;
  details?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: ErrorReason | undefined;
  readonly details: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.reason = options.reason;
    this.details = options.details;
  }

  toPayload(): AppErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }

  static fromPayload(payload: AppErrorPayload): AppError {
    return new AppError(payload.code, payload.message, { reason: payload.reason, details: payload.details });
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
