import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import { runDesktopShell, type RunningShell, type ShellEnvironment } from '../../src/main/shell/lifecycle';
import { Preferences, createMemoryPreferenceStore, type PreferenceStore } from '../../src/main/shell/preferences';
import { ipcChannelFor } from '../../src/shared/contract/names';
import {
  FakeApp,
  FakeBrowserWindow,
  FakeIpcMain,
  FakeNavigationEvent,
  MemoryVault,
  display,
  fakeScreen,
  fakeSession,
  tempDir,
} from './fakes';

vi.mock('electron', () => ({}));

interface Harness {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  dialog: { showErrorBox: ReturnType<typeof vi.fn> };
  shell: { openExternal: ReturnType<typeof vi.fn> };
  signals: EventEmitter;
  session: ReturnType<typeof fakeSession>;
  cores: Array<Core & { closeCalls: number }>;
  preferenceStore: PreferenceStore;
  env: ShellEnvironment;
}

const mainDir = '/opt/Leitstand/out/main';

function harness(options: { argv?: string[]; userData?: string; preferenceStore?: PreferenceStore } = {}): Harness {
  const app = new FakeApp(options.userData ?? tempDir());
  const ipcMain = new FakeIpcMain();
  const dialog = { showErrorBox: vi.fn() };
  const shell = { openExternal: vi.fn(async () => {}) };
  const signals = new EventEmitter();
  const session = fakeSession();
  const cores: Harness['cores'] = [];
  const preferenceStore = options.preferenceStore ?? createMemoryPreferenceStore();
  const env = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog,
    ipcMain,
    screen: fakeScreen([display(1, { x: 0, y: 0, width: 1920, height: 1050 })]),
    session: { defaultSession: session },
    shell,
    argv: options.argv ?? ['/usr/lib/leitstand/leitstand'],
    mainDir,
    createCore: (coreOptions: CoreOptions) => {
      const core = createCore({ ...coreOptions, vault: new MemoryVault(), log: () => {} }) as Core & { closeCalls: number };
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
  } as unknown as ShellEnvironment;
  return { app, ipcMain, dialog, shell, signals, session, cores, preferenceStore, env };
}

const started: RunningShell[] = [];

async function start(h: Harness) {
  const pending = runDesktopShell(h.env);
  h.app.becomeReady();
  const running = await pending;
  if (running) started.push(running);
  return running;
}

afterEach(() => {
  for (const running of started.splice(0)) running.shutdown();
  for (const window of FakeBrowserWindow.instances) if (!window.isDestroyed()) window.close();
  FakeBrowserWindow.instances.length = 0;
});

describe('desktop shell lifecycle', () => {
  it('starts: one hardened window, the IPC handlers, the session security, the core in the data folder', async () => {
    const h = harness();
    const running = await start(h);
    expect(running).not.toBeNull();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window.loadedFile).toBe(path.join(mainDir, '..', 'renderer', 'index.html'));
    expect(h.ipcMain.handlers.size).toBeGreaterThan(0);
    expect(h.session.headersListener).toBeTypeOf('function');
    expect(h.session.permissionRequestHandler).toBeTypeOf('function');
    expect(h.app.calls).toContain('enableSandbox');
    // electron-store's own renderer channel is removed again.
    expect(h.ipcMain.removedListeners).toContain('electron-store-get-data');
    expect(fs.existsSync(path.join(h.app.getPath('userData'), 'leitstand.sqlite'))).toBe(true);

    // The window's navigation is guarded (through the window and the app-wide hook alike).
    const nav = new FakeNavigationEvent('https://example.com/');
    window.webContents.emit('will-navigate', nav);
    expect(nav.defaultPrevented).toBe(true);
    expect(h.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('a trusted call from the window reaches the core, and its events come back', async () => {
    const h = harness();
    await start(h);
    const window = FakeBrowserWindow.instances[0]!;
    await window.loadFile(window.loadedFile!);
    const handler = h.ipcMain.handlers.get(ipcChannelFor('workspaces.create'))!;
    const outcome = await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, { name: 'Own brand' });
    expect(outcome).toMatchObject({ ok: true, result: { name: 'Own brand' } });
    expect(window.webContents.sent).toEqual([
      { channel: 'leitstand:event', message: { event: 'workspaces.changed', payload: expect.any(Object) } },
    ]);
  });

  it('uses --data-dir as the userData folder before taking the single-instance lock', async () => {
    const dir = path.join(tempDir(), 'profile', 'nested');
    const h = harness({ argv: ['electron', '.', '--data-dir', dir] });
    await start(h);
    expect(h.app.getPath('userData')).toBe(dir);
    expect(h.app.calls.indexOf('setPath:userData')).toBeLessThan(h.app.calls.indexOf('requestSingleInstanceLock'));
    expect(fs.existsSync(path.join(dir, 'leitstand.sqlite'))).toBe(true);
  });

  it('refuses --data-dir without a folder', async () => {
    const h = harness({ argv: ['electron', '.', '--data-dir'] });
    await expect(start(h)).resolves.toBeNull();
    expect(h.app.exitCode).toBe(2);
    expect(h.cores).toHaveLength(0);
  });

  it('a second instance quits without opening the data; the first comes to the front', async () => {
    const second = harness();
    second.app.hasLock = false;
    await expect(start(second)).resolves.toBeNull();
    expect(second.app.calls).toContain('quit');
    expect(second.cores).toHaveLength(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);

    const first = harness();
    await start(first);
    const window = FakeBrowserWindow.instances[0]!;
    window.minimized = true;
    first.app.emit('second-instance', {}, ['leitstand'], '/home/user');
    expect(window.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
  });

  it('shows the store error and exits non-zero when the database cannot be opened, leaving the file as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'leitstand.sqlite');
    const garbage = Buffer.from('these are my notes, not a database\n'.repeat(200));
    fs.writeFileSync(file, garbage);
    const h = harness({ userData: dir });
    await expect(start(h)).resolves.toBeNull();
    expect(h.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = h.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toMatch(/Leitstand/);
    expect(message).toContain(file);
    expect(message).toMatch(/is not a Leitstand database.*not changed/);
    expect(h.app.exitCode).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(h.ipcMain.handlers.size).toBe(0);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('tells the core when the OS has no network, and when the machine wakes from sleep', async () => {
    const h = harness();
    const power = new EventEmitter();
    let online = false;
    const seen: CoreOptions[] = [];
    const createCoreAsUsual = h.env.createCore;
    Object.assign(h.env, {
      net: { isOnline: () => online },
      powerMonitor: power,
      createCore: (options: CoreOptions) => (seen.push(options), createCoreAsUsual(options)),
    });
    const running = await start(h);
    expect(seen[0]!.connectivity?.isOnline()).toBe(false);
    online = true;
    seen[0]!.connectivity?.check?.();
    await vi.waitFor(() => expect(seen[0]!.connectivity?.isOnline()).toBe(true));

    const wake = vi.spyOn(h.cores[0]!, 'wake');
    power.emit('resume');
    expect(wake).toHaveBeenCalledTimes(1);
    running!.shutdown();
    power.emit('resume');
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('shuts down exactly once: events stopped, handlers removed, core closed', async () => {
    const h = harness();
    const running = (await start(h))!;
    const window = FakeBrowserWindow.instances[0]!;
    window.close();
    h.app.emit('window-all-closed');
    h.app.emit('will-quit', {});
    running.shutdown();
    expect(h.cores).toHaveLength(1);
    expect(h.cores[0]!.closeCalls).toBe(1);
    expect(h.ipcMain.handlers.size).toBe(0);
    expect(h.app.calls).toContain('quit');
    expect(h.signals.listenerCount('SIGINT')).toBe(0);
    expect(h.signals.listenerCount('SIGTERM')).toBe(0);
    // The window's bounds were saved on close.
    expect(new Preferences(h.preferenceStore).getWindowState()).toMatchObject({ maximized: false });
  });

  it('SIGINT and SIGTERM quit the app the normal way, which then shuts down once', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const h = harness();
      await start(h);
      h.signals.emit(signal);
      expect(h.app.calls.filter((c) => c === 'quit')).toHaveLength(1);
      h.app.emit('will-quit', {});
      h.app.emit('will-quit', {});
      expect(h.cores[0]!.closeCalls).toBe(1);
      FakeBrowserWindow.instances[0]!.close();
      FakeBrowserWindow.instances.length = 0;
    }
  });

  it('remembers the active workspace and re-activates it at the next start if it is still live', async () => {
    const userData = tempDir();
    const preferenceStore = createMemoryPreferenceStore();
    const first = harness({ userData, preferenceStore });
    const running = (await start(first))!;
    const call = (method: string, params: unknown) => running.core.dispatcher.call(method, params);
    const a = ((await call('workspaces.create', { name: 'Migros' })) as { result: { id: string } }).result.id;
    const b = ((await call('workspaces.create', { name: 'Helsana' })) as { result: { id: string } }).result.id;
    await call('workspaces.setActive', { id: a });
    expect(new Preferences(preferenceStore).getLastWorkspaceId()).toBe(a);
    // The database's own idea of the active workspace moves on without the shell noticing
    // (e.g. another tool), so the remembered one has to win at the next start.
    running.shutdown();
    const core = createCore({ dataDir: userData, appVersion: 't', shell: 'headless', vault: new MemoryVault(), log: () => {} });
    await core.dispatcher.call('workspaces.setActive', { id: b });
    core.close();
    FakeBrowserWindow.instances[0]!.close();

    const second = harness({ userData, preferenceStore });
    const again = (await start(second))!;
    const listed = (await again.core.dispatcher.call('workspaces.list', {})) as { result: { activeWorkspaceId: string } };
    expect(listed.result.activeWorkspaceId).toBe(a);
    again.shutdown();
  });

  it('ignores a remembered workspace that has been archived since', async () => {
    const userData = tempDir();
    const preferenceStore = createMemoryPreferenceStore();
    const first = harness({ userData, preferenceStore });
    const running = (await start(first))!;
    const call = (method: string, params: unknown) => running.core.dispatcher.call(method, params);
    const a = ((await call('workspaces.create', { name: 'Migros' })) as { result: { id: string } }).result.id;
    const b = ((await call('workspaces.create', { name: 'Helsana' })) as { result: { id: string } }).result.id;
    running.shutdown();
    new Preferences(preferenceStore).setLastWorkspaceId(a);
    const core = createCore({ dataDir: userData, appVersion: 't', shell: 'headless', vault: new MemoryVault(), log: () => {} });
    await core.dispatcher.call('workspaces.archive', { id: a });
    core.close();
    FakeBrowserWindow.instances[0]!.close();

    const second = harness({ userData, preferenceStore });
    const again = (await start(second))!;
    const listed = (await again.core.dispatcher.call('workspaces.list', {})) as { result: { activeWorkspaceId: string } };
    expect(listed.result.activeWorkspaceId).toBe(b);
    again.shutdown();
  });

  it('starts with default preferences when the preferences file cannot be opened', async () => {
    const h = harness();
    h.env.openPreferenceStore = async () => {
      throw new Error('EACCES');
    };
    await expect(start(h)).resolves.not.toBeNull();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});
