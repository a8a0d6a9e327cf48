import { writeArchive, type ArchiveSummary } from '../../export/archive';
import type { JobRun } from '../context';

/** Export everything: the whole database into one .xlsx, off the main thread (millions of orders take a while). */
export const run: JobRun<{ target: string }, ArchiveSummary> = async (job) => {
  const result = await writeArchive(job.db, job.params.target, {
    progress: (done, total) => job.progress(done, total),
    checkCancelled: () => job.checkCancelled(),
  });
  return { result, tables: [] };
};
