import { existsSync, rmSync } from 'node:fs';
import { isIsoDate, localToday } from '../../shared/domain/dates';
import { createDemoDatabase, DEFAULT_DEMO } from '../services/demo/generate';
import { parse, positiveInt, requireDb } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const demoUsage = 'patron demo --db FILE [--customers N] [--orders N] [--seed N] [--as-of YYYY-MM-DD] [--force] [--json]';

export function demoCommand(argv: string[], out: Streams): number {
  const v = parse('demo', argv, {
    db: { type: 'string' },
    customers: { type: 'string' },
    orders: { type: 'string' },
    seed: { type: 'string' },
    'as-of': { type: 'string' },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const file = requireDb('demo', v.db);
  const asOf = v['as-of'] ?? localToday();
  if (!isIsoDate(asOf)) throw new CliError(`patron demo: --as-of must be a date as YYYY-MM-DD, got "${asOf}"`, 2);
  const customers = positiveInt('demo', '--customers', v.customers, DEFAULT_DEMO.customers);
  const orders = positiveInt('demo', '--orders', v.orders, Math.round((DEFAULT_DEMO.orders / DEFAULT_DEMO.customers) * customers));
  const seed = positiveInt('demo', '--seed', v.seed, 20260101);
  if (existsSync(file)) {
    if (!v.force) throw new CliError(`patron demo: ${file} already exists; choose another file or pass --force to replace it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
  const started = performance.now();
  // Large demos take a while (10M orders ≈ 30 s): show progress on a terminal, never in --json output.
  const showProgress = !v.json && process.stderr.isTTY;
  const onProgress = showProgress
    ? (done: number, total: number) => {
        out.stderr.write(`\rGenerating demo data… ${Math.floor((done / total) * 100)}%`);
      }
    : undefined;
  const summary = createDemoDatabase(file, { customers, orders, seed, asOf, onProgress });
  if (showProgress) out.stderr.write('\n');
  const ms = Math.round(performance.now() - started);
  if (v.json) {
    printJson(out, { file, ms, ...summary });
  } else {
    out.stdout.write(`Created demo database ${file} in ${(ms / 1000).toFixed(1)} s\n`);
    printTable(out, [
      ['customers', summary.customers],
      ['contacts', summary.contacts],
      ['orders', summary.orders],
      ['interactions', summary.interactions],
      ['complaints', summary.complaints],
      ['staff', summary.staff],
      ['as of', summary.asOf],
      ['seed', summary.seed],
    ]);
  }
  return 0;
}
