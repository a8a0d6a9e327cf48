import type { RollupRepairResult } from '../../../shared/domain/rollups';
import { ROLLUP_TABLES } from '../../db/rollups';
import { repairRollups } from '../../services/rollupRepair';
import type { JobRun } from '../context';

/** The repair rebuild of the rollups as a job: its own connection, helper threads for the reading, one write transaction. */
export const run: JobRun<unknown, RollupRepairResult> = async (ctx) => {
  const result = await repairRollups(ctx.db, { database: ctx.database });
  return { result, tables: result.fixed.rollups + result.fixed.monthly > 0 ? [...ROLLUP_TABLES] : [] };
};
