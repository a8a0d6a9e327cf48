import { inspectFile, type InspectResult } from '../../import/run';
import type { ImportTarget } from '../../../shared/import/targets';
import type { JobRun } from '../context';

export interface InspectJobParams {
  file: string;
  target: ImportTarget;
  encoding?: string | undefined;
  sheet?: string | undefined;
}

/** The import wizard's first look at a file (format, sheets, headers, a sample), read in a worker thread. */
export const run: JobRun<InspectJobParams, InspectResult> = async (ctx) => ({ result: await inspectFile(ctx.params.file, ctx.params.target, ctx.params), tables: [] });
