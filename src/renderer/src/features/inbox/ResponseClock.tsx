import { useTranslation } from 'react-i18next';
import type { InboxItemView, InboxSettings } from '../../../../shared/contract/inbox';
import { clockFor } from '../../../../shared/inbox/responseClock';
import { useNow } from '../deck/useNow';
import { clockLine, durationParts, type ClockLine } from './clockText';

/** The duration in words of the UI language: "25 min", "1 h 10 min", "2 d 3 h". */
export function useDurationText(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) => {
    const parts = durationParts(minutes);
    if (parts.kind === 'minutes') return t('inbox.duration.minutes', { minutes: parts.minutes });
    if (parts.kind === 'hours') return parts.minutes === 0 ? t('inbox.duration.hours', { hours: parts.hours }) : t('inbox.duration.hoursMinutes', { hours: parts.hours, minutes: parts.minutes });
    return parts.hours === 0 ? t('inbox.duration.days', { days: parts.days }) : t('inbox.duration.daysHours', { days: parts.days, hours: parts.hours });
  };
}

/** The item's response clock now (advanced by the shared timer, so every row ticks together). */
export function useClockLine(entry: InboxItemView, settings: InboxSettings | null): ClockLine | null {
  const now = useNow();
  if (!settings) return null;
  const dueMs = entry.dueAt ? Date.parse(entry.dueAt) : null;
  const reading = clockFor({
    receivedMs: Date.parse(entry.receivedAt),
    dueMs,
    firstResponseMs: entry.firstResponseAt ? Date.parse(entry.firstResponseAt) : null,
    status: entry.status,
    nowMs: now,
    goalMinutes: settings.goalMinutes,
    businessHours: settings.businessHours,
    timeZone: settings.timeZone,
  });
  return clockLine(reading, { dueMs, nowMs: now });
}

/**
 * "Waiting 1 h 35 min · Due in 25 min": the colour comes from the tone's class, and the words
 * say the same (amber: "due soon", red: "overdue"), so the state never rests on colour alone.
 */
export function ResponseClock({ entry, settings, id }: { entry: InboxItemView; settings: InboxSettings | null; id?: string }) {
  const { t, i18n } = useTranslation();
  const duration = useDurationText();
  const line = useClockLine(entry, settings);
  if (!line || !settings) return null;
  const main =
    line.message === 'dueAt'
      ? t('inbox.clock.dueAt', {
          when: new Intl.DateTimeFormat(i18n.language, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: settings.timeZone }).format(line.dueMs),
          duration: duration(line.minutes),
        })
      : // The other messages are keys of their own; "closed" and "noGoal" name no duration.
        t(`inbox.clock.${line.message}`, { duration: duration(line.minutes) });
  return (
    <span id={id} className={`inbox-clock inbox-clock--${line.tone}`}>
      {line.waited !== null && line.message !== 'noGoal' && (
        <span className="inbox-clock__waited">{t('inbox.clock.waited', { duration: duration(line.waited) })} · </span>
      )}
      <span className="inbox-clock__state">{main}</span>
    </span>
  );
}
