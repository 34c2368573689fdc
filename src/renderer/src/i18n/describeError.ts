import type { TFunction } from 'i18next';
import type { AppError, ErrorReason } from '../../../shared/contract/errors';

/** Every reason the core can name has a sentence of its own (checked here at compile time). */
const REASON_KEYS = {
  workspace_name_taken: 'errors.reasons.workspace_name_taken',
  workspace_not_archived: 'errors.reasons.workspace_not_archived',
  workspace_archived: 'errors.reasons.workspace_archived',
  login_rejected: 'errors.reasons.login_rejected',
  app_password_required: 'errors.reasons.app_password_required',
  code_rejected: 'errors.reasons.code_rejected',
  account_mismatch: 'errors.reasons.account_mismatch',
  no_free_slot: 'errors.reasons.no_free_slot',
} as const satisfies Record<ErrorReason, string>;

/**
 * An error in the user's language. Where the core named a reason, that says it all; otherwise
 * the code's general sentence comes first and the core's English message follows as the detail
 * (it often says exactly which file or service, which support needs).
 */
export function describeError(error: AppError, t: TFunction): string {
  if (error.reason) return t(REASON_KEYS[error.reason], { name: error.details?.name ?? '' });
  return `${t(`errors.codes.${error.code}`)} ${t('errors.detail', { message: error.message })}`;
}
