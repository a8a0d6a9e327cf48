import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { diffRollups, type RollupDiff } from '../db/rollupCheck';
import type { CustomerRange } from '../db/rollupScan';
import type { ThreadDatabase } from './runner';
import type { ThreadAnswer } from './threads';

export interface RollupCheckInput extends ThreadDatabase {
  range: CustomerRange;
}

/**
 * One share of the rollup repair check (services/rollupRepair.ts): opens its
 * own connection, compares the rollups of its customers with a recomputation
 * inside one read transaction (one snapshot for the scans and the table
 * reads), and posts the difference.
 */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('rollup-check.ts must run in a worker thread');
  const input = workerData as RollupCheckInput;
  let answer: ThreadAnswer<RollupDiff>;
  try {
    const { db } = openDatabase(input.dbPath, { nativeBinding: input.nativeBinding, migrate: false });
    try {
      answer = { ok: true, value: db.transaction(() => diffRollups(db, input.range)).deferred() };
    } finally {
      db.close();
    }
  } catch (err) {
    answer = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(answer);
}

main();
