import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import Conf from 'conf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import { runDesktopShell, type RunningShell, type ShellEnvironment } from '../../src/main/shell/lifecycle';
import { Preferences, createMemoryPreferenceStore, defaultRunInTray, type PreferenceStore } from '../../src/main/shell/preferences';
import { TRAY_MENU_IDS } from '../../src/main/shell/tray';
import { TRAY_ICON_DATA_URL } from '../../src/main/shell/trayIcon';
import type { OutboxEntry } from '../../src/shared/contract/composer';
import { SHELL_STRINGS, shellLanguage } from '../../src/shared/shellStrings';
import { FakeNetworkServer, FakePublishingConnector } from '../outbox/harness';
import { call, nextEvent } from '../support/core';
import { FakeApp, FakeBrowserWindow, FakeIpcMain, FakeTray, MemoryVault, display, fakeScreen, fakeSession, fakeTrayElectron, tempDir } from './fakes';

vi.mock('electron', () => ({}));

interface Harness {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  signals: EventEmitter;
  cores: Array<Core & { closeCalls: number }>;
  preferenceStore: PreferenceStore;
  server: FakeNetworkServer;
  env: ShellEnvironment;
}

function harness(options: { platform?: NodeJS.Platform; tray?: boolean; preferenceStore?: PreferenceStore; locale?: string } = {}): Harness {
  const app = new FakeApp(tempDir());
  app.quitsLikeElectron = true;
  if (options.locale) app.locale = options.locale;
  const ipcMain = new FakeIpcMain();
  const signals = new EventEmitter();
  const cores: Harness['cores'] = [];
  const preferenceStore = options.preferenceStore ?? createMemoryPreferenceStore();
  const server = new FakeNetworkServer();
  const env = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain,
    screen: fakeScreen([display(1, { x: 0, y: 0, width: 1920, height: 1050 })]),
    session: { defaultSession: fakeSession() },
    shell: { openExternal: vi.fn(async () => {}) },
    argv: ['/usr/lib/leitstand/leitstand'],
    mainDir: '/opt/Leitstand/out/main',
    // A network that keeps what it is sent, so the test can see the outbox publish.
    createCore: (coreOptions: CoreOptions) => {
      const core = createCore({ ...coreOptions, vault: new MemoryVault(), poll: false, connectors: { bluesky: new FakePublishingConnector('bluesky', server) }, log: () => {} }) as Core & { closeCalls: number };
      const close = core.close.bind(core);
      core.closeCalls = 0;
      core.close = () => {
        core.closeCalls++;
        close();
      };
      cores.push(core);
      return core;
    },
    openPreferenceStore: async () => preferenceStore,
    signals,
    log: () => {},
    platform: options.platform ?? 'linux',
    ...(options.tray === false ? {} : { tray: fakeTrayElectron() }),
  } as unknown as ShellEnvironment;
  return { app, ipcMain, signals, cores, preferenceStore, server, env };
}

const started: RunningShell[] = [];

async function start(h: Harness): Promise<RunningShell> {
  const pending = runDesktopShell(h.env);
  h.app.becomeReady();
  const running = await pending;
  if (!running) throw new Error('the shell did not start');
  started.push(running);
  return running;
}

/** The user closes the window; as in Electron, the last window closing emits window-all-closed. */
function closeWindow(h: Harness, window: FakeBrowserWindow): boolean {
  const closed = window.close();
  if (closed && FakeBrowserWindow.instances.every((w) => w.isDestroyed())) h.app.emit('window-all-closed');
  return closed;
}

afterEach(() => {
  for (const running of started.splice(0)) running.shutdown();
  for (const window of FakeBrowserWindow.instances) window.destroyed = true;
  FakeBrowserWindow.instances.length = 0;
  FakeTray.instances.length = 0;
});

describe('the run-in-tray preference', () => {
  it('defaults to on for Linux and Windows, off for macOS, and keeps what the user chose', () => {
    expect([defaultRunInTray('linux'), defaultRunInTray('win32'), defaultRunInTray('darwin')]).toEqual([true, true, false]);
    const store = createMemoryPreferenceStore();
    const preferences = new Preferences(store);
    expect(preferences.getRunInTray('linux')).toBe(true);
    preferences.setRunInTray(false);
    expect(preferences.getRunInTray('linux')).toBe(false);
    preferences.setRunInTray(true);
    expect(preferences.getRunInTray('darwin')).toBe(true);
    // A hand-edited file with something else in it falls back to the default.
    store.set('runInTray', 'yes');
    expect(preferences.getRunInTray('darwin')).toBe(false);
  });

  it('is stored in the preferences file (runInTray) and read back from it', () => {
    const dir = tempDir();
    const file = (): PreferenceStore => {
      const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'preferences', clearInvalidConfig: true });
      return { get: (k) => conf.get(k), set: (k, v) => conf.set(k, v), delete: (k) => conf.delete(k) };
    };
    new Preferences(file()).setRunInTray(false);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'preferences.json'), 'utf8'))).toEqual({ runInTray: false });
    expect(new Preferences(file()).getRunInTray('win32')).toBe(false);
  });
});

describe('the shell strings', () => {
  it('follow the language chosen in the settings, else the OS locale: German for any German locale', () => {
    expect(['de', 'de-CH', 'de_AT', 'DE-de'].map((locale) => shellLanguage('system', locale))).toEqual(['de', 'de', 'de', 'de']);
    expect(['en-US', 'fr-CH', 'deu', ''].map((locale) => shellLanguage('system', locale))).toEqual(['en', 'en', 'en', 'en']);
    expect(shellLanguage('en', 'de-CH')).toBe('en');
    expect(shellLanguage('de', 'en-US')).toBe('de');
    // Both tables name the same things.
    expect(Object.keys(SHELL_STRINGS.de).sort()).toEqual(Object.keys(SHELL_STRINGS.en).sort());
    for (const text of [...Object.values(SHELL_STRINGS.de), ...Object.values(SHELL_STRINGS.en)]) expect(text.trim()).not.toBe('');
  });
});

describe('the tray', () => {
  it('uses resources/tray.png as its icon', async () => {
    const h = harness();
    await start(h);
    const [tray] = FakeTray.instances;
    expect(tray!.image.dataUrl).toBe(TRAY_ICON_DATA_URL);
    const png = fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'tray.png'));
    expect(TRAY_ICON_DATA_URL).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('closing the window hides it to the tray; the core keeps running and a scheduled post goes out; Open brings the window back', async () => {
    const h = harness();
    const running = await start(h);
    const window = FakeBrowserWindow.instances[0]!;
    window.show();
    const tray = FakeTray.instances[0]!;
    expect(tray.tooltip).toBe(SHELL_STRINGS.en.trayTooltip);
    expect(tray.menu!.filter((item) => item.id).map((item) => [item.id, item.label])).toEqual([
      [TRAY_MENU_IDS.open, 'Open Leitstand'],
      [TRAY_MENU_IDS.runInTray, 'Keep running when the window is closed'],
      [TRAY_MENU_IDS.quit, 'Quit Leitstand'],
    ]);
    expect(tray.item(TRAY_MENU_IDS.runInTray)).toMatchObject({ type: 'checkbox', checked: true });

    expect(closeWindow(h, window)).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    expect(h.app.calls).not.toContain('quit');
    expect(h.cores[0]!.closeCalls).toBe(0);
    expect(h.ipcMain.handlers.size).toBeGreaterThan(0);
    // The window's place was still saved, as on a real close.
    expect(new Preferences(h.preferenceStore).getWindowState()).not.toBeNull();

    // With the window hidden, the core publishes what is due.
    const core = running.core;
    const { id: workspaceId } = await call<{ id: string }>(core, 'workspaces.create', { name: 'Migros' });
    const account = new AccountRepository(core.store.db).create({ workspaceId, network: 'bluesky', handle: 'migros.example' });
    const published = nextEvent(core, 'outbox.changed', (p: { entry: OutboxEntry }) => p.entry.state === 'published');
    await call(core, 'composer.send', {
      workspaceId,
      key: 'post:3f0a5b1c-2d4e-4f60-8a7b-9c0d1e2f3a4b',
      accountId: account.id,
      content: { text: 'Heute bis 20 Uhr geöffnet', spoilerText: null, language: 'de', visibility: null, appendSignature: false },
    });
    expect(((await published) as { entry: OutboxEntry }).entry.text).toBe('Heute bis 20 Uhr geöffnet');
    expect(h.server.created).toBe(1);

    tray.click(TRAY_MENU_IDS.open);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.isVisible()).toBe(true);
    expect(window.calls.slice(-2)).toEqual(['show', 'focus']);
    expect(running.getWindow()).toBe(window);
  });

  it('Quit really quits: the window closes, the core closes once, the tray goes away', async () => {
    const h = harness();
    await start(h);
    const window = FakeBrowserWindow.instances[0]!;
    closeWindow(h, window);
    expect(window.isDestroyed()).toBe(false);

    FakeTray.instances[0]!.click(TRAY_MENU_IDS.quit);
    expect(h.app.quitCompleted).toBe(true);
    expect(window.isDestroyed()).toBe(true);
    expect(h.cores[0]!.closeCalls).toBe(1);
    expect(h.ipcMain.handlers.size).toBe(0);
    expect(FakeTray.instances[0]!.isDestroyed()).toBe(true);
    expect(h.signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('a SIGTERM while the window is hidden quits for real, too', async () => {
    const h = harness();
    await start(h);
    closeWindow(h, FakeBrowserWindow.instances[0]!);
    h.signals.emit('SIGTERM');
    expect(h.app.quitCompleted).toBe(true);
    expect(h.cores[0]!.closeCalls).toBe(1);
  });

  it('with "keep running" switched off in the tray menu, closing the window quits the app', async () => {
    const h = harness();
    await start(h);
    const tray = FakeTray.instances[0]!;
    tray.click(TRAY_MENU_IDS.runInTray);
    expect(new Preferences(h.preferenceStore).getRunInTray('linux')).toBe(false);
    // The menu was rebuilt with the new state.
    expect(tray.item(TRAY_MENU_IDS.runInTray).checked).toBe(false);

    expect(closeWindow(h, FakeBrowserWindow.instances[0]!)).toBe(true);
    expect(h.app.calls).toContain('quit');
    expect(h.cores[0]!.closeCalls).toBe(1);
    expect(tray.isDestroyed()).toBe(true);
  });

  it('on macOS closing the window quits by default; the Dock (activate) has nothing to bring back then', async () => {
    const h = harness({ platform: 'darwin' });
    await start(h);
    expect(FakeTray.instances[0]!.item(TRAY_MENU_IDS.runInTray).checked).toBe(false);
    expect(closeWindow(h, FakeBrowserWindow.instances[0]!)).toBe(true);
    expect(h.cores[0]!.closeCalls).toBe(1);
    h.app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('on macOS with "keep running" on, a click on the Dock icon shows the hidden window', async () => {
    const preferenceStore = createMemoryPreferenceStore();
    new Preferences(preferenceStore).setRunInTray(true);
    const h = harness({ platform: 'darwin', preferenceStore });
    await start(h);
    const window = FakeBrowserWindow.instances[0]!;
    expect(closeWindow(h, window)).toBe(false);
    h.app.emit('activate');
    expect(window.isVisible()).toBe(true);
  });

  it('without a tray icon (the desktop refused it) closing the window quits, so the app is never hidden out of reach', async () => {
    const h = harness();
    h.env.tray = {
      ...fakeTrayElectron(),
      Tray: class {
        constructor() {
          throw new Error('no StatusNotifier host');
        }
      },
    } as unknown as ShellEnvironment['tray'];
    await start(h);
    expect(closeWindow(h, FakeBrowserWindow.instances[0]!)).toBe(true);
    expect(h.cores[0]!.closeCalls).toBe(1);
  });

  it('speaks German on a German system, and follows a language change in the settings', async () => {
    const h = harness({ locale: 'de-CH' });
    const running = await start(h);
    const tray = FakeTray.instances[0]!;
    expect(tray.tooltip).toBe(SHELL_STRINGS.de.trayTooltip);
    expect(tray.item(TRAY_MENU_IDS.open).label).toBe('Leitstand öffnen');
    expect(tray.item(TRAY_MENU_IDS.quit).label).toBe('Leitstand beenden');

    await call(running.core, 'settings.set', { language: 'en' });
    expect(tray.item(TRAY_MENU_IDS.open).label).toBe('Open Leitstand');
    expect(tray.tooltip).toBe(SHELL_STRINGS.en.trayTooltip);
  });

  it('starts in the language chosen in the settings, whatever the OS locale', async () => {
    const userData = tempDir();
    const setup = createCore({ dataDir: userData, appVersion: 't', shell: 'headless', vault: new MemoryVault(), poll: false, log: () => {} });
    await call(setup, 'settings.set', { language: 'de' });
    setup.close();
    const h = harness({ locale: 'en-GB' });
    h.app.paths.set('userData', userData);
    await start(h);
    expect(FakeTray.instances[0]!.item(TRAY_MENU_IDS.quit).label).toBe('Leitstand beenden');
  });
});
