import type { DemoSummary } from '../../../electron/services/demo/generate';
import type { BenchResult } from '../measure';
import { cliSuite } from './cli';
import { dbThreadSuite } from './dbThread';
import { foundationSuite } from './foundation';
// — Backups, restore and integrity —
import { backupsSuite } from './backups';
// — Import and export —
import { importExportSuite } from './importExport';
// — Customer profiles: editing, views, duplicates, audit —
import { customerGridSuite } from './customerGrid';
// — Segmentation and lifetime value —
import { segmentsSuite } from './segments';
// — Warnings, complaints and care reminders —
import { warningsSuite } from './warnings';
// — Visit plans and printing —
import { visitSheetsSuite } from './visitSheets';
// — Satisfaction surveys —
// — Dashboard and reports —
import { dashboardSuite } from './dashboard';
// — Loyalty: levels, points, referrals —
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
  // — Backups, restore and integrity —
  ['backups', backupsSuite],
  // — Import and export —
  ['importExport', importExportSuite],
  // — Customer profiles: editing, views, duplicates, audit —
  ['customerGrid', customerGridSuite],
  // — Segmentation and lifetime value —
  ['segments', segmentsSuite],
  // — Warnings, complaints and care reminders —
  ['warnings', warningsSuite],
  // — Visit plans and printing —
  ['visitSheets', visitSheetsSuite],
  // — Satisfaction surveys —
  // — Dashboard and reports —
  ['dashboard', dashboardSuite],
  // — Loyalty: levels, points, referrals —
  ['loyalty', loyaltySuite],
];
