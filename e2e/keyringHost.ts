import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from './fixtures';

/**
 * Connecting an account puts its token into the OS keychain, and Leitstand never falls back to
 * anything else. So the specs that connect accounts run their host inside a private D-Bus session
 * with a real, unlocked gnome-keyring (scripts/with-keyring.mjs, as the keychain tests do): the
 * secrets go where a user's would, and nothing of the machine's own keyring is touched.
 */

const ROOT = path.resolve(__dirname, '..');
const HOST_SCRIPT = path.join(ROOT, 'out/main/host.js');
const WITH_KEYRING = path.join(ROOT, 'scripts/with-keyring.mjs');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
/** Hosts being stopped on purpose. */
const stopping = new WeakSet<ChildProcess>();

export interface KeyringHost {
  /** The URL the host printed, with its token. */
  url: string;
  origin: string;
  dataDir: string;
}

async function start(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [WITH_KEYRING, '--', process.execPath, HOST_SCRIPT, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The host printed no URL within ${START_TIMEOUT_MS} ms.\n${stderr}`));
    }, START_TIMEOUT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The host (in a private keyring) exited (${code ?? signal}) before printing its URL.\n${stderr}`));
    });
  });
  // A host that dies during the test would only show as "connection lost" in the page: say why.
  child.once('exit', (code, signal) => {
    if (!stopping.has(child)) console.error(`[e2e] the host exited during the test (${code ?? signal}):\n${stderr}`);
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/.test(url)) {
    await stop(child);
    throw new Error(`The host's first line is not the URL to open: ${JSON.stringify(url)}\n${stderr}`);
  }
  return { url, child };
}

/** SIGTERM reaches with-keyring, which stops the host, then the keyring and the bus, and cleans up. */
async function stop(child: ChildProcess): Promise<void> {
  stopping.add(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** The e2e fixtures plus `keyringHost`: a fresh host and data folder per test, with a private keychain. */
export const test = base.extend<{ keyringHost: KeyringHost }>({
  // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  keyringHost: async ({}, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'leitstand-e2e-accounts-'));
    const { url, child } = await start(dataDir);
    try {
      await use({ url, origin: new URL(url).origin, dataDir });
    } finally {
      await stop(child);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from './fixtures';
