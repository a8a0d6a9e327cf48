import type { JobRun } from './context';
import type { run as archive } from './kinds/archive';
import type { run as backup } from './kinds/backup';
import type { run as exportJob } from './kinds/export';
import type { run as importJob } from './kinds/import';
import type { run as importInspect } from './kinds/import-inspect';
import type { run as loyaltySync } from './kinds/loyalty-sync';
import type { run as rollupRepair } from './kinds/rollup-repair';
import type { run as segment } from './kinds/segment';
import type { run as warnings } from './kinds/warnings';

/**
 * Every job kind: the name is its module's file name in electron/jobs/kinds/
 * (the build makes each one an entry of its own by that rule), the type is the
 * module's `run`, so starting a job checks its parameters and types its result.
 */
export type AppJobs = {
  archive: typeof archive;
  backup: typeof backup;
  export: typeof exportJob;
  import: typeof importJob;
  'import-inspect': typeof importInspect;
  'loyalty-sync': typeof loyaltySync;
  'rollup-repair': typeof rollupRepair;
  segment: typeof segment;
  warnings: typeof warnings;
};

/** A map from job kind to its run function, e.g. AppJobs, or a test's own fixtures. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own parameter and result types
export type JobKinds = Record<string, JobRun<any, any>>;

export type JobParams<R> = R extends JobRun<infer P> ? P : never;
export type JobResult<R> = R extends JobRun<never, infer T> ? T : never;
