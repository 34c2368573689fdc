import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/contract/errors';
import { BACKUP_DIR_NAME, DATABASE_FILE_NAME, openStore, type Store } from '../../src/main/core/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../src/main/core/store/migrations';
import { tempDir } from '../support/tempDir';

function hashOf(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function schemaOf(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as Array<{ type: string; name: string; sql: string | null }>
  ).map((row) => `${row.type} ${row.name}: ${(row.sql ?? '').replace(/\s+/g, ' ')}`);
}

function expectStoreError(fn: () => unknown, code: string, messagePart: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'openStore should have refused the file').toBeInstanceOf(AppError);
  expect((caught as AppError).code, (caught as AppError).message).toBe(code);
  expect((caught as AppError).message).toMatch(messagePart);
}

/** Builds a database as an earlier Leitstand would have left it, with a workspace in it. */
function databaseAtVersion(version: number): string {
  const dataDir = tempDir();
  const store = openStore({ dataDir, migrations: MIGRATIONS.slice(0, version) });
  store.db
    .prepare("INSERT INTO workspaces (id, name, position, created_at, updated_at) VALUES ('w1', 'Migros', 0, 'x', 'x')")
    .run();
  store.close();
  return dataDir;
}

describe('store: migrations', () => {
  it('creates a new database at the latest schema, in WAL mode with foreign keys on', () => {
    const dataDir = tempDir();
    const store = openStore({ dataDir });
    try {
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      const recorded = store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect(store.backupFile).toBeNull(); // nothing to back up in a new file
    } finally {
      store.close();
    }
  });

  it('numbers its migrations 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  const earlier = Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1);
  it.each(earlier)('migrates a database from schema %i, keeping its data and backing it up first', (version) => {
    const dataDir = databaseAtVersion(version);
    const fresh = openStore({ dataDir: tempDir() });
    const expectedSchema = schemaOf(fresh.db);
    fresh.close();

    const store = openStore({ dataDir });
    try {
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(schemaOf(store.db)).toEqual(expectedSchema);
      expect(store.db.prepare('SELECT name FROM workspaces').all()).toEqual([{ name: 'Migros' }]);
      expect(store.backupFile).not.toBeNull();
      expect(path.dirname(store.backupFile!)).toBe(path.join(dataDir, BACKUP_DIR_NAME));
      const backup = new Database(store.backupFile!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(version);
      expect(backup.prepare('SELECT name FROM workspaces').all()).toEqual([{ name: 'Migros' }]);
      backup.close();
    } finally {
      store.close();
    }
  });

  it('opens an up-to-date database without migrating or backing it up again', () => {
    const dataDir = tempDir();
    openStore({ dataDir }).close();
    const store = openStore({ dataDir });
    expect(store.backupFile).toBeNull();
    expect(fs.existsSync(path.join(dataDir, BACKUP_DIR_NAME))).toBe(false);
    store.close();
  });

  it('rolls a failing migration back and leaves the earlier schema and its data intact', () => {
    const dataDir = databaseAtVersion(1);
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half (id TEXT); SELECT * FROM no_such_table;' };
    expectStoreError(() => openStore({ dataDir, migrations: [MIGRATIONS[0]!, broken] }), 'store_failed', /no_such_table/);
    const db = new Database(path.join(dataDir, DATABASE_FILE_NAME));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([]);
    expect(db.prepare('SELECT name FROM workspaces').all()).toEqual([{ name: 'Migros' }]);
    db.close();
    expect(fs.readdirSync(path.join(dataDir, BACKUP_DIR_NAME))).toHaveLength(1);
  });
});

describe('store: files it must refuse, untouched', () => {
  it('refuses a file another Leitstand has open', () => {
    const dataDir = tempDir();
    const first: Store = openStore({ dataDir });
    try {
      const file = path.join(dataDir, DATABASE_FILE_NAME);
      const before = hashOf(file);
      expectStoreError(() => openStore({ dataDir, busyTimeoutMs: 50 }), 'store_locked', /in use by another program/);
      expect(hashOf(file)).toBe(before);
      // The first one still works.
      first.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    } finally {
      first.close();
    }
  });

  it('refuses a file another program holds an exclusive lock on', () => {
    const dataDir = tempDir();
    openStore({ dataDir }).close();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const other = new Database(file);
    other.pragma('journal_mode = DELETE');
    other.exec('BEGIN EXCLUSIVE');
    const before = hashOf(file);
    try {
      expectStoreError(() => openStore({ dataDir, busyTimeoutMs: 50 }), 'store_locked', /in use/);
      expect(hashOf(file)).toBe(before);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('refuses a read-only database file and folder with a clear error', () => {
    const dataDir = databaseAtVersion(LATEST_SCHEMA_VERSION);
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const before = hashOf(file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dataDir, 0o555);
    // root ignores file modes; act as an ordinary user (nobody) for the attempt, as a user would be.
    const asRoot = process.getuid?.() === 0;
    try {
      if (asRoot) process.seteuid!(65534);
      expectStoreError(() => openStore({ dataDir }), 'store_read_only', /read-only/);
    } finally {
      if (asRoot) process.seteuid!(0);
      fs.chmodSync(dataDir, 0o755);
      fs.chmodSync(file, 0o644);
    }
    expect(hashOf(file)).toBe(before);
  });

  it('refuses a database written by a newer Leitstand', () => {
    const dataDir = tempDir();
    const store = openStore({ dataDir });
    store.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    store.close();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const before = hashOf(file);
    expectStoreError(() => openStore({ dataDir }), 'store_future_version', /newer version of Leitstand/);
    expect(hashOf(file)).toBe(before);
    expect(fs.existsSync(path.join(dataDir, BACKUP_DIR_NAME))).toBe(false);
  });

  it.each([
    ['text', Buffer.from('these are my notes, not a database\n'.repeat(100))],
    ['random bytes', crypto.randomBytes(8192)],
    ['an SQLite header over garbage', Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), crypto.randomBytes(8176)])],
  ])('refuses a file that is not a database (%s)', (_name, content) => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    fs.writeFileSync(file, content);
    const before = hashOf(file);
    expectStoreError(() => openStore({ dataDir }), 'store_not_database', /not a (usable )?Leitstand database/);
    expect(hashOf(file)).toBe(before);
    expect(fs.readdirSync(dataDir)).toEqual([DATABASE_FILE_NAME]);
  });
});
