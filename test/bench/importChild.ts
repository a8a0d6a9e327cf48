import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../electron/db/connection';
import { runImport } from '../../electron/import/run';
import { importOptionsSchema } from '../../shared/import/targets';
import { peakRssMb } from './measure';

/**
 * One .xlsx customer import in a fresh process, so its peak RSS is its own:
 * `tsx test/bench/importChild.ts FILE.xlsx DB [import|exceljs]` prints {ms, rows, rss_mb}.
 * `import` runs the import pipeline into a new empty database DB (what the
 * import job runs); `exceljs` only loads the workbook with exceljs's Workbook,
 * the reader imports used before the streaming reader (its time and memory
 * are a floor of the old import).
 */
const [xlsx, dbFile, mode] = process.argv.slice(2);
if (!xlsx || !dbFile) throw new Error('usage: importChild.ts FILE.xlsx DB [import|exceljs]');
const t0 = performance.now();
let rows: number;
if (mode === 'exceljs') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  rows = wb.worksheets[0]?.actualRowCount ?? 0;
} else {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const { db } = openDatabase(dbFile, { create: true });
  const noHooks = { progress: () => undefined, checkCancelled: () => undefined };
  const report = await runImport(
    db,
    { file: xlsx, target: 'customers', options: importOptionsSchema.parse({}), commit: true, actor: 'bench', at: new Date().toISOString(), asOf: '2026-11-23', backupPath: null },
    noHooks,
  );
  if (report.errorRows > 0) throw new Error(`${report.errorRows} error rows`);
  rows = report.new;
  db.close();
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rows, rss_mb: peakRssMb() }));
