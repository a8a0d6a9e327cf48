import { workerData } from 'node:worker_threads';
import type { BackupReason } from '../../../shared/domain/backups';
import { useNativeBinding } from '../../db/nativeBinding';
import { writeBackupOf } from '../../services/safety';
import type { JobRun } from '../context';
import type { WorkerInput } from '../protocol';

/** A scheduled backup in a worker thread: VACUUM INTO reads a WAL snapshot, so the app keeps working meanwhile. */
export const run: JobRun<{ dbPath: string; reason: BackupReason; at: string }, { path: string }> = (job) => {
  // The verification handle must load the same SQLite build as the worker's own connection (Electron's, in the app).
  useNativeBinding((workerData as WorkerInput).nativeBinding);
  const path = writeBackupOf(job.db, job.params.dbPath, job.params.reason, new Date(job.params.at));
  return { result: { path }, tables: [] };
};
