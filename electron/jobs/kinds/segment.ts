import { SEGMENT_TABLES, runSegmentation, type SegmentRunParams, type SegmentRunResult } from '../../services/segmentRun';
import type { JobRun } from '../context';

/** Segmentation as a job kind: runs in a worker thread on its own connection; cancel rolls back. */
export const run: JobRun<SegmentRunParams, SegmentRunResult> = (ctx) => {
  const result = runSegmentation(ctx.db, ctx.params, { progress: (done, total) => ctx.progress(done, total), checkCancelled: () => ctx.checkCancelled() });
  return { result, tables: SEGMENT_TABLES };
};
