import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcRenderer } from 'electron';
import { createPreloadClient } from '../../src/preload/client';
import { EVENT_NAMES, IPC_EVENT_CHANNEL, METHOD_NAMES } from '../../src/shared/contract/names';
import type { LeitstandClient } from '../../src/shared/contract/client';

const electron = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]),
  },
  ipcRenderer: {
    invoke: async () => ({ ok: true, result: null }),
    on: () => {},
    removeListener: () => {},
  },
}));

/** ipcRenderer as far as the preload uses it: invoke answers from a table, events via emit. */
class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; params: unknown }> = [];
  answer: (channel: string, params: unknown) => unknown = () => ({ ok: true, result: null });

  async invoke(channel: string, params: unknown): Promise<unknown> {
    this.invocations.push({ channel, params });
    return this.answer(channel, params);
  }
}

function client(ipc = new FakeIpcRenderer()) {
  return { ipc, client: createPreloadClient(ipc as unknown as IpcRenderer) };
}

describe('the preload script', () => {
  beforeAll(async () => {
    await import('../../src/preload/index');
  });

  it("exposes exactly one key, 'leitstand', whose shape is the contract's methods plus on()", () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['leitstand']);
    const api = electron.exposed[0]![1] as Record<string, unknown>;
    const methods: string[] = [];
    for (const [domain, value] of Object.entries(api)) {
      if (domain === 'on') continue;
      for (const [verb, fn] of Object.entries(value as Record<string, unknown>)) {
        expect(fn, `${domain}.${verb}`).toBeTypeOf('function');
        methods.push(`${domain}.${verb}`);
      }
    }
    expect(methods.sort()).toEqual([...METHOD_NAMES].sort());
    expect(api.on).toBeTypeOf('function');
    expect(Object.keys(api).sort()).toEqual([...new Set(METHOD_NAMES.map((m) => m.split('.')[0]!)), 'on'].sort());
  });

  it('has no generic way to reach an arbitrary channel', () => {
    const api = electron.exposed[0]![1] as Record<string, unknown>;
    for (const name of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'call', 'request']) {
      expect(api[name], name).toBeUndefined();
    }
  });
});

describe('the preload client', () => {
  it('invokes each method on its own channel with the params, and resolves with the result', async () => {
    const { ipc, client: api } = client();
    ipc.answer = (channel) => ({ ok: true, result: { channel } });
    await expect(api.workspaces.create({ name: 'Migros' })).resolves.toEqual({ channel: 'leitstand:workspaces.create' });
    await expect(api.settings.get({})).resolves.toEqual({ channel: 'leitstand:settings.get' });
    expect(ipc.invocations).toEqual([
      { channel: 'leitstand:workspaces.create', params: { name: 'Migros' } },
      { channel: 'leitstand:settings.get', params: {} },
    ]);
  });

  it('rejects an error outcome with a plain { name, code, message } object that survives contextBridge', async () => {
    const { ipc, client: api } = client();
    ipc.answer = () => ({ ok: false, error: { code: 'invalid_params', message: 'A workspace needs a name.' } });
    const reason = await api.workspaces.create({ name: '' }).catch((error: unknown) => error);
    expect(reason).toStrictEqual({ name: 'AppError', code: 'invalid_params', message: 'A workspace needs a name.' });
    // Not an Error instance: contextBridge would rebuild that from its message and drop the code.
    expect(reason).not.toBeInstanceOf(Error);
  });

  it('keeps the reason and its details, so the renderer can say it in the user language', async () => {
    const { ipc, client: api } = client();
    const error = { code: 'conflict', message: 'taken', reason: 'workspace_name_taken', details: { name: 'Migros' } };
    ipc.answer = () => ({ ok: false, error });
    const reason = await api.workspaces.create({ name: 'Migros' }).catch((e: unknown) => e);
    expect(reason).toStrictEqual({ name: 'AppError', ...error });
  });

  it('turns transport failures and malformed answers into typed internal errors', async () => {
    const { ipc, client: api } = client();
    ipc.answer = () => {
      throw new Error("No handler registered for 'leitstand:app.info'");
    };
    await expect(api.app.info({})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('No handler') });
    ipc.answer = () => 'surprise';
    await expect(api.app.info({})).rejects.toMatchObject({ code: 'internal' });
  });

  it('on() delivers only payloads of the subscribed event, and unsubscribes', () => {
    const { ipc, client: api } = client();
    const changed = vi.fn();
    const settings = vi.fn();
    const offChanged = api.on('workspaces.changed', changed);
    api.on('settings.changed', settings);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);

    const payload = { workspaces: [], activeWorkspaceId: null };
    ipc.emit(IPC_EVENT_CHANNEL, { sender: 'the IpcRendererEvent must not reach the page' }, { event: 'workspaces.changed', payload });
    expect(changed).toHaveBeenCalledWith(payload);
    expect(changed.mock.calls[0]).toHaveLength(1);
    expect(settings).not.toHaveBeenCalled();

    // Messages that are not well-formed events are ignored.
    ipc.emit(IPC_EVENT_CHANNEL, {}, { event: 'secrets.dump', payload: {} });
    ipc.emit(IPC_EVENT_CHANNEL, {}, 'workspaces.changed');
    ipc.emit(IPC_EVENT_CHANNEL, {}, null);
    expect(changed).toHaveBeenCalledTimes(1);

    offChanged();
    offChanged();
    ipc.emit(IPC_EVENT_CHANNEL, {}, { event: 'workspaces.changed', payload });
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('listens on the event channel only while someone is subscribed', () => {
    const { ipc, client: api } = client();
    const off1 = api.on('workspaces.changed', () => {});
    const off2 = api.on('settings.changed', () => {});
    off1();
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    off2();
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    expect(ipc.eventNames()).toEqual([]);
  });

  it('on() refuses unknown event names and non-function listeners', () => {
    const { ipc, client: api } = client();
    const loose = api as unknown as { on(event: unknown, listener: unknown): () => void };
    for (const name of ['secrets.dump', 'leitstand:event', '', 42, null, 'WORKSPACES.CHANGED']) {
      expect(() => loose.on(name, () => {}), String(name)).toThrow(TypeError);
    }
    expect(() => loose.on(EVENT_NAMES[0], 'not a function')).toThrow(TypeError);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });

  it('a listener that throws does not stop the others', () => {
    const { ipc, client: api } = client();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const second = vi.fn();
    api.on('settings.changed', () => {
      throw new Error('boom');
    });
    api.on('settings.changed', second);
    ipc.emit(IPC_EVENT_CHANNEL, {}, { event: 'settings.changed', payload: { language: 'de', theme: 'dark' } });
    expect(second).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});

// Compile-time check: the exposed object is the contract's client type.
const _typed: (c: LeitstandClient) => void = () => {};
_typed(createPreloadClient(new FakeIpcRenderer() as unknown as IpcRenderer));
