import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { diffSharedRanges, type RollupDiff } from '../db/rollupCheck';
import type { CustomerRange } from '../db/rollupScan';
import type { ThreadDatabase } from './runner';
import type { ThreadAnswer } from './threads';

export interface RollupCheckInput extends ThreadDatabase {
  /** Every range of the repair; this thread takes them one by one from `next`. */
  ranges: CustomerRange[];
  /** One Int32 cell: the index of the next range nobody has taken yet. */
  next: SharedArrayBuffer;
}

/**
 * A helper thread of the rollup repair (services/rollupRepair.ts): opens its
 * own connection, takes customer ranges from the shared list until none is
 * left, compares their rollups with a recomputation inside one read
 * transaction (one snapshot for the scans and the table reads), and posts the
 * difference.
 */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('rollup-check.ts must run in a worker thread');
  const input = workerData as RollupCheckInput;
  let answer: ThreadAnswer<RollupDiff>;
  try {
    const { db } = openDatabase(input.dbPath, { nativeBinding: input.nativeBinding, migrate: false });
    try {
      answer = { ok: true, value: diffSharedRanges(db, input.ranges, new Int32Array(input.next)) };
    } finally {
      db.close();
    }
  } catch (err) {
    answer = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(answer);
}

main();
