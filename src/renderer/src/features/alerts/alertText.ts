import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import type { Alert } from '../../../../shared/contract/insight';
import { formatNumber } from '../dashboard/charts';

/** The hour of a spike as people say it: "14:00" today, "Mo., 3. März, 14:00" on another day. */
export function alertHour(iso: string, nowMs: number, timeZone: string, language: string): string {
  const at = DateTime.fromISO(iso, { zone: timeZone }).setLocale(language);
  if (!at.isValid) return iso;
  const sameDay = at.hasSame(DateTime.fromMillis(nowMs, { zone: timeZone }), 'day');
  return sameDay ? at.toLocaleString({ hour: 'numeric', minute: '2-digit' }) : at.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

/** The usual level: whole numbers from 10 up, one decimal below ("about 0.4" is more honest than "about 0"). */
export function usualLevel(mean: number, language: string): string {
  return formatNumber(Math.max(0, mean), language, mean < 10 ? 1 : 0);
}

/**
 * "Negative mentions spike: 40 in the hour at 14:00 (usually about 2.5)"; a spike over several
 * hours names its first and last hour and the worst hour's count.
 */
export function alertText(alert: Alert, t: TFunction, nowMs: number, timeZone: string, language: string): string {
  const hour = alertHour(alert.startedAt, nowMs, timeZone, language);
  const usual = usualLevel(alert.baselineMean, language);
  if (Date.parse(alert.lastHourAt) > Date.parse(alert.startedAt)) {
    const until = DateTime.fromISO(alert.lastHourAt, { zone: timeZone }).plus({ hours: 1 }).setLocale(language).toLocaleString({ hour: 'numeric', minute: '2-digit' });
    return t('alerts.spikeLong', { count: alert.peakCount, hour, until, usual });
  }
  return t('alerts.spike', { count: alert.peakCount, hour, usual });
}

/** The alerts a banner stands for: active and not yet dismissed, newest first. */
export function bannerAlerts(alerts: readonly Alert[]): Alert[] {
  return alerts.filter((a) => a.state === 'active' && a.acknowledgedAt === null).sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}
