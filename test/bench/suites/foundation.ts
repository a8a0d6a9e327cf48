import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/db/connection';
import { JobRunner } from '../../../electron/jobs/runner';
import { createServices } from '../../../electron/services';
import { median, result, rssMb, timeIt, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

/** Tries to empty the OS page cache so the open is really cold; needs root and a kernel that allows it. */
function dropCaches(): boolean {
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

function coldOpen(env: BenchEnv, mode: 'patron' | 'baseline'): { ms: number; rss_mb: number; dropped: boolean } {
  const runs = Array.from({ length: env.reps }, () => {
    const dropped = dropCaches();
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(env.root, 'test/bench/coldOpen.ts'), mode, env.file], { cwd: env.root, encoding: 'utf8' });
    return { ...(JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number; rss_mb: number }), dropped };
  });
  return { ms: median(runs.map((r) => r.ms)), rss_mb: Math.max(...runs.map((r) => r.rss_mb)), dropped: runs.every((r) => r.dropped) };
}

/** Opening the database cold and loading the customer grid's rows. */
export function foundationSuite(env: BenchEnv): BenchResult[] {
  const results: BenchResult[] = [];
  env.log('cold open…');
  const patronOpen = coldOpen(env, 'patron');
  const bareOpen = coldOpen(env, 'baseline');
  results.push(
    result('db.cold-open', env.customers, patronOpen.ms, bareOpen.ms, patronOpen.rss_mb, `fresh process: open + version check + first query${patronOpen.dropped ? ', OS page cache dropped' : ' (OS page cache could not be dropped: warm file cache)'}`),
  );

  env.log('grid load…');
  const { db } = openDatabase(env.file);
  const services = createServices({ db, dbPath: env.file, actor: 'bench', systemLocale: 'zh-CN', runtime: 'node', appVersion: 'bench', now: () => new Date(), emit: () => undefined, jobs: new JobRunner({ dbPath: env.file, emit: () => undefined }) });
  let rows = 0;
  const gridMs = timeIt(env.reps, () => {
    rows = services.customers.list().rows.length;
  });
  const gridRss = rssMb();
  const bareSelect = db.prepare('SELECT * FROM customers');
  const selectMs = timeIt(env.reps, () => {
    bareSelect.all();
  });
  const payload = JSON.stringify(services.customers.list()).length;
  results.push(result('grid.load-customers', rows, gridMs, selectMs, gridRss, `customers:list with owner, primary contact, tags and order totals over ${env.summary.orders} orders; ${(payload / 1048576).toFixed(1)} MB as JSON; baseline = bare SELECT * FROM customers`));
  db.close();
  return results;
}
