import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { localToday } from '../../shared/domain/dates';
import { backupFilesIn } from '../db/backupFiles';
import { isWritableLocation, openDatabase, type OpenedDatabase } from '../db/connection';
import { DatabaseDamagedError } from '../db/damage';
import { DatabaseFileError } from '../db/errors';
import { inspectFile } from '../db/integrity';
import { latestVersion, loadMigrations, migrate, schemaVersion } from '../db/migrate';
import { createDemoDatabase, DEFAULT_DEMO, type DemoSummary } from './demo/generate';
import { backupFolder, writeBackupOf } from './safety';

export interface StartupResult extends OpenedDatabase {
  createdDemo: DemoSummary | null;
  /** The backup written before migrating, when there were migrations to apply. */
  migrationBackup: string | null;
}

/** The newest backup beside `file` that passes the same checks as a database at start. */
function newestGoodBackup(file: string, opts: { nativeBinding?: string } = {}): string | null {
  for (const b of backupFilesIn(backupFolder(file), file)) {
    if (inspectFile(b.path, opts).ok) return b.path;
  }
  return null;
}

/**
 * What the app does with its database at start: on the very first start (no
 * file yet) it builds the demo database so there is something to look at. An
 * existing file must pass the header and quick checks before it is opened for
 * writing (DatabaseDamagedError otherwise, file untouched); a database from a
 * newer Patron throws DatabaseTooNewError. A folder, a file in a read-only
 * place and an SQLite file of another program throw DatabaseFileError: they are
 * not damaged, so no restore is offered for them. Pending migrations run only
 * after a verified backup of the unmigrated file.
 */
export function openAppDatabase(file: string, opts: { nativeBinding?: string; now?: Date } = {}): StartupResult {
  let createdDemo: DemoSummary | null = null;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    createdDemo = createDemoDatabase(file, { ...DEFAULT_DEMO, asOf: localToday(opts.now), nativeBinding: opts.nativeBinding });
  } else {
    if (statSync(file).isDirectory()) throw new DatabaseFileError(file, 'directory');
    if (!isWritableLocation(file)) throw new DatabaseFileError(file, 'read_only');
    const verdict = inspectFile(file, opts);
    if (!verdict.ok) throw new DatabaseDamagedError(file, verdict.reason, newestGoodBackup(file, opts));
  }
  const opened = openDatabase(file, { nativeBinding: opts.nativeBinding, migrate: false });
  let migrationBackup: string | null = null;
  try {
    const migrations = loadMigrations();
    if (schemaVersion(opened.db) < latestVersion(migrations)) {
      if (!createdDemo) migrationBackup = writeBackupOf(opened.db, file, 'migration', opts.now ?? new Date(), opts);
      return { db: opened.db, migration: migrate(opened.db, migrations), createdDemo, migrationBackup };
    }
    return { db: opened.db, migration: { from: schemaVersion(opened.db), to: schemaVersion(opened.db), applied: [] }, createdDemo, migrationBackup };
  } catch (err) {
    opened.db.close();
    throw err;
  }
}

/**
 * Recovery for a damaged database: the damaged file (with any -wal/-shm) is moved
 * aside to `<file>.damaged-<time>` — renamed, never overwritten or deleted — and
 * the chosen backup is copied into its place. Returns where the damaged file went.
 */
export function replaceWithBackup(file: string, backup: string, now: Date = new Date()): string {
  const verdict = inspectFile(backup);
  if (!verdict.ok) throw new Error(`the backup ${backup} cannot be used: ${verdict.reason}`);
  const aside = `${file}.damaged-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`;
  if (existsSync(aside)) throw new Error(`${aside} already exists; move it away first`);
  if (existsSync(file)) renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  copyFileSync(backup, file);
  return aside;
}
