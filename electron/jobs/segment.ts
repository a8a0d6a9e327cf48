import { SEGMENT_TABLES, runSegmentation, type SegmentRunParams, type SegmentRunResult } from '../services/segmentRun';
import type { JobRun } from './context';

/** Segmentation as a job kind: runs in a worker thread on its own connection; cancel rolls back. */
export const run: JobRun<SegmentRunParams, SegmentRunResult> = ({ db, params, progress, checkCancelled }) => {
  const result = runSegmentation(db, params, { progress, checkCancelled });
  return { result, tables: SEGMENT_TABLES };
};
