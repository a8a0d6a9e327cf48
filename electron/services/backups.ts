import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import {
  backupSettingsSchema,
  backupsToKeep,
  defaultBackupSettings,
  type ArchiveResult,
  type BackupInfo,
  type BackupReason,
  type BackupSettings,
  type IntegrityReport,
} from '../../shared/domain/backups';
import { PatronError } from '../../shared/ipc/errors';
import { copyIntoLive } from '../db/backup';
import { backupFilesIn, summarizeBackup, type BackupFile } from '../db/backupFiles';
import { openDatabase } from '../db/connection';
import { bindingOption } from '../db/nativeBinding';
import { foreignKeyCheck, inspectFile, integrityCheck, quickCheck } from '../db/integrity';
import { settingsQueries } from '../db/settings';
import { changeMarks, tableNames } from '../db/stats';
import { nowIso, type ServiceContext } from './context';
import { backupFolder, writeBackupOf } from './safety';

const SETTINGS_KEY = 'backup.settings';

function describe(file: BackupFile): BackupInfo {
  const summary = summarizeBackup(file.path);
  return {
    name: file.name,
    path: file.path,
    takenAt: file.takenAt.toISOString(),
    reason: file.reason,
    bytes: summary.bytes,
    schemaVersion: summary.schemaVersion,
    counts: summary.counts,
    ok: summary.schemaVersion !== null,
  };
}

/**
 * Makes a migrated copy of a backup in a temp folder, so a backup from an older
 * Patron is brought up to date before it replaces anything. A backup from a newer
 * Patron or a damaged one is refused here, while the live database is untouched.
 */
function preparedCopy(source: string): { file: string; cleanup: () => void } {
  const verdict = inspectFile(source);
  if (!verdict.ok) throw new PatronError('invalid_request', `cannot restore from ${source}: ${verdict.reason}`);
  const dir = mkdtempSync(join(tmpdir(), 'patron-restore-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const file = join(dir, 'restore.sqlite');
    copyFileSync(source, file);
    const { db } = openDatabase(file, bindingOption());
    try {
      // The live database stays in WAL mode; the copied pages carry that setting along.
      db.pragma('journal_mode = WAL');
      const check = quickCheck(db);
      if (!check.ok) throw new PatronError('invalid_request', `cannot restore from ${source}: ${check.lines[0] ?? 'quick check failed'}`);
    } finally {
      db.close();
    }
    return { file, cleanup };
  } catch (err) {
    cleanup();
    if (err instanceof PatronError) throw err;
    throw new PatronError('invalid_request', `cannot restore from ${source}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function backupService(ctx: ServiceContext) {
  const settings = settingsQueries(ctx.db);
  const changes = changeMarks(ctx.db);

  const readSettings = (): BackupSettings => {
    const parsed = backupSettingsSchema.safeParse(settings.get(SETTINGS_KEY));
    return parsed.success ? parsed.data : defaultBackupSettings;
  };

  const files = () => backupFilesIn(backupFolder(ctx.dbPath), ctx.dbPath);

  /**
   * Deletes the backups the retention policy no longer keeps; returns their names.
   * `written`, the backup just made, always stays: several taken within one second
   * share a time, and the policy could otherwise keep an older one of them instead.
   */
  const prune = (written?: string): string[] => {
    const all = files();
    const keep = backupsToKeep(
      all.map((f) => f.takenAt),
      ctx.now(),
      readSettings().retention,
    );
    const removed: string[] = [];
    all.forEach((f, i) => {
      if (keep.has(i) || f.path === written) return;
      rmSync(f.path, { force: true });
      removed.push(f.name);
    });
    return removed;
  };

  /** Writes a verified backup now, then applies retention. */
  const create = (reason: BackupReason): BackupInfo => {
    const path = writeBackupOf(ctx.db, ctx.dbPath, reason, ctx.now());
    prune(path);
    const made = files().find((f) => f.path === path);
    if (!made) throw new Error(`backup ${path} vanished right after it was written`);
    return describe(made);
  };

  /** Like `create`, but the backup itself is written by a worker thread (the scheduler uses this). */
  const createInBackground = async (reason: BackupReason): Promise<BackupInfo> => {
    const outcome = await ctx.jobs.start('backup', { dbPath: ctx.dbPath, reason, at: ctx.now().toISOString() }).outcome;
    if (outcome.status !== 'done') throw new Error(`automatic backup failed: ${outcome.status === 'failed' ? outcome.message : 'cancelled'}`);
    const { path } = outcome.result;
    prune(path);
    const made = files().find((f) => f.path === path);
    if (!made) throw new Error(`backup ${path} vanished right after it was written`);
    return describe(made);
  };

  /**
   * Replaces the whole database with a backup. The current state is backed up first
   * (so the restore can itself be undone), then every page is copied in one
   * transaction; a failure at any point leaves the database as it was.
   */
  const restoreFrom = async (source: string): Promise<{ restoredFrom: string; undoBackup: string }> => {
    if (ctx.jobs.running().length > 0) throw new PatronError('conflict', 'wait for the running background jobs to finish (or cancel them) before restoring');
    const prepared = preparedCopy(source);
    try {
      const undoBackup = writeBackupOf(ctx.db, ctx.dbPath, 'restore', ctx.now());
      await copyIntoLive(prepared.file, ctx.dbPath);
      const check = quickCheck(ctx.db);
      if (!check.ok) throw new Error(`the restored database failed its quick check (${check.lines[0] ?? ''}); the previous state is in ${undoBackup}`);
      ctx.emit('db:changed', { tables: tableNames(ctx.db) });
      return { restoredFrom: source, undoBackup };
    } finally {
      prepared.cleanup();
    }
  };

  return {
    settings: readSettings,
    setSettings(next: BackupSettings): BackupSettings {
      settings.set(SETTINGS_KEY, backupSettingsSchema.parse(next), nowIso(ctx));
      ctx.emit('db:changed', { tables: ['settings'] });
      return readSettings();
    },
    folder: () => backupFolder(ctx.dbPath),
    list: (): BackupInfo[] => files().map(describe),
    create,
    createInBackground,
    prune,
    restoreFrom,
    /** Restores the backup called `name` in this database's backups folder (the renderer never sends a path). */
    async restore(name: string) {
      const file = files().find((f) => f.name === name);
      if (!file) throw new PatronError('not_found', `no backup called ${name} in ${backupFolder(ctx.dbPath)}`);
      return await restoreFrom(file.path);
    },
    check(): IntegrityReport {
      const integrity = integrityCheck(ctx.db);
      const foreignKeys = foreignKeyCheck(ctx.db);
      return { ok: integrity.ok && foreignKeys.length === 0, integrity: integrity.lines, foreignKeys, checkedAt: nowIso(ctx) };
    },
    /** Export everything: the whole database as one .xlsx in `exports/` beside it, written by a worker thread. */
    async archive(): Promise<ArchiveResult> {
      const base = basename(ctx.dbPath, extname(ctx.dbPath));
      const folder = join(dirname(ctx.dbPath), 'exports');
      mkdirSync(folder, { recursive: true });
      const target = join(folder, `${base}-archive-${ctx.now().toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '')}.xlsx`);
      const outcome = await ctx.jobs.start('archive', { target }).outcome;
      if (outcome.status === 'failed') throw new Error(`export of everything to ${target} failed: ${outcome.message}`);
      if (outcome.status === 'cancelled') throw new PatronError('conflict', 'the export was cancelled');
      return outcome.result;
    },
    /** In a normally opened app there is nothing to recover (the recovery table in electron/ipc/recovery.ts answers otherwise). */
    recoverNothing(): never {
      throw new PatronError('conflict', 'the database opened normally; there is nothing to recover');
    },
    /** Changes since the connection opened (by this connection); with data_version it tells the scheduler whether anything changed. */
    changeMark: (): string => {
      const { own, data } = changes();
      return `${String(own)}:${String(data)}`;
    },
  };
}

