import type { BackupReason } from '../../shared/domain/backups';
import { writeBackupOf } from '../services/safety';
import type { JobRun } from './context';

/** A scheduled backup in a worker thread: VACUUM INTO reads a WAL snapshot, so the app keeps working meanwhile. */
export const run: JobRun<{ dbPath: string; reason: BackupReason; at: string }, { path: string }> = (job) => {
  const path = writeBackupOf(job.db, job.params.dbPath, job.params.reason, new Date(job.params.at));
  return { result: { path }, tables: [] };
};
