import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/db/connection';
import { warningQueries } from '../../../electron/db/warnings';
import { runSegmentation } from '../../../electron/services/segmentRun';
import { runWarnings } from '../../../electron/services/warningRun';
import { defaultSegmentSettings } from '../../../shared/analytics/settings';
import { evaluateAll, feedbackSince } from '../../../shared/warnings/rules';
import { defaultWarningSettings } from '../../../shared/warnings/settings';
import { result, rssMb, timeIt, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

/** Every warning rule over every customer from the rollups (goal ≤ 500 ms), and a whole run with its alert writes. */
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
  let hits = 0;
  let customers = 0;
  const rulesMs = timeIt(env.reps, () => {
    const inputs = q.inputs(asOf, since);
    customers = inputs.length;
    hits = evaluateAll(inputs, asOf, settings.rules).length;
  });
  const bare = db.prepare('SELECT * FROM customer_rollups');
  const bareMs = timeIt(env.reps, () => {
    bare.all();
  });
  results.push(result('warnings.rules', customers, rulesMs, bareMs, rssMb(), `read every customer's inputs (rollups, 3 monthly buckets, segment results, complaints) + all five rules (goal ≤ 500 ms); ${hits} hits; baseline = SELECT * FROM customer_rollups`));

  env.log('warnings: first run (raises every alert)…');
  const now = `${asOf}T01:00:00.000Z`;
  let t = performance.now();
  const first = runWarnings(db, { asOf, now, trigger: 'cli', settings });
  const firstMs = performance.now() - t;
  results.push(result('warnings.run-first', first.customers, firstMs, rulesMs, rssMb(), `whole run incl. one transaction inserting ${first.raised} alerts; baseline = warnings.rules`));
  const againMs = timeIt(env.reps, () => {
    runWarnings(db, { asOf, now, trigger: 'cli', settings });
  });
  results.push(result('warnings.run-again', first.customers, againMs, rulesMs, rssMb(), `the daily re-run: ${first.open} open alerts kept (dedup), evidence refreshed where it changed; baseline = warnings.rules`));
  t = performance.now();
  const today = q.overdue(now, 200).length + q.dueFrom(now, 200).length;
  results.push(result('warnings.today-lists', today, performance.now() - t, null, rssMb(), 'the Today page alert lists (two 200-row pages, urgency order)'));
  db.close();
  return results;
}
