import type { BrowserWindow, Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { ShellStrings } from '../../shared/shellStrings';
import { TRAY_ICON_DATA_URL } from './trayIcon';

export type TrayLike = Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on' | 'destroy' | 'isDestroyed'>;

/** The parts of Electron the tray needs, passed in (as everything in the shell) for the tests. */
export interface TrayElectron {
  Tray: new (image: NativeImage) => TrayLike;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  nativeImage: { createFromDataURL(dataUrl: string): NativeImage };
}

export interface TrayDeps {
  electron: TrayElectron;
  /** The strings in the language the user sees now (it may change while the app runs). */
  strings(): ShellStrings;
  isRunInTray(): boolean;
  setRunInTray(value: boolean): void;
  /** Shows the window (creating it again if needed) and brings it to the front. */
  open(): void;
  /** Quits for real: the window closes, the core closes cleanly. */
  quit(): void;
  log: (message: string) => void;
}

export interface AppTray {
  /** Rebuilds the tooltip and menu (after a language or preference change). */
  refresh(): void;
  destroy(): void;
}

/** Ids of the menu items, for the tests and for anyone reading a menu dump. */
export const TRAY_MENU_IDS = { open: 'open', runInTray: 'run-in-tray', quit: 'quit' } as const;

/**
 * The tray icon that keeps Leitstand reachable while it runs with the window closed: Open,
 * the "keep running" choice, Quit. Null when the platform refuses a tray icon; the shell then
 * quits when the window closes, so there is never a hidden app that cannot be reached. (A Linux
 * desktop without a tray area accepts the icon but shows nothing: starting Leitstand again
 * still brings the hidden window back, through the single-instance hand-over.)
 */
export function createAppTray(deps: TrayDeps): AppTray | null {
  const { electron } = deps;
  let tray: TrayLike;
  try {
    tray = new electron.Tray(electron.nativeImage.createFromDataURL(TRAY_ICON_DATA_URL));
  } catch (error) {
    deps.log(`[shell] no tray icon on this desktop: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }

  const refresh = (): void => {
    if (tray.isDestroyed()) return;
    const strings = deps.strings();
    tray.setToolTip(strings.trayTooltip);
    // Rebuilt rather than mutated: on Linux a context menu only changes when it is set again.
    tray.setContextMenu(
      electron.Menu.buildFromTemplate([
        { id: TRAY_MENU_IDS.open, label: strings.open, click: () => deps.open() },
        { type: 'separator' },
        {
          id: TRAY_MENU_IDS.runInTray,
          label: strings.runInTray,
          type: 'checkbox',
          checked: deps.isRunInTray(),
          click: () => {
            deps.setRunInTray(!deps.isRunInTray());
            refresh();
          },
        },
        { type: 'separator' },
        { id: TRAY_MENU_IDS.quit, label: strings.quit, click: () => deps.quit() },
      ]),
    );
  };

  // Windows and macOS: a click on the icon opens the window (Linux shows the menu instead).
  tray.on('click', () => deps.open());
  refresh();
  return {
    refresh,
    destroy: () => {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}

/**
 * Closing the window hides it instead while `shouldHide()` says so (run in tray is on, a tray
 * icon exists and the app is not quitting): the core keeps running and the outbox publishes.
 */
export function hideOnClose(window: Pick<BrowserWindow, 'on' | 'hide'>, shouldHide: () => boolean): void {
  window.on('close', (event) => {
    if (!shouldHide()) return;
    event.preventDefault();
    window.hide();
  });
}
