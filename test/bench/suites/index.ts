import type { DemoSummary } from '../../../electron/services/demo/generate';
import type { BenchResult } from '../measure';
import { cliSuite } from './cli';
import { dbThreadSuite } from './dbThread';
import { foundationSuite } from './foundation';
import { backupsSuite } from './backups';
import { importExportSuite } from './importExport';
import { customerGridSuite } from './customerGrid';
import { segmentsSuite } from './segments';
import { warningsSuite } from './warnings';
import { visitSheetsSuite } from './visitSheets';
import { dashboardSuite } from './dashboard';
import { loyaltySuite } from './loyalty';

/** What every suite gets: the shared demo database (100k customers) and where to put scratch files. */
export interface BenchEnv {
  root: string;
  /** Scratch folder, removed after the run. */
  work: string;
  /** The demo database every suite starts from. Suites that write copy it first (or restore what they changed). */
  file: string;
  quick: boolean;
  reps: number;
  customers: number;
  summary: DemoSummary;
  log: (msg: string) => void;
}

export type BenchSuite = (env: BenchEnv) => BenchResult[] | Promise<BenchResult[]>;

/** Suites in run order; `--only=name,…` picks some. */
export const suites: [string, BenchSuite][] = [
  ['foundation', foundationSuite],
  ['cli', cliSuite],
  ['dbThread', dbThreadSuite],
  ['backups', backupsSuite],
  ['importExport', importExportSuite],
  ['customerGrid', customerGridSuite],
  ['segments', segmentsSuite],
  ['warnings', warningsSuite],
  ['visitSheets', visitSheetsSuite],
  ['dashboard', dashboardSuite],
  ['loyalty', loyaltySuite],
];
