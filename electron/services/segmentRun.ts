import type { Database } from 'better-sqlite3';
import type { CustomerKind } from '../../shared/domain/enums';
import { activityWindows, fitAndPredict, segment, type ClvStatus, type SegmentSummary } from '../../shared/analytics/segmentation';
import type { SegmentSettings } from '../../shared/analytics/settings';
import { segmentQueries } from '../db/segments';

export type SegmentTrigger = 'manual' | 'daily' | 'import' | 'cli';

export interface SegmentRunParams {
  asOf: string;
  trigger: SegmentTrigger;
  settings: SegmentSettings;
}

export interface SegmentRunResult {
  runId: number;
  summary: SegmentSummary;
  clv: Record<CustomerKind, ClvStatus>;
  /** Milliseconds spent reading, fitting CLV, segmenting and writing. */
  timings: { read: number; clv: number; segment: number; write: number };
}

/** Tables a run writes, announced as `db:changed` when it finishes. */
export const SEGMENT_TABLES = ['segment_runs', 'segment_results', 'segment_run_tiers'];

/**
 * One complete segmentation run on `db`: read the rollups, fit and score CLV,
 * segment, and store the run with its settings in one transaction. Used by the
 * worker job (electron/jobs/segment.ts) and the CLI; `checkCancelled` throws to
 * abandon the run, and nothing is written until the final transaction.
 */
export function runSegmentation(
  db: Database,
  params: SegmentRunParams,
  hooks: { now?: () => Date; progress?: (done: number, total: number) => void; checkCancelled?: () => void } = {},
): SegmentRunResult {
  const now = hooks.now ?? (() => new Date());
  const progress = hooks.progress ?? (() => undefined);
  const checkCancelled = hooks.checkCancelled ?? (() => undefined);
  const q = segmentQueries(db);
  const startedAt = now().toISOString();
  const STEPS = 4;
  let t = performance.now();
  const lap = () => {
    const n = performance.now();
    const d = n - t;
    t = n;
    return Math.round(d);
  };
  progress(0, STEPS);
  const inputs = q.inputs(activityWindows(params.asOf, params.settings.lifecycle));
  const read = lap();
  progress(1, STEPS);
  checkCancelled();
  const { status, predictions } = fitAndPredict(inputs, params.asOf, params.settings.clv);
  const clv = lap();
  progress(2, STEPS);
  checkCancelled();
  const { results, summary } = segment(inputs, params.asOf, params.settings, predictions);
  const seg = lap();
  progress(3, STEPS);
  checkCancelled();
  const runId = q.saveRun(
    {
      started_at: startedAt,
      finished_at: now().toISOString(),
      as_of: params.asOf,
      trigger: params.trigger,
      settings: JSON.stringify(params.settings),
      clv: JSON.stringify(status),
      summary: JSON.stringify(summary),
      customers: results.n,
    },
    results,
    checkCancelled,
  );
  const write = lap();
  progress(STEPS, STEPS);
  return { runId, summary, clv: status, timings: { read, clv, segment: seg, write } };
}
