import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { DatabaseTooNewError } from './errors';
import { latestVersion, loadMigrations, migrate, type Migration, type MigrationResult } from './migrate';

export type { Db };

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron passes its own ABI build). */
  nativeBinding?: string | undefined;
  /** Create the file when it does not exist (default false: a missing file is an error). */
  create?: boolean;
  /** Run pending migrations (default true). */
  migrate?: boolean;
  migrations?: Migration[];
  /**
   * Open only to look: no migrations, no journal-mode switch, nothing written.
   * The handle is read-write on purpose: a read-only handle would leave empty
   * -wal/-shm files behind, while a read-write one lets SQLite tidy them on close.
   */
  inspect?: boolean;
}

export interface OpenedDatabase {
  db: Db;
  migration: MigrationResult | null;
}

function driverOptions(opts: OpenOptions, extra: Database.Options = {}): Database.Options {
  return opts.nativeBinding ? { ...extra, nativeBinding: opts.nativeBinding } : extra;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Reads the schema version (PRAGMA user_version, bytes 60–63 of the file
 * header) without opening the database, so a file from a newer Patron is
 * refused while staying byte-identical and without -wal/-shm files appearing.
 */
export function peekSchemaVersion(file: string): number {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return 0; // an empty file is a new, empty database
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new Error(`${file} is not a Patron database (it is not an SQLite file)`);
  }
  return header.readUInt32BE(60);
}

export function applyConnectionPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: a committed edit survives power loss, not just an app crash. Staff
  // edits are small, so the extra fsync per commit is not felt.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  const migrations = opts.migrations ?? loadMigrations();
  const exists = existsSync(file);
  if (!exists && !opts.create) throw new Error(`database file not found: ${file}`);
  if (exists) {
    const version = peekSchemaVersion(file);
    if (version > latestVersion(migrations)) throw new DatabaseTooNewError(file, version, latestVersion(migrations));
  }
  const db = new Database(file, driverOptions(opts, { fileMustExist: exists }));
  try {
    if (opts.inspect) {
      db.pragma('busy_timeout = 5000');
      return { db, migration: null };
    }
    applyConnectionPragmas(db);
    const migration = opts.migrate === false ? null : migrate(db, migrations);
    return { db, migration };
  } catch (err) {
    db.close();
    throw err;
  }
}
