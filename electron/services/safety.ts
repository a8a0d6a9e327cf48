import { basename, extname, join } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import type { BackupReason } from '../../shared/domain/backups';
import { writeVerifiedBackup } from '../db/backup';
import { backupFolder } from '../db/backupFiles';
import type { ServiceContext } from './context';

/** Operations that rewrite many rows at once; each is backed up (before it, or in the background after it). */
export type BulkOperation = 'import' | 'import-revert' | 'merge' | 'merge-undo' | 'bulk-edit' | 'restore' | 'visit-plans';

export { backupFolder };

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}

/**
 * Writes a verified backup of `db` (the file at `dbPath`) into its backups folder as
 * `<name>-YYYYMMDD-HHMMSS-<reason>[-n].sqlite` (UTC) and returns its path. Never
 * overwrites an existing backup. Throws BackupWriteError when it cannot be written.
 */
export function writeBackupOf(db: Db, dbPath: string, reason: BackupReason, now: Date, opts: { nativeBinding?: string } = {}): string {
  const base = basename(dbPath, extname(dbPath));
  const folder = backupFolder(dbPath);
  let target = join(folder, `${base}-${stamp(now)}-${reason}.sqlite`);
  for (let n = 2; ; n++) {
    try {
      writeVerifiedBackup(db, target, opts);
      return target;
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('backup target already exists')) throw err;
      target = join(folder, `${base}-${stamp(now)}-${reason}-${n}.sqlite`);
    }
  }
}

/**
 * Takes a verified backup before a bulk write and returns its path. Throws (so the
 * bulk write does not start) when the backup cannot be written.
 */
export function backupBeforeBulk(ctx: ServiceContext, operation: BulkOperation): string {
  return writeBackupOf(ctx.db, ctx.dbPath, operation, ctx.now());
}

interface SafetyRun {
  running: Promise<void>;
  queued: BulkOperation | null;
}

const safetyRuns = new Map<string, SafetyRun>();

/**
 * The safety backup of a bulk edit, merge or visit-plan creation: written by a job
 * thread while the app goes on, so the write never waits for a full copy of the file
 * (the write itself is undone through its audit batch). Requests made while one runs
 * coalesce into a single further backup after it. A failure is logged, never thrown.
 */
export function backupInBackground(ctx: ServiceContext, operation: BulkOperation): void {
  const run = safetyRuns.get(ctx.dbPath);
  if (run) {
    run.queued = operation;
    return;
  }
  const state: SafetyRun = { running: Promise.resolve(), queued: operation };
  safetyRuns.set(ctx.dbPath, state);
  const loop = async () => {
    while (state.queued) {
      const reason = state.queued;
      state.queued = null;
      const outcome = await ctx.jobs.start('backup', { dbPath: ctx.dbPath, reason, at: ctx.now().toISOString() }).outcome;
      if (outcome.status === 'cancelled') return;
      if (outcome.status === 'failed') console.error(`Patron: the safety backup after ${reason} failed: ${outcome.message}`);
    }
  };
  state.running = loop().finally(() => safetyRuns.delete(ctx.dbPath));
}

/** Resolves when the background safety backups of this database have finished. */
export function safetyBackupsSettled(dbPath: string): Promise<void> {
  return safetyRuns.get(dbPath)?.running ?? Promise.resolve();
}
