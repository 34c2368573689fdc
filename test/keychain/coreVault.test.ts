// The core with the real keytar vault on the real Secret Service (scripts/with-keyring.mjs) and a
// real SQLite file: deleting a workspace takes exactly its secrets out of the keychain, and no
// secret ever reaches the data folder or the logs.

import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { createCore, type Core } from '../../src/main/core/createCore';
import { openStore } from '../../src/main/core/store/database';
import { MIGRATIONS } from '../../src/main/core/store/migrations';
import { createKeytarVault } from '../../src/main/core/vault/keytarVault';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import { tempDir } from '../support/tempDir';

const opened: Core[] = [];

beforeAll(() => {
  // These tests write to the session's keyring: only ever the private one of with-keyring.
  expect(process.env.LEITSTAND_PRIVATE_KEYRING, 'run these through npm run test:keychain').toBe('1');
});

function openCore(dataDir: string, log: (line: string) => void = () => {}): Core {
  const core = createCore({ dataDir, appVersion: '0.0.0-test', shell: 'headless', vault: createKeytarVault(), log });
  opened.push(core);
  return core;
}

afterEach(() => {
  for (const core of opened.splice(0)) {
    try {
      core.close();
    } catch {
      // already closed by the test
    }
  }
});

async function ok<T>(core: Core, method: string, params: unknown = {}): Promise<T> {
  const outcome = await core.dispatcher.call(method, params);
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

function accountRows(core: Core, workspaceId: string): number {
  return (core.store.db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE workspace_id = ?').get(workspaceId) as { n: number }).n;
}

function workspaceRow(core: Core, id: string): unknown {
  return core.store.db.prepare('SELECT id, archived_at FROM workspaces WHERE id = ?').get(id);
}

describe('deleting a workspace through the core', () => {
  it('removes exactly that workspace\'s secrets and rows, and leaves another workspace alone', async () => {
    const core = openCore(tempDir());
    const accounts = new AccountRepository(core.store.db);
    const a = await ok<{ id: string }>(core, 'workspaces.create', { name: 'Migros' });
    const b = await ok<{ id: string }>(core, 'workspaces.create', { name: 'Helsana' });
    const a1 = accounts.create({ workspaceId: a.id, network: 'mastodon', handle: '@social@migros.example' });
    const a2 = accounts.create({ workspaceId: a.id, network: 'bluesky', handle: 'migros.example' });
    const b1 = accounts.create({ workspaceId: b.id, network: 'mastodon', handle: '@team@helsana.example' });
    await core.vault.set({ workspaceId: a.id, accountId: a1.id }, 'secret-a1');
    await core.vault.set({ workspaceId: a.id, accountId: a2.id }, 'secret-a2');
    await core.vault.set({ workspaceId: b.id, accountId: b1.id }, 'secret-b1');
    // A secret whose account row is already gone (say, a crash between the two): still A's.
    await core.vault.set({ workspaceId: a.id, accountId: 'orphan' }, 'secret-orphan');
    expect(await core.vault.list(a.id)).toHaveLength(3);

    await ok(core, 'workspaces.archive', { id: a.id });
    expect(await ok(core, 'workspaces.delete', { id: a.id })).toEqual({ id: a.id });

    expect(await core.vault.list(a.id)).toEqual([]);
    expect(await core.vault.get({ workspaceId: a.id, accountId: a1.id })).toBeNull();
    expect(await core.vault.get({ workspaceId: a.id, accountId: 'orphan' })).toBeNull();
    expect(accountRows(core, a.id)).toBe(0);
    expect(workspaceRow(core, a.id)).toBeUndefined();

    expect(await core.vault.list(b.id)).toEqual([{ workspaceId: b.id, accountId: b1.id }]);
    expect(await core.vault.get({ workspaceId: b.id, accountId: b1.id })).toBe('secret-b1');
    expect(accountRows(core, b.id)).toBe(1);
    const list = await ok<{ workspaces: Array<{ id: string }> }>(core, 'workspaces.list');
    expect(list.workspaces.map((w) => w.id)).toEqual([b.id]);

    await ok(core, 'workspaces.archive', { id: b.id });
    await ok(core, 'workspaces.delete', { id: b.id });
    expect(await core.vault.list(b.id)).toEqual([]);
  });

  it('refuses to delete a workspace that is not archived, and removes nothing', async () => {
    const core = openCore(tempDir());
    const accounts = new AccountRepository(core.store.db);
    const w = await ok<{ id: string }>(core, 'workspaces.create', { name: 'Own brand' });
    const account = accounts.create({ workspaceId: w.id, network: 'mastodon', handle: '@me@brand.example' });
    const entry = { workspaceId: w.id, accountId: account.id };
    await core.vault.set(entry, 'secret-kept');

    const outcome = await core.dispatcher.call('workspaces.delete', { id: w.id });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await core.vault.get(entry)).toBe('secret-kept');
    expect(await core.vault.list(w.id)).toEqual([entry]);
    expect(accountRows(core, w.id)).toBe(1);
    expect(workspaceRow(core, w.id)).toMatchObject({ id: w.id, archived_at: null });

    await ok(core, 'workspaces.archive', { id: w.id });
    await ok(core, 'workspaces.delete', { id: w.id });
    expect(await core.vault.get(entry)).toBeNull();
  });

  it('reports the keychain as available in app.info', async () => {
    const core = openCore(tempDir());
    const info = await ok<{ keychain: unknown }>(core, 'app.info');
    expect(info.keychain).toEqual({ available: true });
  });
});

describe('secrets never reach the disk or the logs', () => {
  const captured: string[] = [];
  const restore: Array<() => void> = [];

  beforeEach(() => {
    captured.length = 0;
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write;
      stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
        captured.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
        // Recorded, not printed: vitest reports through its own channel, and a leak must not
        // end up in CI logs either.
        const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      } as typeof stream.write;
      restore.push(() => {
        stream.write = original;
      });
    }
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      const spy = vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        captured.push(args.map(String).join(' '));
      });
      restore.push(() => spy.mockRestore());
    }
  });

  afterEach(() => {
    for (const undo of restore.splice(0).reverse()) undo();
  });

  function filesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name));
  }

  function occurrences(haystack: Buffer, secret: string): string[] {
    const found: string[] = [];
    if (haystack.includes(Buffer.from(secret, 'utf8'))) found.push('utf8');
    if (haystack.includes(Buffer.from(secret, 'utf16le'))) found.push('utf16le');
    return found;
  }

  function scan(dataDir: string, secrets: string[]): string[] {
    const hits: string[] = [];
    for (const file of filesUnder(dataDir)) {
      const bytes = fs.readFileSync(file);
      for (const secret of secrets) {
        for (const encoding of occurrences(bytes, secret)) hits.push(`${path.relative(dataDir, file)} holds ${secret} (${encoding})`);
      }
    }
    return hits;
  }

  it('after storing, reading, listing and deleting them, with a backup, WAL and restart', async () => {
    const dataDir = tempDir();
    // An older database first, so that opening the core migrates it and leaves a backup behind.
    const old = openStore({ dataDir, migrations: MIGRATIONS.slice(0, 1) });
    new WorkspaceRepository(old.db).create('Vor der Migration');
    old.close();

    const logLines: string[] = [];
    const core = openCore(dataDir, (line) => logLines.push(line));
    expect(core.store.backupFile).toBeTruthy();

    const tag = randomUUID();
    const secrets = [
      `mastodon-token-${tag}`,
      `bluesky-app-password-${tag}-Gëhéim-🔑-秘密`,
      `feed-basic-auth-${tag}-${'z'.repeat(3000)}`,
    ];
    const accounts = new AccountRepository(core.store.db);
    const keep = await ok<{ id: string }>(core, 'workspaces.create', { name: 'Migros' });
    const gone = await ok<{ id: string }>(core, 'workspaces.create', { name: 'Helsana' });
    const entry = (workspaceId: string, network: string, handle: string) => ({
      workspaceId,
      accountId: accounts.create({ workspaceId, network, handle }).id,
    });
    const kept1 = entry(keep.id, 'mastodon', '@a@m.example');
    const kept2 = entry(keep.id, 'bluesky', 'b.example');
    const deleted = entry(gone.id, 'feed', 'https://f.example/rss');
    const stored = [
      { entry: kept1, secret: secrets[0] ?? '' },
      { entry: kept2, secret: secrets[1] ?? '' },
      { entry: deleted, secret: secrets[2] ?? '' },
    ];
    for (const { entry, secret } of stored) await core.vault.set(entry, secret);
    for (const { entry, secret } of stored) expect(await core.vault.get(entry)).toBe(secret);

    const answers: unknown[] = [];
    answers.push(await core.vault.list());
    answers.push(await ok(core, 'app.info'));
    answers.push(await ok(core, 'workspaces.rename', { id: keep.id, name: 'Migros Social' }));
    answers.push(await ok(core, 'settings.set', { language: 'de' }));
    answers.push(await ok(core, 'workspaces.archive', { id: gone.id }));
    answers.push(await core.dispatcher.call('workspaces.delete', { id: keep.id })); // refused: not archived
    answers.push(await ok(core, 'workspaces.delete', { id: gone.id }));
    answers.push(await ok(core, 'workspaces.list'));
    answers.push(await core.dispatcher.call('no.such.method', { token: 'x' }));
    expect(await core.vault.get(deleted)).toBeNull();

    for (const secret of secrets) expect(JSON.stringify(answers)).not.toContain(secret);
    // While the core runs: the main file, the WAL and anything else in the folder.
    const whileOpen = filesUnder(dataDir).map((f) => path.relative(dataDir, f));
    expect(whileOpen).toContain('leitstand.sqlite-wal');
    expect(scan(dataDir, secrets)).toEqual([]);
    core.close();
    // After a checkpoint at close, and once more after a restart.
    expect(scan(dataDir, secrets)).toEqual([]);
    const again = openCore(dataDir, (line) => logLines.push(line));
    expect(await again.vault.get(kept1)).toBe(stored[0]?.secret);
    again.close();
    expect(scan(dataDir, secrets)).toEqual([]);

    const files = filesUnder(dataDir).map((f) => path.relative(dataDir, f));
    expect(files).toContain('leitstand.sqlite');
    expect(files.some((f) => f.startsWith('backups'))).toBe(true);
    // The scan does see what is stored: names are in the database and in the backup.
    const sqlite = Buffer.concat(filesUnder(dataDir).filter((f) => !f.includes('backups')).map((f) => fs.readFileSync(f)));
    expect(occurrences(sqlite, 'Migros Social')).toContain('utf8');
    const backup = Buffer.concat(filesUnder(path.join(dataDir, 'backups')).map((f) => fs.readFileSync(f)));
    expect(occurrences(backup, 'Vor der Migration')).toContain('utf8');

    const logs = [...logLines, ...captured].join('\n');
    for (const secret of secrets) {
      expect(occurrences(Buffer.from(logs, 'utf8'), secret)).toEqual([]);
    }
    for (const kept of [kept1, kept2]) expect(await createKeytarVault().delete(kept)).toBe(true);
  });

  it('the log capture itself works (so that an empty result above means something)', () => {
    const canary = `canary-${randomUUID()}`;
    console.error(canary);
    process.stderr.write(`${canary}-stderr\n`);
    const logs = captured.join('\n');
    expect(logs).toContain(canary);
    expect(logs).toContain(`${canary}-stderr`);
  });
});
