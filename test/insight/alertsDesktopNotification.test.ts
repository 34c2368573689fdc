import { describe, expect, it } from 'vitest';
import type { NotificationConstructorOptions } from 'electron';
import { CoreEvents } from '../../src/main/core/events';
import type { CallOutcome } from '../../src/main/core/dispatch';
import { startAlertNotifications, type NotificationLike } from '../../src/main/shell/alertNotifications';
import { SHELL_STRINGS, type ShellLanguage } from '../../src/shared/shellStrings';
import type { Alert } from '../../src/shared/contract/insight';

const WORKSPACE = '11111111-1111-4111-8111-111111111111';
const ALERT: Alert = {
  id: '22222222-2222-4222-8222-222222222222',
  workspaceId: WORKSPACE,
  kind: 'negative_spike',
  startedAt: '2026-11-02T13:00:00.000Z',
  lastHourAt: '2026-11-02T13:00:00.000Z',
  state: 'active',
  peakCount: 1234,
  baselineMean: 2.345,
  baselineSd: 1.5,
  threshold: 6.845,
  acknowledgedAt: null,
  createdAt: '2026-11-02T13:20:00.000Z',
};

/** Electron's Notification with the electron module replaced: records what would be shown. */
class FakeNotification implements NotificationLike {
  static made: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  shown = false;
  private readonly listeners = new Map<string, () => void>();
  constructor(readonly options: NotificationConstructorOptions) {
    FakeNotification.made.push(this);
  }
  on(event: 'click' | 'close', listener: () => void) {
    this.listeners.set(event, listener);
    return this;
  }
  show() {
    this.shown = true;
  }
  click() {
    this.listeners.get('click')?.();
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(language: ShellLanguage = 'de') {
  FakeNotification.made = [];
  FakeNotification.supported = true;
  const events = new CoreEvents();
  const calls: Array<[string, unknown]> = [];
  const opened: string[] = [];
  const sent: unknown[] = [];
  let ready: (() => void) | null = null;
  events.subscribe((event, payload) => {
    if (event === 'alerts.open') sent.push(payload);
  });
  const logs: string[] = [];
  const stop = startAlertNotifications({
    Notification: FakeNotification,
    events,
    dispatcher: {
      call: async (method: unknown, params: unknown): Promise<CallOutcome> => {
        calls.push([String(method), params]);
        if (method === 'workspaces.list') return { ok: true, result: { workspaces: [{ id: WORKSPACE, name: 'Migros Zürich' }], activeId: null } };
        return { ok: true, result: {} };
      },
    },
    strings: () => ({ strings: SHELL_STRINGS[language], language }),
    open: () => opened.push('open'),
    whenWindowReady: (then) => {
      ready = then;
    },
    log: (message) => logs.push(message),
  });
  return { events, calls, opened, sent, stop, logs, ready: () => ready?.() };
}

describe('desktop notification of a spike alert', () => {
  it('shows one notification per raised alert, in the UI language, naming the workspace', async () => {
    const { events } = setUp('de');
    events.emit('alerts.raised', { workspaceId: WORKSPACE, alert: ALERT });
    events.emit('alerts.changed', { workspaceId: WORKSPACE, alert: { ...ALERT, state: 'ended' } });
    await flush();
    expect(FakeNotification.made).toHaveLength(1);
    const [notification] = FakeNotification.made;
    expect(notification!.shown).toBe(true);
    expect(notification!.options.title).toBe('Negative Erwähnungen häufen sich: Migros Zürich');
    const hour = new Intl.DateTimeFormat('de', { hour: '2-digit', minute: '2-digit' }).format(new Date(ALERT.startedAt));
    expect(notification!.options.body).toBe(`1.234 negative Erwähnungen in der Stunde ab ${hour} (sonst etwa 2,3). Klicken Sie, um sie anzusehen.`);
  });

  it('speaks English when the UI does', async () => {
    const { events } = setUp('en');
    events.emit('alerts.raised', { workspaceId: WORKSPACE, alert: ALERT });
    await flush();
    expect(FakeNotification.made[0]!.options.title).toBe('Negative mentions are spiking: Migros Zürich');
    expect(FakeNotification.made[0]!.options.body).toMatch(/^1,234 negative mentions in the hour from .+ \(usually about 2\.3\)\. Click to see them\.$/);
  });

  it('a click brings the window, switches to the workspace and asks the page to open the alert once it is ready', async () => {
    const { events, calls, opened, sent, ready } = setUp();
    events.emit('alerts.raised', { workspaceId: WORKSPACE, alert: ALERT });
    await flush();
    FakeNotification.made[0]!.click();
    await flush();
    expect(opened).toEqual(['open']);
    expect(calls).toContainEqual(['workspaces.setActive', { id: WORKSPACE }]);
    expect(sent).toEqual([]);
    ready();
    expect(sent).toEqual([{ workspaceId: WORKSPACE, alertId: ALERT.id }]);
  });

  it('stays quiet after it was stopped, and where the desktop has no notifications', async () => {
    const first = setUp();
    first.stop();
    first.events.emit('alerts.raised', { workspaceId: WORKSPACE, alert: ALERT });
    await flush();
    expect(FakeNotification.made).toEqual([]);

    FakeNotification.supported = false;
    const events = new CoreEvents();
    const logs: string[] = [];
    startAlertNotifications({
      Notification: FakeNotification,
      events,
      dispatcher: { call: async () => ({ ok: true, result: {} }) },
      strings: () => ({ strings: SHELL_STRINGS.en, language: 'en' }),
      open: () => {},
      whenWindowReady: () => {},
      log: (message) => logs.push(message),
    });
    events.emit('alerts.raised', { workspaceId: WORKSPACE, alert: ALERT });
    await flush();
    expect(FakeNotification.made).toEqual([]);
    expect(logs).toEqual([expect.stringContaining('no notifications')]);
  });

  it('every shell string has a German and an English text', () => {
    expect(Object.keys(SHELL_STRINGS.de).sort()).toEqual(Object.keys(SHELL_STRINGS.en).sort());
    for (const language of ['de', 'en'] as const) {
      expect(SHELL_STRINGS[language].alertTitle).toContain('{workspace}');
      for (const name of ['{count}', '{hour}', '{usual}']) expect(SHELL_STRINGS[language].alertBody).toContain(name);
    }
  });
});
