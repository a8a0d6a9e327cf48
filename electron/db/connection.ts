import { existsSync } from 'node:fs';
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
  readonly?: boolean;
}

export interface OpenedDatabase {
  db: Db;
  migration: MigrationResult | null;
}

function driverOptions(opts: OpenOptions, extra: Database.Options = {}): Database.Options {
  return opts.nativeBinding ? { ...extra, nativeBinding: opts.nativeBinding } : extra;
}

/**
 * Reads the schema version without writing anything (no WAL switch, no -wal
 * file), so a file from a newer Patron is refused while staying byte-identical.
 */
export function peekSchemaVersion(file: string, nativeBinding?: string): number {
  const probe = new Database(file, driverOptions({ nativeBinding }, { readonly: true, fileMustExist: true }));
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
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
    const version = peekSchemaVersion(file, opts.nativeBinding);
    if (version > latestVersion(migrations)) throw new DatabaseTooNewError(file, version, latestVersion(migrations));
  }
  const db = new Database(file, driverOptions(opts, { readonly: opts.readonly ?? false }));
  try {
    if (opts.readonly) {
      db.pragma('foreign_keys = ON');
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
