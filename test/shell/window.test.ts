import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { Preferences, createMemoryPreferenceStore, type WindowState } from '../../src/main/shell/preferences';
import { appPaths } from '../../src/main/shell/paths';
import {
  DEFAULT_WINDOW_SIZE,
  createMainWindow,
  focusWindow,
  placeWindow,
} from '../../src/main/shell/window';
import { FakeBrowserWindow, display, fakeScreen } from './fakes';

vi.mock('electron', () => ({}));

const laptop = display(1, { x: 0, y: 0, width: 1440, height: 876 });
const external = display(2, { x: 1440, y: 0, width: 2560, height: 1400 });
const paths = appPaths('/opt/Leitstand/out/main');

function open(saved: WindowState | null = null, screen = fakeScreen([laptop])) {
  const preferences = new Preferences(createMemoryPreferenceStore());
  if (saved) preferences.setWindowState(saved);
  const guard = vi.fn();
  const window = createMainWindow({
    BrowserWindow: FakeBrowserWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
    screen,
    preferences,
    preloadPath: paths.preload,
    indexHtmlPath: paths.indexHtml,
    guard,
  }) as unknown as FakeBrowserWindow;
  return { window, preferences, guard };
}

afterEach(() => {
  FakeBrowserWindow.instances.length = 0;
});

describe('the main window', () => {
  it('has exactly the hardened webPreferences', () => {
    const { window } = open();
    expect(window.options.webPreferences).toStrictEqual({
      preload: '/opt/Leitstand/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('is guarded before it loads anything, loads the built index.html, and is hidden until ready-to-show', async () => {
    const { window, guard } = open();
    expect(guard).toHaveBeenCalledWith(window.webContents as unknown as WebContents);
    expect(window.loadedFile).toBe('/opt/Leitstand/out/renderer/index.html');
    expect(window.options.show).toBe(false);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['show']);
  });

  it('opens at the default size when nothing was saved', () => {
    const { window } = open();
    expect(window.options.width).toBe(DEFAULT_WINDOW_SIZE.width);
    expect(window.options.height).toBe(DEFAULT_WINDOW_SIZE.height);
    expect(window.options.x).toBeUndefined();
  });

  it('saves its normal bounds and maximized state on close, and the next window restores them', () => {
    const first = open(null, fakeScreen([laptop, external]));
    first.window.bounds = { x: 1600, y: 100, width: 1500, height: 900 };
    first.window.maximized = true;
    first.window.close();
    expect(first.preferences.getWindowState()).toEqual({ x: 1600, y: 100, width: 1500, height: 900, maximized: true });

    const second = open(first.preferences.getWindowState(), fakeScreen([laptop, external]));
    expect(second.window.options).toMatchObject({ x: 1600, y: 100, width: 1500, height: 900 });
    second.window.emit('ready-to-show');
    expect(second.window.calls).toEqual(['maximize', 'show']);
  });
});

describe('placeWindow', () => {
  it('keeps bounds that are fully on a display', () => {
    const placement = placeWindow({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, fakeScreen([laptop]));
    expect(placement).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: false });
  });

  it('brings a window from an unplugged monitor back onto a display that exists', () => {
    const saved = { x: 2000, y: 200, width: 1600, height: 1000, maximized: false };
    const placement = placeWindow(saved, fakeScreen([laptop]));
    const { x, y, width, height } = placement.bounds as Required<typeof placement.bounds>;
    expect(width).toBeLessThanOrEqual(laptop.workArea.width);
    expect(height).toBeLessThanOrEqual(laptop.workArea.height);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + width).toBeLessThanOrEqual(laptop.workArea.width);
    expect(y + height).toBeLessThanOrEqual(laptop.workArea.height);
  });

  it('pulls a window that hangs off the edge of its display fully onto it', () => {
    const placement = placeWindow({ x: 1300, y: -200, width: 800, height: 600, maximized: true }, fakeScreen([laptop]));
    expect(placement).toEqual({ bounds: { x: 640, y: 0, width: 800, height: 600 }, maximized: true });
  });

  it('uses the display the window overlaps most', () => {
    const placement = placeWindow({ x: 1400, y: 10, width: 1000, height: 800, maximized: false }, fakeScreen([laptop, external]));
    expect(placement.bounds).toEqual({ x: 1440, y: 10, width: 1000, height: 800 });
  });
});

describe('focusWindow (second launch)', () => {
  it('restores, shows and focuses the existing window', () => {
    const { window } = open();
    window.minimized = true;
    focusWindow(window as unknown as BrowserWindow);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('does nothing without a window', () => {
    expect(() => focusWindow(null)).not.toThrow();
  });
});
