import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeArchive } from '../../../electron/export/archive';
import { smallDemoDb } from '../helpers/dbContents';
import { tempDir } from '../helpers/temp';

describe('archive of every table (own .xlsx writer)', () => {
  it('writes every stored value as it is stored: numbers as numbers, text as text, empty as empty, under a header row naming the columns', async () => {
    const db = new Database(smallDemoDb(), { readonly: true });
    const xlsx = join(tempDir(), 'archive.xlsx');
    const progress: number[] = [];
    const summary = await writeArchive(db, xlsx, { progress: (done, total) => progress.push(done / total) });
    expect(progress.at(-1)).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    for (const t of summary.tables) {
      const ws = book.getWorksheet(t.table);
      expect(ws, t.table).toBeDefined();
      const rows = db.prepare(`SELECT * FROM "${t.table}"`).raw().all() as unknown[][];
      const columns = (db.pragma(`table_info("${t.table}")`) as { name: string }[]).map((c) => c.name);
      expect((ws?.getRow(1).values as unknown[]).slice(1)).toEqual(columns);
      rows.forEach((row, i) => {
        const cells = (ws?.getRow(i + 2).values ?? []) as unknown[];
        // exceljs reads a missing cell and an empty text alike as undefined.
        expect(columns.map((_, c) => cells[c + 1] ?? null), `${t.table} row ${i + 1}`).toEqual(row.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v === '' ? null : v)));
      });
    }
    expect(summary.tables.find((t) => t.table === 'orders')?.rows).toBe(1500);
    db.close();
  });

  it('leaves nothing behind when cancelled midway, and holds no transaction afterwards', async () => {
    const db = new Database(smallDemoDb(), { readonly: true });
    const xlsx = join(tempDir(), 'cancelled.xlsx');
    let checks = 0;
    await expect(
      writeArchive(db, xlsx, {
        rowsPerSheet: 1000,
        checkCancelled: () => {
          if (++checks === 1) throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
    expect(existsSync(xlsx)).toBe(false);
    expect(existsSync(`${xlsx}.partial`)).toBe(false);
    expect(db.inTransaction).toBe(false);
    db.close();
  });
});
