import type { Database } from 'better-sqlite3';
import { addDays } from '../../shared/domain/dates';
import { evaluateColumns } from '../../shared/warnings/columns';
import { feedbackSince } from '../../shared/warnings/rules';
import { warningRules, type WarningRule, type WarningSettings } from '../../shared/warnings/settings';
import { warningQueries } from '../db/warnings';

export type WarningTrigger = 'start' | 'daily' | 'import' | 'edit' | 'segments' | 'manual' | 'cli';

export interface WarningRunParams {
  /** The day the rules judge (local calendar). */
  asOf: string;
  /** When the run happens (ISO UTC): alerts are raised then and due followUpHours later. */
  now: string;
  trigger: WarningTrigger;
  settings: WarningSettings;
}

export interface WarningRunResult {
  runId: number;
  customers: number;
  hits: number;
  raised: number;
  closed: number;
  updated: number;
  open: number;
  /** Milliseconds to read the inputs, to evaluate the rules, and to write the alerts. */
  timings: { read: number; evaluate: number; write: number };
}

/** Tables a run writes, announced as `db:changed` when it finishes. */
export const WARNING_TABLES = ['alerts', 'warning_runs'];

/**
 * One run of every warning rule on `db`: read the inputs from the rollups, evaluate
 * the pure rules, then raise/refresh/close alerts in one transaction. Used by the
 * worker job (electron/jobs/warnings.ts) and the CLI.
 */
export function runWarnings(
  db: Database,
  params: WarningRunParams,
  hooks: { progress?: (done: number, total: number) => void; checkCancelled?: () => void } = {},
): WarningRunResult {
  const progress = hooks.progress ?? (() => undefined);
  const checkCancelled = hooks.checkCancelled ?? (() => undefined);
  const q = warningQueries(db);
  const s = params.settings;
  const started = new Date().toISOString();
  progress(0, 3);
  let t = performance.now();
  const lap = () => {
    const n = performance.now();
    const d = n - t;
    t = n;
    return Math.round(d);
  };
  const inputs = q.columns(params.asOf, feedbackSince(params.asOf, s.rules.negative_feedback.withinDays));
  const read = lap();
  progress(1, 3);
  checkCancelled();
  const hits = evaluateColumns(inputs, params.asOf, s.rules);
  const evaluate = lap();
  progress(2, 3);
  checkCancelled();
  const disabled = new Set<WarningRule>(warningRules.filter((r) => !s.rules[r].enabled));
  const dueAt = new Date(Date.parse(params.now) + s.followUpHours * 3_600_000).toISOString();
  const quietSince = `${addDays(params.asOf, -s.quietDays)}T00:00:00.000Z`;
  const outcome = db.transaction(() => {
    const o = q.write(hits, { now: params.now, dueAt, quietSince, disabled, checkCancelled });
    const write = lap();
    const runId = q.saveRun({
      started_at: started,
      finished_at: new Date().toISOString(),
      as_of: params.asOf,
      trigger: params.trigger,
      raised: o.raised,
      closed: o.closed,
      open: o.open,
      eval_ms: read + evaluate,
      write_ms: write,
    });
    return { ...o, runId, write };
  }).immediate();
  progress(3, 3);
  return {
    runId: outcome.runId,
    customers: inputs.n,
    hits: hits.length,
    raised: outcome.raised,
    closed: outcome.closed,
    updated: outcome.updated,
    open: outcome.open,
    timings: { read, evaluate, write: outcome.write },
  };
}
