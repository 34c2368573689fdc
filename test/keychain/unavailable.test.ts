// When no keychain can be used, every vault call and the core say so plainly (code
// keychain_unavailable and a message a user can act on), nothing falls back to plain text, and
// deleting a workspace deletes nothing. Each state is produced for real in a child process:
//   no D-Bus session            the child's environment has no bus address and no display
//   a bus, no Secret Service    scripts/with-keyring.mjs --no-keyring
//   keyring never unlocked      scripts/with-keyring.mjs --no-unlock (no default collection)
//   keyring locked              a keyring the child fills and then locks over D-Bus
// The child runs the real TypeScript sources (fixtures/run-ts.mjs + keychainState.scenario.ts).
// Only "keytar is not installed" is simulated, through the vault's load option.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { createCore } from '../../src/main/core/createCore';
import { DATABASE_FILE_NAME } from '../../src/main/core/store/database';
import { createKeytarVault } from '../../src/main/core/vault/keytarVault';
import { tempDir } from '../support/tempDir';
import type { Outcome, ScenarioResult } from './fixtures/keychainState.scenario';

const ROOT = path.resolve(__dirname, '..', '..');
const WITH_KEYRING = path.join(ROOT, 'scripts', 'with-keyring.mjs');
const RUN_TS = path.join(__dirname, 'fixtures', 'run-ts.mjs');
const SCENARIO = path.join(__dirname, 'fixtures', 'keychainState.scenario.ts');
const CHILD_TIMEOUT_MS = 60_000;

interface RunOptions {
  mode?: 'unavailable' | 'locked';
  /** Options for a private keyring of the child's own; null: no with-keyring at all. */
  keyring: string[] | null;
  env?: NodeJS.ProcessEnv;
}

function runScenario({ mode = 'unavailable', keyring, env = process.env }: RunOptions): { result: ScenarioResult; dataDir: string } {
  const dataDir = tempDir();
  const node = process.execPath; // the Node 22 that runs vitest
  const args = keyring === null ? [RUN_TS, SCENARIO] : [WITH_KEYRING, ...keyring, node, RUN_TS, SCENARIO];
  const child = spawnSync(node, args, {
    cwd: ROOT,
    env: { ...env, LEITSTAND_SCENARIO_MODE: mode, LEITSTAND_SCENARIO_DIR: dataDir },
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('SCENARIO-RESULT '));
  if (child.status !== 0 || !line) {
    throw new Error(
      `scenario child failed (status ${child.status}, signal ${child.signal}):\n${child.stdout}\n${child.stderr}`,
    );
  }
  return { result: JSON.parse(line.slice('SCENARIO-RESULT '.length)) as ScenarioResult, dataDir };
}

/** Read straight from the file after the child has gone: what is really left. */
function rowsLeft(dataDir: string, workspaceId: string): { workspace: unknown; accounts: number } {
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return {
      workspace: db.prepare('SELECT id, archived_at IS NOT NULL AS archived FROM workspaces WHERE id = ?').get(workspaceId),
      accounts: (db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE workspace_id = ?').get(workspaceId) as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

function expectUnavailable(outcome: Outcome, message: RegExp, cause: RegExp): void {
  expect(outcome.value, 'an answer where there must be an error').toBeUndefined();
  expect(outcome.error?.code).toBe('keychain_unavailable');
  expect(outcome.error?.message).toMatch(message);
  expect(outcome.error?.cause).toMatch(cause);
}

function expectEveryCallUnavailable(result: ScenarioResult, message: RegExp, cause: RegExp): void {
  const { status, ...calls } = result.ops;
  for (const [name, outcome] of Object.entries(calls)) {
    try {
      expectUnavailable(outcome, message, cause);
    } catch (error) {
      throw new Error(`vault.${name}: ${(error as Error).message}`, { cause: error });
    }
  }
  expect(status.value).toMatchObject({ available: false, reason: expect.stringMatching(message) });
}

function expectCoreRefusedAndKeptEverything(result: ScenarioResult, dataDir: string, message: RegExp): void {
  expect(result.deleteWorkspace).toMatchObject({
    ok: false,
    error: { code: 'keychain_unavailable', message: expect.stringMatching(message) },
  });
  expect(result.appInfo).toMatchObject({
    ok: true,
    result: { keychain: { available: false, reason: expect.stringMatching(message) } },
  });
  expect(rowsLeft(dataDir, result.workspaceId)).toEqual({ workspace: { id: result.workspaceId, archived: 1 }, accounts: 2 });
  expect(result.logs).toEqual([]); // an expected state, not an internal error
}

const SECRET_SERVICE = /Secret Service/;
const NOT_REACHABLE = /No OS keychain \(Secret Service\) is reachable/;
const LOCKED = /Secret Service\) is locked or has no default collection/;

describe('no keychain reachable: the clear error, and no fallback', () => {
  it('without a D-Bus session', { timeout: CHILD_TIMEOUT_MS }, () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    // GLib also tries $XDG_RUNTIME_DIR/bus, which is where with-keyring put our own bus.
    env.XDG_RUNTIME_DIR = tempDir();
    const { result, dataDir } = runScenario({ keyring: null, env });
    expectEveryCallUnavailable(result, NOT_REACHABLE, /Cannot autolaunch D-Bus without X11 \$DISPLAY/);
    expectCoreRefusedAndKeptEverything(result, dataDir, SECRET_SERVICE);
  });

  it('with a session bus but no Secret Service on it', { timeout: CHILD_TIMEOUT_MS }, () => {
    const { result, dataDir } = runScenario({ keyring: ['--no-keyring'] });
    expectEveryCallUnavailable(result, NOT_REACHABLE, /org\.freedesktop\.secrets was not provided by any \.service files/);
    expectCoreRefusedAndKeptEverything(result, dataDir, SECRET_SERVICE);
  });

  it('with a keyring that was never unlocked (no default collection)', { timeout: CHILD_TIMEOUT_MS }, () => {
    const { result, dataDir } = runScenario({ keyring: ['--no-unlock'] });
    // get and delete included: libsecret itself answers "nothing stored" (null, false) here.
    expectEveryCallUnavailable(result, LOCKED, /Object does not exist at path .*\/org\/freedesktop\/secrets\/collection\//);
    expectCoreRefusedAndKeptEverything(result, dataDir, LOCKED);
  });

  it('with a locked keyring that holds secrets: errors, no crash, nothing deleted', { timeout: CHILD_TIMEOUT_MS }, () => {
    // keytar's findCredentials crashes the process on a locked item; the child returning at all
    // (runScenario checks its exit) shows that the vault never lets it get that far.
    const { result, dataDir } = runScenario({ mode: 'locked', keyring: [] });
    expect(result.itemsBeforeLock).toEqual({ unlocked: 3, locked: 0 });
    expect(result.listBeforeLock).toHaveLength(2);
    expectEveryCallUnavailable(result, LOCKED, /Cannot create an item in a locked collection/);
    expectCoreRefusedAndKeptEverything(result, dataDir, LOCKED);
    // Every secret is still in the keyring, now locked: the refused delete removed none.
    expect(result.itemsAfter).toEqual({ unlocked: 0, locked: 3 });
    expect(rowsLeft(dataDir, result.otherWorkspaceId!).accounts).toBe(1);
  });
});

describe('the keytar module is missing', () => {
  const missing = () =>
    createKeytarVault({ load: () => Promise.reject(new Error("Cannot find module 'keytar'")) });
  const HINT = /keytar.*not installed[\s\S]*libsecret-1-dev[\s\S]*ensure-keytar/;

  it('every vault call says so, with how to fix it', async () => {
    const vault = missing();
    const entry = { workspaceId: 'w', accountId: 'a' };
    for (const call of [() => vault.set(entry, 's'), () => vault.get(entry), () => vault.delete(entry), () => vault.list()]) {
      await expect(call()).rejects.toMatchObject({ code: 'keychain_unavailable', message: expect.stringMatching(HINT) });
    }
    expect(await vault.status()).toEqual({ available: false, reason: expect.stringMatching(HINT) });
  });

  it('the core refuses to delete a workspace with accounts and deletes nothing; app.info says why', async () => {
    const dataDir = tempDir();
    const logs: string[] = [];
    const core = createCore({ dataDir, appVersion: '0.0.0-test', shell: 'headless', vault: missing(), log: (l) => logs.push(l) });
    try {
      const created = await core.dispatcher.call('workspaces.create', { name: 'Migros' });
      const id = (created as { result: { id: string } }).result.id;
      const accounts = new AccountRepository(core.store.db);
      accounts.create({ workspaceId: id, network: 'mastodon', handle: '@a@m.example' });
      await core.dispatcher.call('workspaces.archive', { id });

      const deleted = await core.dispatcher.call('workspaces.delete', { id });
      expect(deleted).toMatchObject({ ok: false, error: { code: 'keychain_unavailable', message: expect.stringMatching(HINT) } });
      expect(accounts.listByWorkspace(id)).toHaveLength(1);
      const list = await core.dispatcher.call('workspaces.list', {});
      expect(list).toMatchObject({ ok: true, result: { workspaces: [{ id }] } });

      const info = await core.dispatcher.call('app.info', {});
      expect(info).toMatchObject({ ok: true, result: { keychain: { available: false, reason: expect.stringMatching(HINT) } } });
      expect(logs).toEqual([]);
    } finally {
      core.close();
    }
  });
});
