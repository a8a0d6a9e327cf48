import { execFileSync } from 'node:child_process';
import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/db/connection';
import { runImport } from '../../../electron/import/run';
import { csvField } from '../../../electron/import/csv';
import { importOptionsSchema } from '../../../shared/import/targets';
import { hostileFileRows } from '../hostileFiles';
import { median, result, rssMb, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

const noHooks = { progress: () => undefined, checkCancelled: () => undefined };

/** A database with the demo's staff and customers but no orders: the target of the import runs. */
function customersOnly(env: BenchEnv): string {
  const file = join(env.work, 'import-template.sqlite');
  const { db } = openDatabase(file, { create: true });
  db.exec(`ATTACH DATABASE '${env.file.replace(/'/g, "''")}' AS demo`);
  db.transaction(() => {
    db.exec('INSERT INTO staff SELECT * FROM demo.staff');
    db.exec('INSERT INTO customers SELECT * FROM demo.customers');
  })();
  db.exec('DETACH DATABASE demo');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

interface OrderRow {
  customer_id: number;
  code: string;
  order_no: string;
  order_date: string;
  amount_cents: number;
  quantity: number;
  category: string | null;
  channel: string | null;
}

/** Import speed and export speed/memory (issue 4). Every figure has a baseline from the same run. */
export async function importExportSuite(env: BenchEnv): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const template = customersOnly(env);
  const nOrders = env.quick ? 200_000 : 1_000_000;

  env.log(`import: writing a CSV of ${nOrders} orders…`);
  const src = openDatabase(env.file).db;
  const rows = src
    .prepare<[number], OrderRow>(
      `SELECT o.customer_id, c.code, 'B' || o.id AS order_no, o.order_date, o.amount_cents, o.quantity, o.category, o.channel
         FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id LIMIT ?`,
    )
    .all(nOrders);
  src.close();
  const csvFile = join(env.work, 'orders.csv');
  const parts = ['客户编号,订单号,订单日期,金额,数量,品类,渠道\n'];
  for (const r of rows) parts.push(`${r.code},${r.order_no},${r.order_date},${(r.amount_cents / 100).toFixed(2)},${r.quantity},${csvField(r.category ?? '')},${csvField(r.channel ?? '')}\n`);
  writeFileSync(csvFile, parts.join(''));
  const mb = statSync(csvFile).size / 1048576;

  // Floor: the same rows, already parsed, inserted with one prepared statement in one transaction.
  const floorFile = join(env.work, 'floor.sqlite');
  copyFileSync(template, floorFile);
  const floorDb = openDatabase(floorFile).db;
  const insert = floorDb.prepare('INSERT INTO orders (customer_id, order_no, order_date, amount_cents, quantity, category, channel, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const at = new Date().toISOString();
  let t = performance.now();
  floorDb.transaction(() => {
    for (const r of rows) insert.run(r.customer_id, r.order_no, r.order_date, r.amount_cents, r.quantity, r.category, r.channel, at);
  })();
  const floorMs = performance.now() - t;
  floorDb.close();

  env.log('import: orders CSV through the import pipeline…');
  const importFile = join(env.work, 'import.sqlite');
  copyFileSync(template, importFile);
  const importDb = openDatabase(importFile).db;
  t = performance.now();
  const report = await runImport(
    importDb,
    { file: csvFile, target: 'orders', options: importOptionsSchema.parse({}), commit: true, actor: 'bench', at, asOf: '2026-11-23', backupPath: null },
    noHooks,
  );
  const importMs = performance.now() - t;
  const importRss = rssMb();
  importDb.close();
  results.push(
    result('import.orders-csv', report.new, importMs, floorMs, importRss, `${mb.toFixed(1)} MB UTF-8 CSV: decode, parse, map, validate, match customers by code and orders by number (none stored yet, so duplicates are checked within the file only), insert + batch log in one transaction; baseline (floor) = the same rows pre-parsed (customer ids resolved), one prepared INSERT, one transaction, into an identical copy of the database (same orders table, indexes and rollup triggers, which both pay) (${report.errorRows} error rows)`),
  );

  env.log('export: customers to .xlsx in fresh processes…');
  const xlsx = join(env.work, 'customers.xlsx');
  // Each run in its own process, so its peak RSS is its own; export and baseline alternate, medians reported.
  const child = (mode: 'export' | 'list') => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(env.root, 'test/bench/exportChild.ts'), env.file, xlsx, mode], { cwd: env.root, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number; rows: number; rss_mb: number };
  };
  const exports: { ms: number; rows: number; rss_mb: number }[] = [];
  const lists: number[] = [];
  for (let i = 0; i < env.reps + 1; i++) {
    exports.push(child('export'));
    lists.push(child('list').ms);
  }
  results.push(
    result(
      'export.customers-xlsx',
      exports[0]?.rows ?? 0,
      median(exports.map((e) => e.ms)),
      median(lists),
      Math.max(...exports.map((e) => e.rss_mb)),
      `12 columns, own streaming .xlsx writer (typed cells, styled frozen header, autofilter, shared strings for repeating text columns), raw rows of only the asked-for fields streamed from SQLite; ${(statSync(xlsx).size / 1048576).toFixed(1)} MB; median of ${exports.length}, rss = highest peak of the export processes; baseline = loading the same rows the way the grid does (customers:list) in its own process`,
    ),
  );

  env.log('import: customers from that .xlsx in fresh processes…');
  // Each run in its own process for its own peak RSS; the import and exceljs's whole-workbook read alternate.
  const importChild = (mode: 'import' | 'exceljs') => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(env.root, 'test/bench/importChild.ts'), xlsx, join(env.work, 'customers-import.sqlite'), mode], {
      cwd: env.root,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number; rows: number; rss_mb: number };
  };
  const imports: { ms: number; rows: number; rss_mb: number }[] = [];
  const reads: { ms: number; rss_mb: number }[] = [];
  for (let i = 0; i < env.reps; i++) {
    imports.push(importChild('import'));
    reads.push(importChild('exceljs'));
  }
  results.push(
    result(
      'import.customers-xlsx',
      imports[0]?.rows ?? 0,
      median(imports.map((e) => e.ms)),
      median(reads.map((e) => e.ms)),
      Math.max(...imports.map((e) => e.rss_mb)),
      `the export above re-imported into an empty database (streaming sheet reader, owners created, history totals as summary orders) in a fresh process; median of ${imports.length}, rss = highest peak; baseline = exceljs's Workbook only loading the same file (what the import used before: a floor of the old import's time), its peak RSS ${Math.max(...reads.map((e) => e.rss_mb))} MB`,
    ),
  );
  results.push(...(await hostileFileRows(env)));
  return results;
}
