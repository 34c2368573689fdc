import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import WebSocket from 'ws';
import { createCore } from '../../src/main/core/createCore';
import { openStore } from '../../src/main/core/store/database';
import { startHost } from '../../src/main/host/server';
import { percentile, record, timeMs, timeMsAsync, wanted } from '../record';

const quietVault = {
  status: async () => ({ available: false, reason: 'not used by the benchmark' }),
  set: async () => {},
  get: async () => null,
  delete: async () => false,
  list: async () => [],
};

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-bench-'));
}

it('store.open_new_ms, store.open_existing_ms', () => {
  if (!wanted('store.open_new_ms_p50', 'store.open_existing_ms_p50')) return;
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < 20; i++) {
    const dir = scratch();
    fresh.push(timeMs(() => openStore({ dataDir: dir }).close()));
    existing.push(timeMs(() => openStore({ dataDir: dir }).close()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  record('store.open_new_ms_p50', percentile(fresh, 50), 'ms');
  record('store.open_existing_ms_p50', percentile(existing, 50), 'ms');
});

it('core.workspaces_create_ms_p50, core.workspaces_list_ms_p50 (500 workspaces)', async () => {
  if (!wanted('core.workspaces_create_ms_p50', 'core.workspaces_list_500_ms_p50')) return;
  const dir = scratch();
  const core = createCore({ dataDir: dir, appVersion: 'bench', shell: 'headless', vault: quietVault, log: () => {} });
  const creates: number[] = [];
  for (let i = 0; i < 500; i++) {
    creates.push(await timeMsAsync(() => core.dispatcher.call('workspaces.create', { name: `Client ${i}` })));
  }
  const lists: number[] = [];
  for (let i = 0; i < 200; i++) lists.push(await timeMsAsync(() => core.dispatcher.call('workspaces.list', {})));
  record('core.workspaces_create_ms_p50', percentile(creates, 50), 'ms');
  record('core.workspaces_list_500_ms_p50', percentile(lists, 50), 'ms');
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('host.roundtrip_ms_p50 and p99 (workspaces.list over the WebSocket bridge)', async () => {
  if (!wanted('host.roundtrip_ms_p50', 'host.roundtrip_ms_p99')) return;
  const dir = scratch();
  const core = createCore({ dataDir: dir, appVersion: 'bench', shell: 'headless', vault: quietVault, log: () => {} });
  await core.dispatcher.call('workspaces.create', { name: 'Migros' });
  const host = await startHost({ core, rendererDir: dir, port: 0 });
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  const samples: number[] = [];
  for (let id = 0; id < 1000; id++) {
    samples.push(
      await timeMsAsync(
        () =>
          new Promise<void>((resolve) => {
            socket.once('message', () => resolve());
            socket.send(JSON.stringify({ id, method: 'workspaces.list', params: {} }));
          }),
      ),
    );
  }
  record('host.roundtrip_ms_p50', percentile(samples, 50), 'ms');
  record('host.roundtrip_ms_p99', percentile(samples, 99), 'ms');
  socket.close();
  await host.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
