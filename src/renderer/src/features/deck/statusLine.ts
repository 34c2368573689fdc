import type { TFunction } from 'i18next';
import type { PollStatus } from '../../../../shared/contract/streams';
import { formatClock, formatDistance, toEpochMs } from './time';

export type StatusTone = 'quiet' | 'busy' | 'warning' | 'error';

export interface StatusLine {
  text: string;
  tone: StatusTone;
  /** The core's own words about the last error (English), for a tooltip. */
  detail: string | null;
}

const ERROR_KINDS = ['network', 'timeout', 'rate_limited', 'auth', 'not_found', 'http', 'parse', 'store'] as const;
type KnownErrorKind = (typeof ERROR_KINDS)[number];

function isKnownKind(kind: string): kind is KnownErrorKind {
  return (ERROR_KINDS as readonly string[]).includes(kind);
}

/** The last error in the user's language where its kind is known. */
export function describePollError(error: PollStatus['lastError'], t: TFunction): string | null {
  if (!error) return null;
  return isKnownKind(error.kind) ? t(`status.errors.${error.kind}`) : t('status.errors.unknown');
}

/**
 * What a column header says about its stream: "Updated 2 min. ago · next in 40 sec.",
 * "Rate limited until 14:05", "Reconnect needed", the last error in words.
 */
export function statusLine(status: PollStatus, nowMs: number, language: string, t: TFunction): StatusLine {
  const lastSuccess = toEpochMs(status.lastSuccessAt) ?? toEpochMs(status.lastPollAt);
  const next = toEpochMs(status.nextPollAt);
  const ago = lastSuccess === null ? null : formatDistance(Math.min(0, lastSuccess - nowMs), language);
  const inNext = next === null ? null : formatDistance(Math.max(0, next - nowMs), language);
  const error = describePollError(status.lastError, t);
  const detail = status.lastError?.message ?? null;
  // The poller may report states newer than this renderer; they read as the regular schedule.
  const state: string = status.state;

  switch (state) {
    case 'polling':
      return { text: t('status.polling'), tone: 'busy', detail: null };
    case 'waiting':
      return { text: t('status.waiting'), tone: 'busy', detail: null };
    case 'rate_limited': {
      const until = toEpochMs(status.rateLimitedUntil);
      return {
        text: until === null ? t('status.rateLimited') : t('status.rateLimitedUntil', { time: formatClock(until, nowMs, language) }),
        tone: 'warning',
        detail,
      };
    }
    case 'offline':
      return { text: t('status.offline'), tone: 'warning', detail: null };
    case 'reconnect_needed':
      return { text: t('status.reconnectNeeded'), tone: 'error', detail };
    case 'failed':
      return { text: error ?? t('status.errors.unknown'), tone: 'error', detail };
    case 'backoff':
      return {
        text: inNext ? t('status.backoffNext', { error: error ?? t('status.errors.unknown'), next: inNext }) : (error ?? t('status.errors.unknown')),
        tone: 'warning',
        detail,
      };
    case 'paused':
      return { text: t('status.paused'), tone: 'quiet', detail: null };
    default:
      if (ago === null) {
        return { text: inNext ? t('status.neverNext', { next: inNext }) : t('status.never'), tone: 'quiet', detail: null };
      }
      return { text: inNext ? t('status.updatedNext', { ago, next: inNext }) : t('status.updated', { ago }), tone: 'quiet', detail: null };
  }
}
