import { accessSync, closeSync, constants, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { DatabaseFileError, DatabaseTooNewError } from './errors';
import { latestVersion, loadMigrations, migrate, schemaVersion, type Migration, type MigrationResult } from './migrate';

export type { Db };

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron passes its own ABI build). */
  nativeBinding?: string | undefined;
  /**
   * Make a new database: the file may be missing, zero bytes or an SQLite file
   * without tables (default false: all three are refused). Only `patron init`,
   * `patron demo` and the app's first start pass it.
   */
  create?: boolean;
  /** Take over an SQLite file of another program (`patron adopt`): Patron's schema is added beside its tables. */
  adopt?: boolean;
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

/** PRAGMA application_id of every Patron database ('PTRN'), set by migration 0011. */
export const PATRON_APPLICATION_ID = 0x5054524e;

/** Tables every Patron schema since 0001 has: how a file from before the marker is recognised. */
const PATRON_CORE_TABLES = ['customers', 'orders', 'settings'];

/**
 * Reads the schema version (PRAGMA user_version, bytes 60–63 of the file
 * header) and the application id (bytes 68–71) without opening the database,
 * so a file from a newer Patron is refused while staying byte-identical and
 * without -wal/-shm files appearing.
 */
function peekHeader(file: string): { version: number; applicationId: number } {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return { version: 0, applicationId: 0 }; // an empty file is a new, empty database
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new Error(`${file} is not a Patron database (it is not an SQLite file)`);
  }
  return { version: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}

export function applyConnectionPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: a committed edit survives power loss, not just an app crash. Staff
  // edits are small, so the extra fsync per commit is not felt.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function statOf(file: string): Stats | null {
  try {
    return statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Whether SQLite could write the file and its -wal/-journal beside it. */
export function isWritableLocation(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses, before anything is written, a file that is not a Patron database:
 * missing or empty (unless creating), a folder, not SQLite, from a newer
 * Patron, or an SQLite file of another program (unless adopting).
 */
function checkFile(file: string, opts: OpenOptions, migrations: Migration[]): { exists: boolean } {
  const stat = statOf(file);
  if (stat === null) {
    if (opts.create) return { exists: false };
    throw new DatabaseFileError(file, 'missing');
  }
  if (stat.isDirectory()) throw new DatabaseFileError(file, 'directory');
  if (stat.size === 0) {
    if (opts.create) return { exists: true };
    throw new DatabaseFileError(file, 'empty');
  }
  let header: { version: number; applicationId: number };
  try {
    header = peekHeader(file);
  } catch {
    throw new DatabaseFileError(file, 'not_sqlite');
  }
  if (header.version > latestVersion(migrations)) {
    // A high user_version means "newer Patron" only in a file that carries Patron's marker.
    if (header.applicationId !== PATRON_APPLICATION_ID && !opts.adopt) throw new DatabaseFileError(file, 'not_patron');
    if (header.applicationId === PATRON_APPLICATION_ID) throw new DatabaseTooNewError(file, header.version, latestVersion(migrations));
  }
  return { exists: true };
}

/**
 * Patron's marker, read through SQLite (the header bytes can be stale while a
 * -wal holds newer pages). A file from before the marker is recognised by its
 * schema version and core tables; migration 0011 then marks it.
 */
function checkMarker(db: Db, file: string, opts: OpenOptions): void {
  if ((db.pragma('application_id', { simple: true }) as number) === PATRON_APPLICATION_ID) return;
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  if (tables.size === 0) {
    if (opts.create || opts.adopt) return;
    throw new DatabaseFileError(file, 'empty');
  }
  const olderPatron = (db.pragma('application_id', { simple: true }) as number) === 0 && schemaVersion(db) > 0 && PATRON_CORE_TABLES.every((t) => tables.has(t));
  if (olderPatron || opts.adopt) return;
  throw new DatabaseFileError(file, 'not_patron');
}

/**
 * A copy to look at, for a file in a read-only place: SQLite cannot open a WAL
 * database there (it needs to create the -shm beside it). The copy is removed
 * when the process ends.
 */
function lookingCopy(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'patron-readonly-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const copy = join(dir, 'look.sqlite');
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  return copy;
}

export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  const migrations = opts.migrations ?? loadMigrations();
  const { exists } = checkFile(file, opts, migrations);
  const writable = !exists || isWritableLocation(file);
  // Looking at a file in a read-only place works with a read-only handle; changing it does not.
  if (!writable && !opts.inspect) throw new DatabaseFileError(file, 'read_only');
  const db = new Database(writable ? file : lookingCopy(file), driverOptions(opts, { fileMustExist: exists, readonly: !writable }));
  try {
    checkMarker(db, file, opts);
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
