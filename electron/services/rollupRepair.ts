import { availableParallelism } from 'node:os';
import type { Database } from 'better-sqlite3';
import type { RollupRepairResult } from '../../shared/domain/rollups';
import { applyRollupDiff, diffRollups, diffSharedRanges, diffSize, mergeDiff, type RollupDiff } from '../db/rollupCheck';
import { rebuildRollups, rollupSplit } from '../db/rollups';
import { changeMarks } from '../db/stats';
import { ALL_CUSTOMERS } from '../db/rollupScan';
import type { RollupCheckInput, RollupCheckRanges } from '../jobs/rollup-check';
import type { ThreadDatabase } from '../jobs/runner';
import { runThread } from '../jobs/threads';

export interface RollupRepairOptions {
  /** Where helper threads open their own connections; without it (or for an in-memory database) the check runs on `db` alone. */
  database?: ThreadDatabase | undefined;
  /** How many threads share the reading, this one included (default: the machine's cores, at most 4; 1 = this one alone). */
  threads?: number;
  /** Test hook: runs after the threads answered and before the write transaction starts. */
  beforeApply?: () => void;
}

/** More than this share of rows to change: rebuilding both tables from empty is cheaper than row-by-row upserts. */
const REBUILD_SHARE = 0.25;
/** Threads whose snapshot went stale (something was written meanwhile) are asked again this often before checking on `db` alone. */
const ATTEMPTS = 2;

class StaleCheck extends Error {}

/** Ranges per thread: small enough that a thread starting late or running slower just takes fewer. */
const RANGES_PER_THREAD = 8;

function result(diff: RollupDiff, threads: number, rebuilt: boolean, started: number): RollupRepairResult {
  return {
    customers: diff.expected.rollups,
    months: diff.expected.monthly,
    fixed: { rollups: diff.rollups.length + diff.staleRollups.length, monthly: diff.monthly.length + diff.staleMonths.length },
    rebuilt,
    threads,
    ms: Math.round(performance.now() - started),
  };
}

/** Writes the difference, or rebuilds both tables when most rows are wrong (e.g. after a bulk load with the triggers off). */
function apply(db: Database, diff: RollupDiff): boolean {
  const rebuild = diffSize(diff) > REBUILD_SHARE * (diff.expected.rollups + diff.expected.monthly);
  if (rebuild) rebuildRollups(db);
  else applyRollupDiff(db, diff);
  return rebuild;
}

/** The whole check and repair on the one connection, inside one write transaction. */
function repairHere(db: Database, started: number): RollupRepairResult {
  return db.transaction(() => {
    const diff = diffRollups(db, ALL_CUSTOMERS);
    return result(diff, 1, apply(db, diff), started);
  }).immediate();
}

/**
 * The repair rebuild of the rollups: recomputes customer_rollups and
 * customer_monthly from every order and interaction, compares them with what
 * the tables hold and writes only the difference, in one transaction (on a
 * failure nothing is written). The tables end exactly as a full rebuild leaves
 * them.
 *
 * The reading (the costly part: every order) is cut into ranges of customers
 * holding about the same number of orders, shared by this thread (on `db`)
 * and helper threads (each with its own connection): each takes the next
 * range nobody has taken until none is left. Each reads in one snapshot and
 * none holds a lock meanwhile, so other writers carry on. The writer then
 * takes the write lock and checks that nothing was committed since the
 * reading began (PRAGMA data_version for other connections, total_changes()
 * for this one); if something was, the difference may be stale and the
 * reading is done again.
 *
 * It blocks its thread while it reads its own range: in the app it runs as the
 * rollup-repair job, in a worker.
 */
export async function repairRollups(db: Database, opts: RollupRepairOptions = {}): Promise<RollupRepairResult> {
  const started = performance.now();
  const threads = Math.max(1, Math.min(opts.threads ?? Math.min(4, availableParallelism()), 16));
  if (db.inTransaction) throw new Error('repairRollups: call it outside a transaction (its threads read committed data only)');
  if (!opts.database || db.memory || threads === 1) return repairHere(db, started);
  const database = opts.database;
  const changes = changeMarks(db);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const seen = changes();
    const next = new SharedArrayBuffer(4);
    const runs: ReturnType<typeof runThread<RollupDiff>>[] = [];
    let diff: RollupDiff;
    try {
      // The threads start first (that takes a while) and get the ranges once they are cut.
      for (let t = 1; t < threads; t++) runs.push(runThread<RollupDiff>('rollup-check', { ...database, next } satisfies RollupCheckInput));
      const ranges = rollupSplit(db, threads * RANGES_PER_THREAD);
      for (const r of runs) r.post({ ranges } satisfies RollupCheckRanges);
      diff = diffSharedRanges(db, ranges, new Int32Array(next));
      for (const part of await Promise.all(runs.map((r) => r.answer))) mergeDiff(diff, part);
    } catch (err) {
      for (const r of runs) {
        r.answer.catch(() => undefined); // stopped: its answer no longer matters
        r.stop();
      }
      throw err;
    }
    opts.beforeApply?.();
    try {
      return db.transaction(() => {
        const now = changes();
        if (now.data !== seen.data || now.own !== seen.own) throw new StaleCheck();
        return result(diff, threads, apply(db, diff), started);
      }).immediate();
    } catch (err) {
      if (!(err instanceof StaleCheck)) throw err;
    }
  }
  return repairHere(db, started);
}
