import { openDatabase } from '../db/connection';
import { repairRollups } from '../services/rollupRepair';
import { parse, positiveInt, requireDb } from './args';
import { printJson, printTable, type Streams } from './output';

export const rollupsUsage = 'patron rollups --db FILE [--threads N] [--json]';

/** The repair rebuild of the rollups: recomputes them from every order and interaction and writes what differs. */
export async function rollupsCommand(argv: string[], out: Streams): Promise<number> {
  const v = parse('rollups', argv, { db: { type: 'string' }, threads: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('rollups', v.db);
  const threads = v.threads === undefined ? undefined : positiveInt('rollups', '--threads', v.threads, 1);
  const { db } = openDatabase(file);
  try {
    const r = await repairRollups(db, { database: { dbPath: file }, ...(threads === undefined ? {} : { threads }) });
    if (v.json) {
      printJson(out, { file, ...r });
    } else {
      printTable(out, [
        ['customers with activity', r.customers],
        ['customer-months', r.months],
        ['fixed customer_rollups rows', r.fixed.rollups],
        ['fixed customer_monthly rows', r.fixed.monthly],
        ['rebuilt from empty', r.rebuilt ? 'yes' : 'no'],
        ['threads', r.threads],
        ['ms', r.ms],
      ]);
    }
    return 0;
  } finally {
    db.close();
  }
}
