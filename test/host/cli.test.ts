import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDir } from '../support/tempDir';

const root = path.resolve(__dirname, '../..');
const hostScript = path.join(root, 'out', 'main', 'host.js');
const running: ChildProcess[] = [];

beforeAll(() => {
  // npm test builds before the unit tests; a developer running this file alone gets a build too.
  if (!fs.existsSync(hostScript)) {
    const build = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
    expect(build.status, 'electron-vite build failed').toBe(0);
  }
}, 180_000);

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Launched {
  child: ChildProcess;
  firstLine: Promise<string>;
  stderr: () => string;
  exit: Promise<number | null>;
}

function launch(args: string[]): Launched {
  const child = spawn(process.execPath, [hostScript, ...args], { cwd: root, env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: '' } });
  running.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines = readline.createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolve) => {
    lines.once('line', resolve);
    child.once('exit', () => resolve(''));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, firstLine, stderr: () => stderr, exit };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function createWorkspace(url: string, name: string): Promise<void> {
  const { port, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token');
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { origin: `http://127.0.0.1:${port}` });
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  const reply = await new Promise<string>((resolve) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.id === 1) resolve(JSON.stringify(frame));
    });
    socket.send(JSON.stringify({ id: 1, method: 'workspaces.create', params: { name } }));
  });
  expect(reply).toContain(name);
  socket.close();
}

// These start real processes: generous timeouts, so a busy machine does not fail them.
describe('npm run serve (the host process)', { timeout: 30_000 }, () => {
  it('prints the URL with a fresh token as its first line, on the port asked for', async () => {
    const port = await freePort();
    const first = launch(['--port', String(port), '--data-dir', tempDir()]);
    const url = await first.firstLine;
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/#token=[A-Za-z0-9_-]{43}$`));
    const second = launch(['--port', '0', '--data-dir', tempDir()]);
    const otherUrl = await second.firstLine;
    expect(new URL(otherUrl).hash).not.toBe(new URL(url).hash);
  });

  it('listens on 127.0.0.1 only', async () => {
    const launched = launch(['--data-dir', tempDir()]);
    const { port } = new URL(await launched.firstLine);
    const onIpv6Loopback = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '::1', port: Number(port) });
      socket.once('connect', () => (socket.destroy(), resolve('connected')));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(onIpv6Loopback).not.toBe('connected');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('shuts down cleanly on %s, keeping what was stored', async (signal) => {
    const dataDir = tempDir();
    const launched = launch(['--data-dir', dataDir]);
    await createWorkspace(await launched.firstLine, 'Helsana');
    launched.child.kill(signal);
    expect(await launched.exit).toBe(0);
    // The lock is released and the data is there.
    const db = new Database(path.join(dataDir, 'leitstand.sqlite'));
    expect(db.prepare('SELECT name FROM workspaces').all()).toEqual([{ name: 'Helsana' }]);
    db.close();
  });

  it('refuses to start on a data folder another Leitstand has open, and says so', async () => {
    const dataDir = tempDir();
    const first = launch(['--data-dir', dataDir]);
    await first.firstLine;
    const second = launch(['--data-dir', dataDir]);
    expect(await second.exit).toBe(1);
    expect(await second.firstLine).toBe('');
    expect(second.stderr()).toMatch(/in use by another program/);
  });

  it.each([
    [['--port', 'abc'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--colour', 'blue'], /Unknown option/i],
  ])('refuses bad arguments %j with a clear message', async (args, message) => {
    const launched = launch(args);
    expect(await launched.exit).toBe(1);
    expect(launched.stderr()).toMatch(message);
  });
});
