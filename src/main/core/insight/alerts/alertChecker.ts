import type { Alert } from '../../../../shared/contract/insight';
import type { Db } from '../../store/database';
import { HOUR_MS, hourOf } from '../aggregates/time';
import type { AlertPeak, AlertRepository } from './alertRepository';
import { detectSpikes, WINDOW_HOURS, type HourVerdict } from './spikeDetector';

/** The hours judged on each check: the current (incomplete) one and the complete ones of the last day. */
const JUDGED_HOURS = 24;
/** Same as the detector's default: a spike this soon after the last one continues its alert. */
const MERGE_GAP_HOURS = 2;

export interface AlertChange {
  alert: Alert;
  /** True for a spike that began now: notify. False: an alert grew, ended, or was found afterwards. */
  raised: boolean;
}

/**
 * Runs the spike detector over a workspace's negative mentions per hour (workspace_hour_stats,
 * summed over networks, each item once however many streams found it) and writes what it finds
 * into `alerts`: a new spike creates an alert, a spike that goes on extends it, an alert is
 * active while the current hour or the last complete one is a spike hour and ends after the
 * first complete hour below (the current hour cannot end it: it is still filling up).
 *
 * Each check judges the last day again from the stored counts, so late items, re-analysis, a
 * restart or a skipped check change nothing about the outcome: alerts are never removed, only
 * created, extended or ended.
 */
export function createAlertChecker(db: Db, alerts: AlertRepository) {
  const hourly = db.prepare(
    `SELECT hour_ms, SUM(negative) AS negative FROM workspace_hour_stats
     WHERE workspace_id = ? AND hour_ms >= ? AND hour_ms <= ? GROUP BY hour_ms`,
  );
  const firstHour = db.prepare('SELECT MIN(hour_ms) AS first FROM workspace_hour_stats WHERE workspace_id = ? AND total > 0');

  return function checkWorkspace(workspaceId: string, nowMs: number): AlertChange[] {
    const settings = alerts.settings(workspaceId);
    const changes: AlertChange[] = [];
    const currentHour = hourOf(nowMs);
    const lastCompleteHour = currentHour - HOUR_MS;
    const touched = new Set<string>();

    if (settings.enabled) {
      const { first } = firstHour.get(workspaceId) as { first: number | null };
      if (first !== null) {
        const windowStart = currentHour - (WINDOW_HOURS + JUDGED_HOURS) * HOUR_MS;
        const counts = new Array<number>((currentHour - windowStart) / HOUR_MS + 1).fill(0);
        for (const row of hourly.all(workspaceId, windowStart, currentHour) as Array<{ hour_ms: number; negative: number }>) {
          counts[(row.hour_ms - windowStart) / HOUR_MS] = row.negative;
        }
        const index = (ms: number) => (ms - windowStart) / HOUR_MS;
        const toMs = (hour: number) => windowStart + hour * HOUR_MS;
        const spikes = detectSpikes(counts, settings, {
          historyStart: Math.max(0, index(first)),
          from: index(currentHour) - JUDGED_HOURS,
          mergeGapHours: MERGE_GAP_HOURS,
        });
        const existing = alerts.recent(workspaceId, toMs(index(currentHour) - JUDGED_HOURS) - (MERGE_GAP_HOURS + 1) * HOUR_MS);
        for (const spike of spikes) {
          const startMs = toMs(spike.startHour);
          const lastMs = toMs(spike.lastHour);
          const active = lastMs >= lastCompleteHour;
          const peak = toPeak(spike.peak);
          // The alert this spike continues: it overlaps it, or began within the merge gap after it ended.
          const target = existing.find(
            (record) => record.startedMs <= lastMs && startMs - record.lastHourMs - HOUR_MS <= MERGE_GAP_HOURS * HOUR_MS,
          );
          if (!target) {
            const created = alerts.create(workspaceId, startMs, lastMs, active, peak);
            existing.push(created);
            touched.add(created.alert.id);
            changes.push({ alert: created.alert, raised: active });
            continue;
          }
          touched.add(target.alert.id);
          const grewPeak = peak.count > target.alert.peakCount;
          // Never shrinks: an hour once recorded as part of the spike stays in its history.
          const lastHourMs = Math.max(target.lastHourMs, lastMs);
          if (!grewPeak && lastHourMs === target.lastHourMs && active === (target.alert.state === 'active')) continue;
          const updated = alerts.update(target, { lastHourMs, active, peak: grewPeak ? peak : null });
          Object.assign(target, updated);
          changes.push({ alert: updated.alert, raised: false });
        }
      }
    }

    // An active alert that no spike hour of the current or last complete hour carries any more has
    // ended (also when the alerts were switched off: nothing watches them then).
    for (const record of alerts.active(workspaceId)) {
      if (touched.has(record.alert.id) && settings.enabled) continue;
      const ended = alerts.update(record, { lastHourMs: record.lastHourMs, active: false, peak: null });
      changes.push({ alert: ended.alert, raised: false });
    }
    return changes;
  };
}

function toPeak(verdict: HourVerdict): AlertPeak {
  return { count: verdict.count, mean: round(verdict.centre), sd: round(verdict.spread), threshold: round(verdict.threshold) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
