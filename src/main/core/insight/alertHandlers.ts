import type { insightMethods } from '../../../shared/contract/insightMethods';
import type { CoreEvents } from '../events';
import type { HandlersFor } from '../featureHandlers';
import type { ItemStore } from '../items/itemStore';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import type { AlertsService } from './alerts';

export type AlertMethodName = Extract<keyof typeof insightMethods, `alerts.${string}`>;

export interface AlertHandlerDeps {
  alerts: AlertsService;
  items: ItemStore;
  workspaces: WorkspaceRepository;
  events: CoreEvents;
}

/** alerts.*: the history, the items behind an alert, acknowledging, and the settings. */
export function createAlertHandlers(deps: AlertHandlerDeps): HandlersFor<AlertMethodName> {
  const { alerts, items, workspaces, events } = deps;
  const { repository } = alerts;
  return {
    'alerts.list': ({ workspaceId, limit }) => {
      workspaces.get(workspaceId);
      return { alerts: repository.list(workspaceId, limit ?? 100) };
    },
    'alerts.items': ({ workspaceId, alertId, limit }) => {
      workspaces.get(workspaceId);
      const record = repository.get(workspaceId, alertId);
      return { items: items.forWorkspace(workspaceId, alerts.itemIds(record, limit ?? 200)) };
    },
    'alerts.acknowledge': ({ workspaceId, alertId }) => {
      workspaces.get(workspaceId);
      const { record, changed } = repository.acknowledge(workspaceId, alertId);
      if (changed) events.emit('alerts.changed', { workspaceId, alert: record.alert });
      return record.alert;
    },
    'alerts.getSettings': ({ workspaceId }) => {
      workspaces.get(workspaceId);
      return repository.settings(workspaceId);
    },
    // New settings apply at once: a lower bar may raise an alert now, switching off ends the active one.
    'alerts.setSettings': ({ workspaceId, settings }) => {
      workspaces.assertLive(workspaceId);
      const saved = repository.putSettings(workspaceId, settings);
      alerts.checkWorkspace(workspaceId);
      return saved;
    },
  };
}
