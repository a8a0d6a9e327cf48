import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { diffSharedRanges, type RollupDiff } from '../db/rollupCheck';
import type { CustomerRange } from '../db/rollupScan';
import type { ThreadDatabase } from './runner';
import type { ThreadAnswer } from './threads';

export interface RollupCheckInput extends ThreadDatabase {
  /** One Int32 cell: the index of the next range nobody has taken yet. */
  next: SharedArrayBuffer;
}

/** Sent once the thread runs: every range of the repair; the thread takes them one by one through `next`. */
export interface RollupCheckRanges {
  ranges: CustomerRange[];
}

/**
 * A helper thread of the rollup repair (services/rollupRepair.ts): opens its
 * own connection, takes customer ranges from the shared list until none is
 * left, compares their rollups with a recomputation inside one read
 * transaction (one snapshot for the scans and the table reads), and posts the
 * difference.
 */
/** Starting a thread takes a while: it opens its connection at once and then waits for the ranges. */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('rollup-check.ts must run in a worker thread');
  const input = workerData as RollupCheckInput;
  const fail = (err: unknown) => port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies ThreadAnswer<RollupDiff>);
  let db: ReturnType<typeof openDatabase>['db'];
  try {
    db = openDatabase(input.dbPath, { nativeBinding: input.nativeBinding, migrate: false }).db;
  } catch (err) {
    fail(err);
    return;
  }
  port.once('message', ({ ranges }: RollupCheckRanges) => {
    try {
      port.postMessage({ ok: true, value: diffSharedRanges(db, ranges, new Int32Array(input.next)) } satisfies ThreadAnswer<RollupDiff>);
    } catch (err) {
      fail(err);
    } finally {
      db.close();
    }
  });
}

main();
