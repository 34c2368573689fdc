import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenStoreOptions {
  dataDir: string;
  /** Overridable so that tests can build databases at every earlier version. */
  migrations?: readonly Migration[];
  /** How long to wait for another process to let go of the file before saying it is locked. */
  busyTimeoutMs?: number;
  now?: () => Date;
}

export interface Store {
  db: Db;
  file: string;
  schemaVersion: number;
  /** The backup taken before this launch migrated an existing database, if it did. */
  backupFile: string | null;
  close(): void;
}

export const DATABASE_FILE_NAME = 'leitstand.sqlite';
export const BACKUP_DIR_NAME = 'backups';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens (or creates) the installation's database and brings its schema up to date.
 *
 * Order matters: every check that can refuse the file runs before anything writes to it, so a
 * file we refuse (locked, read-only, from a newer Leitstand, not a database) is left byte for
 * byte as it was.
 */
export function openStore(options: OpenStoreOptions): Store {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  const file = path.join(options.dataDir, DATABASE_FILE_NAME);

  ensureDataDir(options.dataDir);
  const exists = fs.existsSync(file);
  if (exists) {
    assertLooksLikeSqlite(file);
    assertWritable(file, options.dataDir);
  }

  let db: Db;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 2000 });
  } catch (error) {
    throw translateSqliteError(error, file);
  }

  try {
    // One Leitstand process owns the file: a second one (or any other writer) is refused
    // instead of interleaving writes, which matters most for the exactly-once outbox.
    // Set before the first read so the lock is held from the first access on.
    db.pragma('locking_mode = EXCLUSIVE');
    const version = readSchemaVersion(db, file);
    if (version > latest) {
      throw new AppError(
        'store_future_version',
        `The database ${file} was written by a newer version of Leitstand (schema ${version}; this version knows up to ${latest}). ` +
          'Update Leitstand to open it. The file was not changed.',
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // 64 MiB of page cache (SQLite's default is 2 MiB): with a million items the unique and
    // column indexes no longer fit in 2 MiB, and ingest and paging start reading from disk.
    db.pragma('cache_size = -65536');
    // Take the exclusive lock now, so "locked" is detected at open and not on a later write.
    db.exec('BEGIN IMMEDIATE; COMMIT;');

    let backupFile: string | null = null;
    if (version < latest && version > 0) {
      backupFile = backupBeforeMigration(db, options.dataDir, version, options.now?.() ?? new Date());
    }
    migrate(db, migrations, version);
    return {
      db,
      file,
      schemaVersion: latest,
      backupFile,
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    if (db.open) db.close();
    throw translateSqliteError(error, file);
  }
}

function ensureDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new AppError('store_failed', `The data folder ${dataDir} cannot be created: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function assertLooksLikeSqlite(file: string): void {
  const stat = fs.statSync(file);
  if (stat.size === 0) return; // an empty file is a database that was never written
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw new AppError(
      'store_not_database',
      `The file ${file} is not a Leitstand database (it is not an SQLite file). It was not changed; ` +
        'move it away or choose another data folder.',
    );
  }
}

function assertWritable(file: string, dataDir: string): void {
  // access(2) checks the real user, not the effective one, so try the real operations instead.
  const probe = path.join(dataDir, `.leitstand-write-probe-${process.pid}`);
  for (const [target, attempt] of [
    [file, () => fs.closeSync(fs.openSync(file, 'r+'))],
    [dataDir, () => (fs.writeFileSync(probe, ''), fs.rmSync(probe))],
  ] as const) {
    try {
      attempt();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
      throw new AppError(
        'store_read_only',
        `Leitstand cannot write to ${target}: it is read-only for this user. Nothing was changed; ` +
          'make the data folder and its database file writable, or choose another data folder.',
      );
    }
  }
}

function readSchemaVersion(db: Db, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw translateSqliteError(error, file);
  }
}

function backupBeforeMigration(db: Db, dataDir: string, fromVersion: number, now: Date): string {
  const dir = path.join(dataDir, BACKUP_DIR_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `leitstand-schema${fromVersion}-${stamp}.sqlite`);
  // VACUUM INTO writes a consistent copy through this connection, WAL contents included.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

function migrate(db: Db, migrations: readonly Migration[], fromVersion: number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations.slice(fromVersion)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

interface SqliteErrorLike {
  code?: string;
  message?: string;
}

export function translateSqliteError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const { code = '', message = String(error) } = (error ?? {}) as SqliteErrorLike;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError(
      'store_locked',
      `The database ${file} is in use by another program (is Leitstand already running?). Nothing was changed; ` +
        'close the other program and try again.',
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError(
      'store_read_only',
      `Leitstand cannot write to ${file}: ${message}. Nothing was changed.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError(
      'store_not_database',
      `The file ${file} is not a usable Leitstand database (${message}). It was not changed.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    return new AppError('store_failed', `Leitstand could not write to ${file}: ${message}. Is the disk full, or the folder not writable?`, {
      cause: error,
    });
  }
  return new AppError('store_failed', `The database ${file} could not be used: ${message}`, { cause: error });
}

export { LATEST_SCHEMA_VERSION };
