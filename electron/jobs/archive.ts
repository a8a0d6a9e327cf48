import { writeArchive, type ArchiveSummary } from '../export/archive';
import type { JobRun } from './context';

/** Export everything: the whole database into one .xlsx, off the main thread (millions of orders take a while). */
export const run: JobRun<{ target: string }, ArchiveSummary> = async ({ db, params, progress, checkCancelled }) => {
  const result = await writeArchive(db, params.target, { progress, checkCancelled });
  return { result, tables: [] };
};
