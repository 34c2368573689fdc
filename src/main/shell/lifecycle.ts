import fs from 'node:fs';
import type { App, BrowserWindow, BrowserWindowConstructorOptions, Dialog, IpcMain, Session, Shell } from 'electron';
import { isAppError } from '../../shared/contract/errors';
import type { Settings } from '../../shared/contract/domain';
import { SHELL_STRINGS, shellLanguage, shellStrings } from '../../shared/shellStrings';
import { ConnectivityMonitor, type Core, type CoreOptions } from '../core';
import { ShellArgsError, parseShellArgs } from './args';
import { createTrustedSenderCheck, forwardEvents, registerIpc } from './ipc';
import { appPaths } from './paths';
import {
  ELECTRON_STORE_IPC_CHANNEL,
  Preferences,
  createMemoryPreferenceStore,
  type PreferenceStore,
} from './preferences';
import { startAlertNotifications, type NotificationElectron } from './alertNotifications';
import { createAppUrlMatcher, guardWebContents, installContentGuards, installSessionSecurity } from './security';
import { createAppTray, hideOnClose, type AppTray, type TrayElectron } from './tray';
import { createMainWindow, focusWindow, type ScreenLike } from './window';
import { rememberActiveWorkspace, restoreLastWorkspace } from './workspaceMemory';

/** Everything the shell takes from Electron and the core, passed in so tests can replace it. */
export interface ShellEnvironment {
  app: Pick<
    App,
    'on' | 'quit' | 'exit' | 'whenReady' | 'getPath' | 'setPath' | 'getVersion' | 'getLocale' | 'requestSingleInstanceLock' | 'enableSandbox'
  >;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  dialog: Pick<Dialog, 'showErrorBox'>;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'removeAllListeners'>;
  screen: ScreenLike;
  session: { defaultSession: Session };
  shell: Pick<Shell, 'openExternal'>;
  argv: readonly string[];
  /** The folder of the bundled shell (out/main); the preload and renderer are found from it. */
  mainDir: string;
  createCore: (options: CoreOptions) => Core;
  openPreferenceStore: (dir: string) => Promise<PreferenceStore>;
  signals?: Pick<NodeJS.Process, 'on' | 'off'>;
  log?: (message: string) => void;
  /** Electron's net module: whether the OS has a network, so polls pause while it has none. */
  net?: { isOnline(): boolean };
  /** Electron's powerMonitor: a 'resume' after sleep makes every stream catch up at once. */
  powerMonitor?: { on(event: 'resume', listener: () => void): unknown };
  /** Electron's Tray, Menu and nativeImage: the app keeps running in the tray with its window closed. */
  tray?: TrayElectron;
  /** Electron's Notification: a desktop notification when negative mentions spike (alerts.raised). */
  notifications?: NotificationElectron;
  /** process.platform unless a test says otherwise (the run-in-tray default depends on it). */
  platform?: NodeJS.Platform;
}

export interface RunningShell {
  core: Core;
  getWindow(): BrowserWindow | null;
  /** Idempotent: stops events, removes the IPC handlers and closes the core, once. */
  shutdown(): void;
}

export const EXIT_STARTUP_FAILED = 1;
export const EXIT_BAD_ARGUMENTS = 2;

/**
 * Starts the desktop app. Resolves with null when this process is not going to run the app:
 * another instance already does, the arguments are wrong, or the data cannot be opened (the
 * user has been told why, and the process exits with a non-zero code).
 */
export async function runDesktopShell(env: ShellEnvironment): Promise<RunningShell | null> {
  const { app } = env;
  const log = env.log ?? ((message: string) => console.error(message));
  const signals = env.signals ?? process;

  let dataDirArg: string | null;
  try {
    dataDirArg = parseShellArgs(env.argv).dataDir;
  } catch (error) {
    if (!(error instanceof ShellArgsError)) throw error;
    log(`Leitstand: ${error.message}`);
    app.exit(EXIT_BAD_ARGUMENTS);
    return null;
  }
  if (dataDirArg) {
    // userData, not only the database: the single-instance lock, Chromium's profile and the
    // preferences all live there, so a test or second profile with its own --data-dir runs
    // beside the user's normal instance instead of handing over to it.
    fs.mkdirSync(dataDirArg, { recursive: true });
    app.setPath('userData', dataDirArg);
  }

  if (!app.requestSingleInstanceLock()) {
    // The running instance receives 'second-instance' and comes to the front.
    app.quit();
    return null;
  }

  app.enableSandbox();
  const paths = appPaths(env.mainDir);
  const isAppUrl = createAppUrlMatcher(paths.indexUrl);
  const guardOptions = { isAppUrl, openExternal: (url: string) => env.shell.openExternal(url), log };
  installContentGuards(app, guardOptions);

  let mainWindow: BrowserWindow | null = null;
  // Set by every real quit (the tray's Quit, Cmd+Q, a signal, the OS logging out), so that the
  // window's close is not turned into a hide.
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('second-instance', () => focusWindow(mainWindow));

  const quitOnSignal = (): void => app.quit();
  signals.on('SIGINT', quitOnSignal);
  signals.on('SIGTERM', quitOnSignal);

  await app.whenReady();

  const dataDir = app.getPath('userData');
  const net = env.net;
  const connectivity = net
    ? new ConnectivityMonitor({ probe: async () => net.isOnline(), initiallyOnline: net.isOnline(), onlineIntervalMs: 10_000, offlineIntervalMs: 3_000 })
    : undefined;
  let core: Core;
  try {
    core = env.createCore({
      dataDir,
      appVersion: app.getVersion(),
      shell: 'desktop',
      log,
      // OAuth pages open in the system browser, where the user is signed in; only http(s).
      openExternal: (url) => (/^https?:\/\//i.test(url) ? env.shell.openExternal(url) : undefined),
      connectivity,
    });
    connectivity?.start();
  } catch (error) {
    signals.off('SIGINT', quitOnSignal);
    signals.off('SIGTERM', quitOnSignal);
    const message = describeStartupError(error, dataDir);
    log(`Leitstand cannot start: ${message}`);
    // The file is left exactly as it is: the store refuses before it writes anything.
    env.dialog.showErrorBox('Leitstand cannot start', message);
    app.exit(EXIT_STARTUP_FAILED);
    return null;
  }

  installSessionSecurity(env.session.defaultSession);

  let preferenceStore: PreferenceStore;
  try {
    preferenceStore = await env.openPreferenceStore(dataDir);
    env.ipcMain.removeAllListeners(ELECTRON_STORE_IPC_CHANNEL);
  } catch (error) {
    log(`[shell] preferences unavailable, using defaults for this session: ${String(error)}`);
    preferenceStore = createMemoryPreferenceStore();
  }
  const preferences = new Preferences(preferenceStore);

  const removeIpc = registerIpc(env.ipcMain, core, createTrustedSenderCheck(() => mainWindow, isAppUrl), log);
  const stopForwarding = forwardEvents(core.events, () => mainWindow?.webContents ?? null, isAppUrl);
  const stopRemembering = rememberActiveWorkspace(core.events, preferences);
  await restoreLastWorkspace(core.dispatcher, preferences, log);

  let closed = false;
  const platform = env.platform ?? process.platform;
  const settings = await core.dispatcher.call('settings.get', {});
  let language: Settings['language'] = settings.ok ? (settings.result as Settings).language : 'system';
  const createWindow = (): BrowserWindow => {
    const window = createMainWindow({
      BrowserWindow: env.BrowserWindow,
      screen: env.screen,
      preferences,
      preloadPath: paths.preload,
      indexHtmlPath: paths.indexHtml,
      guard: (contents) => guardWebContents(contents, guardOptions),
      log,
    });
    hideOnClose(window, () => !quitting && tray !== null && preferences.getRunInTray(platform));
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    return window;
  };
  const openWindow = (): void => {
    if (closed) return;
    if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
    else mainWindow = createWindow();
  };
  const tray: AppTray | null = env.tray
    ? createAppTray({
        electron: env.tray,
        strings: () => shellStrings(language, app.getLocale()),
        isRunInTray: () => preferences.getRunInTray(platform),
        setRunInTray: (value) => preferences.setRunInTray(value),
        open: openWindow,
        quit: () => app.quit(),
        log,
      })
    : null;
  const stopNotifications = env.notifications
    ? startAlertNotifications({
        Notification: env.notifications,
        events: core.events,
        dispatcher: core.dispatcher,
        strings: () => {
          const chosen = shellLanguage(language, app.getLocale());
          return { strings: SHELL_STRINGS[chosen], language: chosen };
        },
        open: openWindow,
        whenWindowReady: (then) => {
          const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
          if (!contents) return;
          // A window created by the click is still loading; the page subscribes to events as it starts.
          if (contents.isLoading()) contents.once('did-finish-load', then);
          else then();
        },
        log,
      })
    : () => {};
  const stopFollowingLanguage = core.events.subscribe((event, payload) => {
    if (event !== 'settings.changed') return;
    language = (payload as Settings).language;
    tray?.refresh();
  });

  const shutdown = (): void => {
    if (closed) return;
    closed = true;
    stopFollowingLanguage();
    stopNotifications();
    tray?.destroy();
    stopRemembering();
    stopForwarding();
    removeIpc();
    signals.off('SIGINT', quitOnSignal);
    signals.off('SIGTERM', quitOnSignal);
    connectivity?.stop();
    core.close();
  };
  env.powerMonitor?.on('resume', () => {
    if (!closed) core.wake();
  });

  // One window, one core. With "run in tray" on (and a tray icon to come back through), closing
  // the window only hides it, so the core keeps publishing; otherwise closing the window ends
  // the app on every platform, macOS included: never a core running with nothing to show it.
  app.on('window-all-closed', () => {
    shutdown();
    app.quit();
  });
  // will-quit rather than before-quit: before-quit runs while windows are still open and can be
  // followed by a cancelled quit (a window that refuses to close), which would leave a live app
  // with a closed core. will-quit comes after every window has closed.
  app.on('will-quit', shutdown);

  // macOS: a click on the Dock icon brings the hidden window back.
  app.on('activate', openWindow);

  mainWindow = createWindow();

  return { core, getWindow: () => mainWindow, shutdown };
}

function describeStartupError(error: unknown, dataDir: string): string {
  // AppErrors from the store are written for the user already (what happened, what to do).
  if (isAppError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Leitstand could not open its data in ${dataDir}: ${detail}`;
}
