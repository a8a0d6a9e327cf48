import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createDemoDatabase } from '../../electron/services/demo/generate';
import { printTable, result, rssMb, type BenchResult } from './measure';
import { suites, type BenchEnv } from './suites';

/**
 * `npm run bench` — named workloads, results in bench/results.json.
 * `npm run bench -- --quick` — the same workloads on 100k customers / 1M orders
 * (the full run uses 10M orders), under a minute on a 2-core machine.
 * `npm run bench -- --only=foundation,segments` runs just those suites (after the
 * shared demo database is generated).
 */
const quick = process.argv.includes('--quick');
const only = (process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? []).filter(Boolean);
const root = resolve(import.meta.dirname, '../..');
const CUSTOMERS = 100_000;
const ORDERS = quick ? 1_000_000 : 10_000_000;
const REPS = quick ? 2 : 3;
const work = mkdtempSync(join(tmpdir(), 'patron-bench-'));
const results: BenchResult[] = [];

function log(msg: string): void {
  console.log(`[bench] ${msg}`);
}

/** Baseline for generation: the same number of bare order rows into an unindexed table. */
function bareInsert(file: string, n: number): number {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE orders (customer_id INTEGER, order_date TEXT, amount_cents INTEGER)');
  const insert = db.prepare('INSERT INTO orders VALUES (?, ?, ?)');
  const t = performance.now();
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(i % CUSTOMERS, '2026-01-01', i);
  })();
  const ms = performance.now() - t;
  db.close();
  return ms;
}

try {
  const file = join(work, 'bench.sqlite');
  log(`demo generation: ${CUSTOMERS} customers, ${ORDERS} orders…`);
  const t = performance.now();
  const summary = createDemoDatabase(file, { customers: CUSTOMERS, orders: ORDERS, asOf: '2026-11-23', seed: 7 });
  const genMs = performance.now() - t;
  const genRss = rssMb();
  const bareMs = bareInsert(join(work, 'bare.sqlite'), summary.orders);
  results.push(
    result('demo.generate', summary.orders, genMs, bareMs, genRss, `${summary.customers} customers, ${summary.orders} orders, ${summary.interactions} interactions; baseline = bare insert of the same number of order rows`),
  );

  const env: BenchEnv = { root, work, file, quick, reps: REPS, customers: CUSTOMERS, summary, log };
  for (const [name, suite] of suites) {
    if (only.length > 0 && !only.includes(name)) continue;
    log(`suite ${name}…`);
    results.push(...(await suite(env)));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
log(`wrote bench/results.json (${quick ? 'quick' : 'full'} run)`);
