import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/db/connection';
import { warningQueries } from '../../../electron/db/warnings';
import { runSegmentation } from '../../../electron/services/segmentRun';
import { runWarnings } from '../../../electron/services/warningRun';
import { defaultSegmentSettings } from '../../../shared/analytics/settings';
import { evaluateColumns } from '../../../shared/warnings/columns';
import { evaluateAll, feedbackSince } from '../../../shared/warnings/rules';
import { defaultWarningSettings } from '../../../shared/warnings/settings';
import { referenceWarningInputs } from '../../unit/reference/warningInputsReference';
import { median, result, rssMb, timeIt, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

/**
 * Every warning rule over every customer from the rollups (goal ≤ 500 ms), split into
 * read and evaluate, beside the previous object-per-customer code; then whole runs
 * with their alert writes (reported alone too).
 */
export function warningsSuite(env: BenchEnv): BenchResult[] {
  const results: BenchResult[] = [];
  // Runs write alerts: work on a copy so other suites see the demo file as it was.
  const file = join(env.work, 'warnings.sqlite');
  copyFileSync(env.file, file);
  const { db } = openDatabase(file);
  const asOf = env.summary.asOf;
  const settings = defaultWarningSettings;
  env.log('warnings: segmentation first (tiers and probability alive, not timed)…');
  runSegmentation(db, { asOf, trigger: 'cli', settings: defaultSegmentSettings });

  const q = warningQueries(db);
  const since = feedbackSince(asOf, settings.rules.negative_feedback.withinDays);
  const bare = db.prepare('SELECT * FROM customer_rollups');
  const bareMs = timeIt(env.reps, () => {
    bare.all();
  });
  let cols = q.columns(asOf, since);
  const readMs = timeIt(env.reps, () => {
    cols = q.columns(asOf, since);
  });
  let hits = 0;
  const evaluateMs = timeIt(env.reps, () => {
    hits = evaluateColumns(cols, asOf, settings.rules).length;
  });
  const rulesMs = timeIt(env.reps, () => {
    hits = evaluateColumns(q.columns(asOf, since), asOf, settings.rules).length;
  });
  // The object-per-customer code before the columnar rewrite, measured in the same run.
  const previous = referenceWarningInputs(db);
  let previousHits = 0;
  const previousMs = timeIt(env.reps, () => {
    previousHits = evaluateAll(previous(asOf, since), asOf, settings.rules).length;
  });
  if (previousHits !== hits) throw new Error(`warnings bench: the columnar rules found ${hits} hits, the previous code ${previousHits}`);
  const base = 'baseline = SELECT * FROM customer_rollups';
  results.push(result('warnings.rules', cols.n, rulesMs, bareMs, rssMb(), `read every customer's inputs (rollups, 3 monthly buckets, segment results, complaints, low scores) + all five rules (goal ≤ 500 ms); ${hits} hits; ${base}`));
  results.push(result('warnings.read', cols.n, readMs, bareMs, rssMb(), `the read alone, into columns; ${base}`));
  results.push(result('warnings.evaluate', cols.n, evaluateMs, null, rssMb(), 'the five rules alone over the columns'));
  results.push(result('warnings.rules-previous', cols.n, previousMs, bareMs, rssMb(), `the same read + rules as objects per customer (the code before, test/unit/reference); ${base}`));

  env.log('warnings: first run (raises every alert)…');
  const now = `${asOf}T01:00:00.000Z`;
  let t = performance.now();
  const first = runWarnings(db, { asOf, now, trigger: 'cli', settings });
  const firstMs = performance.now() - t;
  results.push(result('warnings.run-first', first.customers, firstMs, rulesMs, rssMb(), `whole run incl. one transaction inserting ${first.raised} alerts; baseline = warnings.rules`));
  results.push(result('warnings.write-first', first.raised, first.timings.write, rulesMs, rssMb(), `the first run's write alone (${first.raised} alerts inserted); baseline = warnings.rules`));
  const writes: number[] = [];
  const againMs = timeIt(env.reps, () => {
    writes.push(runWarnings(db, { asOf, now, trigger: 'cli', settings }).timings.write);
  });
  results.push(result('warnings.run-again', first.customers, againMs, rulesMs, rssMb(), `the daily re-run: ${first.open} open alerts kept (dedup), evidence refreshed where it changed; baseline = warnings.rules`));
  results.push(result('warnings.write-again', first.open, median(writes), rulesMs, rssMb(), `the re-run's write alone (compare with ${first.open} open alerts, nothing new); baseline = warnings.rules`));
  t = performance.now();
  const today = q.overdue(now, 200).length + q.dueFrom(now, 200).length;
  results.push(result('warnings.today-lists', today, performance.now() - t, null, rssMb(), 'the Today page alert lists (two 200-row pages, urgency order)'));
  db.close();
  return results;
}
