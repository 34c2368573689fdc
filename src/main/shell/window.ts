import type { BrowserWindow, BrowserWindowConstructorOptions, Display, Rectangle, Screen, WebContents } from 'electron';
import type { Preferences, WindowState } from './preferences';
import { hardenedWebPreferences } from './security';

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

export type ScreenLike = Pick<Screen, 'getAllDisplays' | 'getDisplayMatching' | 'getPrimaryDisplay'>;

export interface WindowPlacement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

/**
 * Where to open the window, given what was saved last time and the displays there are now.
 * A monitor may have been unplugged or rearranged since, so saved bounds are moved (and shrunk
 * if needed) fully onto the display they overlap most, or the nearest one; without x/y
 * Electron centres the window on the primary display.
 */
export function placeWindow(saved: WindowState | null, screen: ScreenLike): WindowPlacement {
  const primary = screen.getPrimaryDisplay().workArea;
  if (!saved) {
    return {
      bounds: {
        width: Math.min(DEFAULT_WINDOW_SIZE.width, primary.width),
        height: Math.min(DEFAULT_WINDOW_SIZE.height, primary.height),
      },
      maximized: false,
    };
  }
  if (saved.x === undefined || saved.y === undefined) {
    return {
      bounds: { width: Math.min(saved.width, primary.width), height: Math.min(saved.height, primary.height) },
      maximized: saved.maximized,
    };
  }
  const rect: Rectangle = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const area = visibleDisplayFor(rect, screen).workArea;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  return {
    bounds: {
      x: clamp(saved.x, area.x, area.x + area.width - width),
      y: clamp(saved.y, area.y, area.y + area.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}

function visibleDisplayFor(rect: Rectangle, screen: ScreenLike): Display {
  const displays = screen.getAllDisplays();
  const matching = screen.getDisplayMatching(rect);
  return displays.find((display) => display.id === matching.id) ?? screen.getPrimaryDisplay();
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  screen: ScreenLike;
  preferences: Preferences;
  preloadPath: string;
  indexHtmlPath: string;
  /** Navigation and window-open guards; see guardWebContents. */
  guard: (contents: WebContents) => void;
  log?: (message: string) => void;
}

/** The one Leitstand window: hardened, hidden until painted, where the user left it. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const log = deps.log ?? ((message: string) => console.error(message));
  const placement = placeWindow(deps.preferences.getWindowState(), deps.screen);
  const window = new deps.BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Leitstand',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#1b1d23',
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(deps.preloadPath),
  });
  // The guards go on before the first load, so not even the first navigation is unguarded.
  deps.guard(window.webContents);

  window.once('ready-to-show', () => {
    // maximize() also shows the window; calling it earlier would flash the unpainted frame.
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    // Normal bounds, not the maximized ones: un-maximizing next time returns to them.
    const bounds = window.getNormalBounds();
    deps.preferences.setWindowState({ ...bounds, maximized: window.isMaximized() });
  });
  window.loadFile(deps.indexHtmlPath).catch((error: unknown) => log(`[shell] could not load the UI: ${String(error)}`));
  return window;
}

/** What a second launch does: bring the existing window to the front. */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
