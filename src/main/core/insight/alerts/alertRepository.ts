import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/contract/errors';
import type { Alert, AlertSettings } from '../../../../shared/contract/insight';
import type { Db } from '../../store/database';
import { HOUR_MS } from '../aggregates/time';

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { enabled: true, k: 3, minCount: 5 };

interface AlertRow {
  id: string;
  workspace_id: string;
  kind: string;
  started_ms: number;
  last_hour_ms: number;
  state: string;
  peak_count: number;
  baseline_mean: number;
  baseline_sd: number;
  threshold: number;
  acknowledged_at: string | null;
  created_at: string;
}

/** How the worst hour of a spike was judged. */
export interface AlertPeak {
  count: number;
  mean: number;
  sd: number;
  threshold: number;
}

export interface AlertRecord {
  alert: Alert;
  startedMs: number;
  lastHourMs: number;
}

/** A workspace's alert settings and its alerts (the history), in SQLite. */
export class AlertRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  settings(workspaceId: string): AlertSettings {
    const row = this.db.prepare('SELECT enabled, k, min_count FROM alert_settings WHERE workspace_id = ?').get(workspaceId) as
      | { enabled: number; k: number; min_count: number }
      | undefined;
    return row ? { enabled: row.enabled === 1, k: row.k, minCount: row.min_count } : { ...DEFAULT_ALERT_SETTINGS };
  }

  putSettings(workspaceId: string, settings: AlertSettings): AlertSettings {
    this.db
      .prepare(
        `INSERT INTO alert_settings (workspace_id, enabled, k, min_count) VALUES (?, ?, ?, ?)
         ON CONFLICT (workspace_id) DO UPDATE SET enabled = excluded.enabled, k = excluded.k, min_count = excluded.min_count`,
      )
      .run(workspaceId, settings.enabled ? 1 : 0, settings.k, settings.minCount);
    return this.settings(workspaceId);
  }

  /** Newest first. */
  list(workspaceId: string, limit: number): Alert[] {
    const rows = this.db
      .prepare('SELECT * FROM alerts WHERE workspace_id = ? ORDER BY started_ms DESC, created_at DESC LIMIT ?')
      .all(workspaceId, limit) as AlertRow[];
    return rows.map(toAlert);
  }

  get(workspaceId: string, id: string): AlertRecord {
    const row = this.db.prepare('SELECT * FROM alerts WHERE id = ? AND workspace_id = ?').get(id, workspaceId) as AlertRow | undefined;
    if (!row) throw new AppError('not_found', `There is no alert with the id ${id} in this workspace.`);
    return toRecord(row);
  }

  /** Alerts whose last spike hour is at or after `sinceMs`, oldest first: the ones a new check may extend or end. */
  recent(workspaceId: string, sinceMs: number): AlertRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM alerts WHERE workspace_id = ? AND (last_hour_ms >= ? OR state = ?) ORDER BY started_ms')
      .all(workspaceId, sinceMs, 'active') as AlertRow[];
    return rows.map(toRecord);
  }

  active(workspaceId: string): AlertRecord[] {
    const rows = this.db.prepare("SELECT * FROM alerts WHERE workspace_id = ? AND state = 'active' ORDER BY started_ms").all(workspaceId) as AlertRow[];
    return rows.map(toRecord);
  }

  create(workspaceId: string, startedMs: number, lastHourMs: number, active: boolean, peak: AlertPeak): AlertRecord {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO alerts (id, workspace_id, kind, started_ms, last_hour_ms, state, peak_count, baseline_mean, baseline_sd, threshold, acknowledged_at, created_at)
         VALUES (?, ?, 'negative_spike', ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      )
      .run(id, workspaceId, startedMs, lastHourMs, active ? 'active' : 'ended', peak.count, peak.mean, peak.sd, peak.threshold, this.now().toISOString());
    return this.get(workspaceId, id);
  }

  update(record: AlertRecord, change: { lastHourMs: number; active: boolean; peak: AlertPeak | null }): AlertRecord {
    const { alert } = record;
    const peak = change.peak ?? { count: alert.peakCount, mean: alert.baselineMean, sd: alert.baselineSd, threshold: alert.threshold };
    this.db
      .prepare(
        `UPDATE alerts SET last_hour_ms = ?, state = ?, peak_count = ?, baseline_mean = ?, baseline_sd = ?, threshold = ?
         WHERE id = ?`,
      )
      .run(change.lastHourMs, change.active ? 'active' : 'ended', peak.count, peak.mean, peak.sd, peak.threshold, alert.id);
    return this.get(alert.workspaceId, alert.id);
  }

  /** Idempotent: an alert acknowledged before keeps its first time. */
  acknowledge(workspaceId: string, id: string): { record: AlertRecord; changed: boolean } {
    const current = this.get(workspaceId, id);
    if (current.alert.acknowledgedAt !== null) return { record: current, changed: false };
    this.db.prepare('UPDATE alerts SET acknowledged_at = ? WHERE id = ?').run(this.now().toISOString(), id);
    return { record: this.get(workspaceId, id), changed: true };
  }
}

function toRecord(row: AlertRow): AlertRecord {
  return { alert: toAlert(row), startedMs: row.started_ms, lastHourMs: row.last_hour_ms };
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: 'negative_spike',
    startedAt: new Date(row.started_ms).toISOString(),
    lastHourAt: new Date(row.last_hour_ms).toISOString(),
    state: row.state === 'active' ? 'active' : 'ended',
    peakCount: row.peak_count,
    baselineMean: row.baseline_mean,
    baselineSd: row.baseline_sd,
    threshold: row.threshold,
    acknowledgedAt: row.acknowledged_at,
    createdAt: row.created_at,
  };
}

/** The end of the spike's last hour: items of the spike have created_ms in [started, end). */
export function spikeEndMs(record: AlertRecord): number {
  return record.lastHourMs + HOUR_MS;
}
