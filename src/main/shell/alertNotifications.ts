import type { NotificationConstructorOptions } from 'electron';
import type { Alert } from '../../shared/contract/insight';
import { fillShellString, type ShellLanguage, type ShellStrings } from '../../shared/shellStrings';
import type { Core } from '../core';

export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

/** Electron's Notification class, passed in (as everything in the shell) for the tests. */
export interface NotificationElectron {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export interface AlertNotificationDeps {
  Notification: NotificationElectron;
  events: Pick<Core['events'], 'subscribe' | 'emit'>;
  dispatcher: Pick<Core['dispatcher'], 'call'>;
  /** The strings and the language they are in (for the hour and number formats). */
  strings(): { strings: ShellStrings; language: ShellLanguage };
  /** Shows the window (creating it again if needed) and brings it to the front. */
  open(): void;
  /** Runs `then` once the window shows our page (at once if it already does). */
  whenWindowReady(then: () => void): void;
  log: (message: string) => void;
}

/**
 * A desktop notification for every new spike alert (`alerts.raised`), in the UI language,
 * naming the workspace (an agency must see at once which client is under fire). A click
 * brings the window to the front, makes the alert's workspace the active one, and sends the
 * renderer `alerts.open` so it shows the alert's items. Returns the function that stops.
 */
export function startAlertNotifications(deps: AlertNotificationDeps): () => void {
  if (!deps.Notification.isSupported()) {
    deps.log('[shell] this desktop shows no notifications; spike alerts appear in the window only');
    return () => {};
  }
  // Electron drops a notification's click handler once the object is garbage-collected:
  // each one is kept until it is clicked or closed.
  const shown = new Set<NotificationLike>();
  let stopped = false;

  const openAlert = async (alert: Alert): Promise<void> => {
    deps.open();
    const switched = await deps.dispatcher.call('workspaces.setActive', { id: alert.workspaceId });
    if (!switched.ok) return deps.log(`[shell] could not switch to the alert's workspace: ${switched.error.message}`);
    deps.whenWindowReady(() => {
      if (!stopped) deps.events.emit('alerts.open', { workspaceId: alert.workspaceId, alertId: alert.id });
    });
  };

  const notify = async (alert: Alert): Promise<void> => {
    const { strings, language } = deps.strings();
    const list = await deps.dispatcher.call('workspaces.list', {});
    const workspace = list.ok ? (list.result as { workspaces: Array<{ id: string; name: string }> }).workspaces.find((w) => w.id === alert.workspaceId) : undefined;
    if (stopped) return;
    // As the window formats numbers and times: by the UI language, in the machine's time zone.
    const locale = language;
    const notification = new deps.Notification({
      title: fillShellString(strings.alertTitle, { workspace: workspace?.name ?? 'Leitstand' }),
      body: fillShellString(strings.alertBody, {
        count: new Intl.NumberFormat(locale).format(alert.peakCount),
        hour: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(alert.startedAt)),
        usual: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(alert.baselineMean),
      }),
    });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      openAlert(alert).catch((error: unknown) => deps.log(`[shell] opening an alert failed: ${String(error)}`));
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  };

  const unsubscribe = deps.events.subscribe((event, payload) => {
    if (event !== 'alerts.raised' || stopped) return;
    notify((payload as { alert: Alert }).alert).catch((error: unknown) => deps.log(`[shell] an alert notification failed: ${String(error)}`));
  });
  return () => {
    stopped = true;
    unsubscribe();
    shown.clear();
  };
}
