import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeVerifiedBackup } from '../../../electron/db/backup';
import { openDatabase } from '../../../electron/db/connection';
import { inspectFile, integrityCheck, quickCheck } from '../../../electron/db/integrity';
import { writeArchive } from '../../../electron/export/archive';
import { JobRunner } from '../../../electron/jobs/runner';
import { backupService } from '../../../electron/services/backups';
import { median, result, rssMb, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

async function timeAsync(reps: number, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function time(reps: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * What data safety costs: a verified backup against a raw file copy (the unsafe
 * thing it replaces), the start-up check against a bare header read, integrity
 * check, a full restore, and (quick runs only, Excel caps rows) export everything.
 */
export async function backupsSuite(env: BenchEnv): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const work = join(env.work, 'backups-suite');
  const live = join(work, 'live.sqlite');
  mkdirSync(work, { recursive: true });
  copyFileSync(env.file, live);
  const mb = (statSync(live).size / 1048576).toFixed(0);
  const { db } = openDatabase(live);
  try {
    env.log('verified backup…');
    let n = 0;
    const backupMs = time(env.reps, () => {
      const target = join(work, `b${n++}.sqlite`);
      writeVerifiedBackup(db, target);
      rmSync(target);
    });
    const copyMs = time(env.reps, () => {
      const target = join(work, `c${n++}.sqlite`);
      copyFileSync(live, target);
      rmSync(target);
    });
    results.push(result('backup.verified', env.customers, backupMs, copyMs, rssMb(), `VACUUM INTO + quick_check of a ${mb} MB database; baseline = raw file copy (unsafe on a live database)`));

    env.log('start-up check…');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const startMs = time(env.reps, () => {
      if (!inspectFile(live).ok) throw new Error('bench database failed its check');
    });
    const quickMs = time(env.reps, () => {
      quickCheck(db);
    });
    results.push(result('startup.quick-check', env.customers, startMs, quickMs, rssMb(), 'header checks + quick_check on a fresh handle, as at every start; baseline = quick_check on an open handle'));

    env.log('integrity check…');
    const integrityMs = time(1, () => {
      integrityCheck(db);
    });
    results.push(result('check.integrity', env.customers, integrityMs, quickMs, rssMb(), 'PRAGMA integrity_check (Settings button, patron check); baseline = quick_check'));

    env.log('restore…');
    const source = join(work, 'restore-source.sqlite');
    writeVerifiedBackup(db, source);
    const jobs = new JobRunner({ dbPath: live, emit: () => undefined });
    const service = backupService({ db, dbPath: live, actor: 'bench', systemLocale: 'en', runtime: 'node', appVersion: 'bench', now: () => new Date(), emit: () => undefined, jobs });
    const restoreMs = await timeAsync(1, async () => {
      await service.restoreFrom(source);
    });
    results.push(result('backup.restore', env.customers, restoreMs, backupMs, rssMb(), 'full restore: backup of the current state + migrated temp copy + online backup into the live file; baseline = one verified backup'));

    if (env.quick) {
      env.log('export everything…');
      const xlsx = join(work, 'archive.xlsx');
      const archiveMs = await timeAsync(1, async () => {
        await writeArchive(db, xlsx);
      });
      results.push(result('archive.xlsx', env.customers, archiveMs, backupMs, rssMb(), `whole database into one streamed .xlsx (${(statSync(xlsx).size / 1048576).toFixed(1)} MB); baseline = verified backup`));
    }
  } finally {
    db.close();
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}
