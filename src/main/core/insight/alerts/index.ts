import type { Db } from '../../store/database';
import type { CoreEvents } from '../../events';
import type { WorkspaceRepository } from '../../workspaces/workspaceRepository';
import { createAlertChecker, type AlertChange } from './alertChecker';
import { AlertRepository, spikeEndMs, type AlertRecord } from './alertRepository';

/** Without an analysis hook the alerts still come: every workspace is checked this often. */
export const CHECK_INTERVAL_MS = 5 * 60_000;

export interface AlertsDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  workspaces: WorkspaceRepository;
  log: (message: string) => void;
}

export interface AlertsService {
  repository: AlertRepository;
  /** Checks one workspace now and announces what changed (alerts.raised / alerts.changed). */
  checkWorkspace(workspaceId: string, nowMs?: number): AlertChange[];
  /** For the analysis pipeline's hook: the workspaces whose counts just changed. Never throws. */
  onAnalysed(workspaceIds: Iterable<string>): void;
  /** The ids of the negative items of a spike's hours in the workspace's streams, newest first. */
  itemIds(record: AlertRecord, limit: number): number[];
  start(): void;
  close(): void;
}

export function createAlerts(deps: AlertsDeps): AlertsService {
  const { db, events, log } = deps;
  const repository = new AlertRepository(db, deps.now);
  const check = createAlertChecker(db, repository);
  // Through stream_items (per stream, on its page index) so only the workspace's own streams count;
  // an item two streams found is listed once.
  const negativeItems = db.prepare(`
    SELECT si.item_id AS id, MAX(si.created_ms) AS created_ms
    FROM streams s
    JOIN stream_items si ON si.stream_id = s.id AND si.created_ms >= ? AND si.created_ms < ?
    JOIN item_analysis ia ON ia.item_id = si.item_id AND ia.sentiment = 'negative'
    WHERE s.workspace_id = ?
    GROUP BY si.item_id
    ORDER BY created_ms DESC, id DESC
    LIMIT ?`);

  const checkWorkspace = (workspaceId: string, nowMs = deps.now().getTime()): AlertChange[] => {
    const changes = db.transaction(() => check(workspaceId, nowMs))();
    for (const change of changes) {
      events.emit(change.raised ? 'alerts.raised' : 'alerts.changed', { workspaceId, alert: change.alert });
    }
    return changes;
  };

  const safely = (workspaceId: string) => {
    try {
      checkWorkspace(workspaceId);
    } catch (error) {
      log(`[alerts] check of workspace ${workspaceId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  let timer: NodeJS.Timeout | null = null;
  return {
    repository,
    checkWorkspace,
    onAnalysed(workspaceIds) {
      for (const workspaceId of new Set(workspaceIds)) safely(workspaceId);
    },
    itemIds(record, limit) {
      const rows = negativeItems.all(record.startedMs, spikeEndMs(record), record.alert.workspaceId, limit) as Array<{ id: number }>;
      return rows.map((row) => row.id);
    },
    start() {
      if (timer) return;
      const checkAll = () => {
        for (const workspace of deps.workspaces.list()) if (!workspace.archivedAt) safely(workspace.id);
      };
      timer = setInterval(checkAll, CHECK_INTERVAL_MS);
      timer.unref();
      // Alerts left active when the app last stopped are settled at once.
      setImmediate(() => timer && checkAll()).unref();
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
