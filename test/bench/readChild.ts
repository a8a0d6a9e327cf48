import { copyFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { openDatabase } from '../../electron/db/connection';
import { runImport } from '../../electron/import/run';
import { ZipReader } from '../../electron/import/zipReader';
import { importOptionsSchema, type ImportTarget } from '../../shared/import/targets';
import { peakRssMb } from './measure';

/**
 * One outside file read in a fresh process, for its own time and peak RSS:
 * `tsx test/bench/readChild.ts MODE FILE [TEMPLATE-DB TARGET]` prints {ms, cpu_ms, rows, rss_mb, error}.
 * new: the import's .xlsx reader; old: the reader before issue 20 (its module
 * path in OLD_XLSX_READER); saxes: only tokenizing the first sheet's XML with
 * saxes (no values kept: a floor for a saxes-based reader); import: the whole
 * import (read, plan, write in one transaction) into a copy of TEMPLATE-DB.
 */
interface Reader {
  readWorkbook(file: string): unknown;
  sheetGrid(wb: unknown, name: undefined, file: string): Promise<{ rows: unknown[] }>;
  closeWorkbook(wb: unknown): void;
}

const [mode, file, template, target] = process.argv.slice(2);
if (!mode || !file) throw new Error('usage: readChild.ts new|old|saxes|import FILE [TEMPLATE-DB TARGET]');
const t0 = performance.now();
let rows = 0;
let error: string | null = null;
try {
  if (mode === 'new' || mode === 'old') {
    const reader = (await import(mode === 'new' ? '../../electron/import/xlsx' : (process.env.OLD_XLSX_READER ?? ''))) as Reader;
    const wb = reader.readWorkbook(file);
    try {
      rows = (await reader.sheetGrid(wb, undefined, file)).rows.length;
    } finally {
      reader.closeWorkbook(wb);
    }
  } else if (mode === 'saxes') {
    const zip = new ZipReader(file);
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', (tag) => {
      if (tag.name === 'row') rows++;
    });
    try {
      for await (const chunk of zip.textChunks('xl/worksheets/sheet1.xml')) parser.write(chunk);
      parser.close();
    } finally {
      zip.close();
    }
  } else {
    if (!template || !target) throw new Error('import needs TEMPLATE-DB and TARGET');
    const db = `${template}.run.sqlite`;
    copyFileSync(template, db);
    const { db: conn } = openDatabase(db);
    const report = await runImport(
      conn,
      { file, target: target as ImportTarget, options: importOptionsSchema.parse({}), commit: true, actor: 'bench', at: new Date().toISOString(), asOf: '2026-11-23', backupPath: null },
      { progress: () => undefined, checkCancelled: () => undefined },
    );
    conn.close();
    rows = report.new + report.updated;
    if (!report.committed) error = `not committed: ${report.errors[0]?.reason ?? 'blocked'}`;
  }
} catch (err) {
  error = err instanceof Error ? err.message.slice(0, 300) : String(err);
}
const cpu = process.cpuUsage();
console.log(JSON.stringify({ ms: performance.now() - t0, cpu_ms: (cpu.user + cpu.system) / 1000, rows, rss_mb: peakRssMb(), error }));
