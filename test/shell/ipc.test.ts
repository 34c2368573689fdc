import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { createCore, type Core } from '../../src/main/core';
import { createTrustedSenderCheck, forwardEvents, registerIpc } from '../../src/main/shell/ipc';
import { appPaths } from '../../src/main/shell/paths';
import { createAppUrlMatcher } from '../../src/main/shell/security';
import { IPC_EVENT_CHANNEL, METHOD_NAMES, ipcChannelFor } from '../../src/shared/contract/names';
import { FakeFrame, FakeIpcMain, FakeWebContents, MemoryVault, tempDir } from './fakes';

vi.mock('electron', () => ({}));

const paths = appPaths('/opt/Leitstand/out/main');
const isAppUrl = createAppUrlMatcher(paths.indexUrl);

let core: Core;
let ipcMain: FakeIpcMain;
let contents: FakeWebContents;
let window: { webContents: FakeWebContents; isDestroyed(): boolean };
let dispose: () => void;

beforeEach(() => {
  core = createCore({ dataDir: tempDir(), appVersion: '0.1.0-test', shell: 'desktop', vault: new MemoryVault(), log: () => {} });
  ipcMain = new FakeIpcMain();
  contents = new FakeWebContents(paths.indexUrl);
  window = { webContents: contents, isDestroyed: () => false };
  dispose = registerIpc(
    ipcMain as unknown as IpcMain,
    core,
    createTrustedSenderCheck(() => window as unknown as BrowserWindow, isAppUrl),
    () => {},
  );
});

afterEach(() => {
  dispose();
  core.close();
});

function invoke(method: string, params: unknown, event: Partial<IpcMainInvokeEvent> = trusted()) {
  const handler = ipcMain.handlers.get(ipcChannelFor(method as never));
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler(event, params) as Promise<unknown>;
}

function trusted(): Partial<IpcMainInvokeEvent> {
  return { sender: contents as unknown as WebContents, senderFrame: contents.mainFrame as never };
}

describe('ipc wiring', () => {
  it('registers exactly one handler per contract method and no other channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `leitstand:${m}`).sort());
  });

  it('removes exactly those handlers again, once', () => {
    dispose();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes a trusted call through to the real core and returns its result', async () => {
    const created = (await invoke('workspaces.create', { name: '  Migros  ' })) as { ok: true; result: { id: string; name: string } };
    expect(created.ok).toBe(true);
    expect(created.result.name).toBe('Migros');
    const listed = await invoke('workspaces.list', {});
    expect(listed).toEqual({
      ok: true,
      result: { workspaces: [expect.objectContaining({ id: created.result.id, name: 'Migros' })], activeWorkspaceId: created.result.id },
    });
    const info = (await invoke('app.info', undefined)) as { ok: true; result: { shell: string; keychain: unknown } };
    expect(info.result.shell).toBe('desktop');
  });

  it('answers bad params with a typed error object instead of throwing', async () => {
    await expect(invoke('workspaces.create', { name: '' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_params', message: expect.stringContaining('workspaces.create') },
    });
    await expect(invoke('workspaces.rename', { id: 'not-a-uuid', name: 'x', extra: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_params' },
    });
    await expect(invoke('settings.set', 'language=de')).resolves.toMatchObject({ ok: false, error: { code: 'invalid_params' } });
  });

  it('refuses a sender that is not our window with unauthorized, and the core is not touched', async () => {
    const stranger = new FakeWebContents(paths.indexUrl);
    const foreignSender = { sender: stranger as unknown as WebContents, senderFrame: stranger.mainFrame as never };
    const subFrame = { sender: contents as unknown as WebContents, senderFrame: new FakeFrame(paths.indexUrl) as never };
    const noFrame = { sender: contents as unknown as WebContents, senderFrame: null };
    for (const event of [foreignSender, subFrame, noFrame]) {
      await expect(invoke('workspaces.create', { name: 'Sneaky' }, event)).resolves.toEqual({
        ok: false,
        error: { code: 'unauthorized', message: expect.any(String) },
      });
    }
    const listed = (await invoke('workspaces.list', {})) as { result: { workspaces: unknown[] } };
    expect(listed.result.workspaces).toEqual([]);
  });

  it('refuses our own main frame once it shows anything but the app page', async () => {
    contents.mainFrame.url = 'https://evil.example/';
    await expect(invoke('workspaces.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses everything once the window is gone', async () => {
    window.isDestroyed = () => true;
    await expect(invoke('workspaces.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('event forwarding', () => {
  it('sends core events to the window as { event, payload } on the event channel', async () => {
    const stop = forwardEvents(core.events, () => contents as unknown as WebContents, isAppUrl);
    await invoke('workspaces.create', { name: 'Helsana' });
    await invoke('settings.set', { language: 'de' });
    stop();
    await invoke('workspaces.create', { name: 'After stop' });

    expect(contents.sent.map((m) => m.channel)).toEqual([IPC_EVENT_CHANNEL, IPC_EVENT_CHANNEL]);
    expect(contents.sent[0]!.message).toEqual({
      event: 'workspaces.changed',
      payload: { workspaces: [expect.objectContaining({ name: 'Helsana' })], activeWorkspaceId: expect.any(String) },
    });
    expect(contents.sent[1]!.message).toEqual({ event: 'settings.changed', payload: { language: 'de', theme: 'system' } });
  });

  it('drops events while the window is gone or shows a foreign page', async () => {
    let current: FakeWebContents | null = null;
    const stop = forwardEvents(core.events, () => current as unknown as WebContents | null, isAppUrl);
    await invoke('workspaces.create', { name: 'No window' });
    current = new FakeWebContents('https://evil.example/');
    await invoke('workspaces.create', { name: 'Foreign page' });
    expect(current.sent).toEqual([]);
    current.destroyed = true;
    await invoke('workspaces.create', { name: 'Destroyed' });
    expect(current.sent).toEqual([]);
    stop();
  });
});
