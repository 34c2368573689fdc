/**
 * Stand-ins for the parts of Electron the shell touches. Electron's binary cannot be obtained
 * on our build machines, so the shell's tests drive its modules with these; they model only
 * the behaviour the shell relies on (events, handler registration, window state).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, Display, MenuItemConstructorOptions, Rectangle } from 'electron';
import type { Vault, VaultEntry } from '../../src/main/core/vault/vault';
import { vaultKey } from '../../src/main/core/vault/vault';

export class FakeNavigationEvent {
  defaultPrevented = false;
  constructor(
    readonly url: string,
    readonly isMainFrame = true,
  ) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: Array<{ channel: string; message: unknown }> = [];
  readonly mainFrame: FakeFrame;
  destroyed = false;

  constructor(url = '') {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  bounds: Rectangle;
  maximized = false;
  minimized = false;
  visible = false;
  destroyed = false;
  loadedFile: string | null = null;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    FakeBrowserWindow.instances.push(this);
  }

  async loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    // What loadFile makes of a path; the trust check compares the frame's URL with it.
    this.webContents.mainFrame.url = new URL(`file://${file}`).href;
  }
  show(): void {
    this.calls.push('show');
    this.visible = true;
  }
  hide(): void {
    this.calls.push('hide');
    this.visible = false;
  }
  maximize(): void {
    this.calls.push('maximize');
    this.maximized = true;
    this.visible = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  focus(): void {
    this.calls.push('focus');
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /**
   * What closing the window does to the listeners the shell relies on: 'close' can be
   * prevented (the window stays); otherwise it is destroyed and 'closed' follows. Returns
   * whether it closed.
   */
  close(): boolean {
    if (this.destroyed) return true;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
    return true;
  }
}

/** A tray icon as the shell uses it: a tooltip, a context menu (kept as its template), clicks. */
export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  tooltip = '';
  menu: MenuItemConstructorOptions[] | null = null;
  destroyed = false;

  constructor(readonly image: FakeNativeImage) {
    super();
    FakeTray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: MenuItemConstructorOptions[] | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The menu item with that id; throws if the menu has none, so a test cannot click nothing. */
  item(id: string): MenuItemConstructorOptions {
    const found = this.menu?.find((entry) => entry.id === id);
    if (!found) throw new Error(`the tray menu has no item ${id}: ${JSON.stringify(this.menu)}`);
    return found;
  }
  /** What the user's click on a menu item does. */
  click(id: string): void {
    const item = this.item(id);
    (item.click as (() => void) | undefined)?.();
  }
}

export class FakeNativeImage {
  constructor(readonly dataUrl: string) {}
}

/** Electron's Tray, Menu and nativeImage for the shell; a Menu is its template here. */
export function fakeTrayElectron() {
  return {
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
    nativeImage: { createFromDataURL: (dataUrl: string) => new FakeNativeImage(dataUrl) },
  };
}

export function display(id: number, workArea: Rectangle): Display {
  return { id, workArea, bounds: workArea } as Display;
}

export function fakeScreen(displays: Display[]) {
  const primary = displays[0]!;
  const overlap = (a: Rectangle, b: Rectangle): number =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => primary,
    // Electron's rule: the display the rectangle overlaps most, else the primary one.
    getDisplayMatching: (rect: Rectangle) =>
      displays.reduce<{ d: Display; area: number }>(
        (best, d) => {
          const area = overlap(rect, d.workArea);
          return area > best.area ? { d, area } : best;
        },
        { d: primary, area: 0 },
      ).d,
  };
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  readonly removedListeners: string[] = [];

  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    // Electron throws on a second handler for the same channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  removeAllListeners(channel?: string): this {
    if (channel) this.removedListeners.push(channel);
    return this;
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;
type PermissionRequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
type PermissionCheckHandler = (wc: unknown, permission: string) => boolean;

export function fakeSession() {
  const session = {
    headersListener: null as HeadersListener | null,
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    deviceHandler: null as (() => boolean) | null,
    webRequest: {
      onHeadersReceived(listener: HeadersListener) {
        session.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      session.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      session.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: () => boolean) {
      session.deviceHandler = handler;
    },
  };
  return session;
}

export class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  readonly calls: string[] = [];
  exitCode: number | null = null;
  hasLock = true;
  private resolveReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(userData: string) {
    super();
    this.paths.set('userData', userData);
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.hasLock;
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  becomeReady(): void {
    this.resolveReady();
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`no path ${name}`);
    return value;
  }
  setPath(name: string, value: string): void {
    this.calls.push(`setPath:${name}`);
    this.paths.set(name, value);
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  locale = 'en-US';
  getLocale(): string {
    return this.locale;
  }
  /**
   * false: quit() is only recorded (tests emit the events themselves). true: quit() runs
   * Electron's sequence: 'before-quit', then every window is asked to close; if one refuses,
   * the quit is cancelled; otherwise 'will-quit' and 'quit' (and no 'window-all-closed').
   */
  quitsLikeElectron = false;
  quitCompleted = false;
  quit(): void {
    this.calls.push('quit');
    if (!this.quitsLikeElectron) return;
    this.emit('before-quit', { preventDefault: () => {} });
    const allClosed = FakeBrowserWindow.instances.map((window) => window.close()).every(Boolean);
    if (!allClosed) return;
    this.emit('will-quit', { preventDefault: () => {} });
    this.emit('quit', {}, 0);
    this.quitCompleted = true;
  }
  exit(code = 0): void {
    this.calls.push(`exit:${code}`);
    this.exitCode = code;
  }
}

/** A Vault that keeps secrets in memory; the shell tests need a core, not a keychain. */
export class MemoryVault implements Vault {
  private readonly secrets = new Map<string, string>();
  async status() {
    return { available: true };
  }
  async set(entry: VaultEntry, secret: string) {
    this.secrets.set(vaultKey(entry), secret);
  }
  async get(entry: VaultEntry) {
    return this.secrets.get(vaultKey(entry)) ?? null;
  }
  async delete(entry: VaultEntry) {
    return this.secrets.delete(vaultKey(entry));
  }
  async list(workspaceId?: string) {
    return [...this.secrets.keys()]
      .map((key) => {
        const slash = key.indexOf('/');
        return { workspaceId: key.slice(0, slash), accountId: key.slice(slash + 1) };
      })
      .filter((entry) => workspaceId === undefined || entry.workspaceId === workspaceId);
  }
}

export function tempDir(prefix = 'leitstand-shell-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
