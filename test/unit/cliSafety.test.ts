import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeArchive } from '../../electron/export/archive';
import { backupFolder } from '../../electron/services/safety';
import { contentsOf, smallDemoDb } from './helpers/dbContents';
import { fileFingerprint, tempDir } from './helpers/temp';
import { runCli as run } from './helpers/cli';

function contentsOfFile(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return contentsOf(db);
  } finally {
    db.close();
  }
}

describe('patron backup / restore / check', () => {
  it('backup then restore round-trips every table; the restore backs up the state it replaced', async () => {
    const file = smallDemoDb();
    const original = contentsOfFile(file);
    const to = join(tempDir(), 'copy.sqlite');
    const backup = await run('backup', '--db', file, '--to', to, '--json');
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ backup: to, verified: true });
    expect(contentsOfFile(to)).toEqual(original);

    const db = new Database(file);
    db.exec("DELETE FROM orders; UPDATE customers SET name = 'x'");
    db.close();
    const changed = contentsOfFile(file);

    const restore = await run('restore', '--db', file, '--from', to, '--json');
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const report = JSON.parse(restore.stdout) as { undoBackup: string };
    expect(contentsOfFile(file)).toEqual(original);
    expect(contentsOfFile(report.undoBackup)).toEqual(changed);

    const auto = await run('backup', '--db', file);
    expect(auto.code).toBe(0);
    expect(readdirSync(backupFolder(file)).some((n) => n.endsWith('-manual.sqlite'))).toBe(true);
  });

  it('backup to a full disk fails plainly and leaves the database untouched', async () => {
    const file = smallDemoDb();
    const print = fileFingerprint(file);
    const res = await run('backup', '--db', file, '--to', '/dev/full');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^patron backup: cannot write the backup \/dev\/full: the disk is full\. The database itself was not changed\.\n$/);
    expect(fileFingerprint(file)).toBe(print);
    expect(existsSync('/dev/full-journal')).toBe(false);
  });

  it('check reports ok, names damage plainly, and never changes a damaged file; restore recovers it and keeps the damaged copy', async () => {
    const file = smallDemoDb();
    const ok = await run('check', '--db', file);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('OK — integrity_check and foreign_key_check found no problems');
    const good = join(tempDir(), 'good.sqlite');
    expect((await run('backup', '--db', file, '--to', good)).code).toBe(0);

    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE orders SET customer_id = 424242 WHERE id = 7').run();
    db.close();
    const fk = await run('check', '--db', file, '--json');
    expect(fk.code).toBe(1);
    const fkReport = JSON.parse(fk.stdout) as { ok: boolean; foreignKeys: unknown[] };
    expect(fkReport.ok).toBe(false);
    expect(fkReport.foreignKeys).toContainEqual({ table: 'orders', rowid: 7, parent: 'customers' });

    const garbage = randomBytes(40_000);
    writeFileSync(file, garbage);
    const print = fileFingerprint(file);
    const bad = await run('check', '--db', file);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('DAMAGED — the file is not an SQLite database');
    expect((await run('backup', '--db', file)).stderr).toMatch(/cannot be used: the file is not an SQLite database.*has not been changed/);
    expect(fileFingerprint(file)).toBe(print);

    const restore = await run('restore', '--db', file, '--from', good, '--json');
    expect(restore.code).toBe(0);
    const moved = (JSON.parse(restore.stdout) as { damagedFileMovedTo: string }).damagedFileMovedTo;
    expect(readFileSync(moved).equals(garbage)).toBe(true);
    expect(contentsOfFile(file)).toEqual(contentsOfFile(good));
  });
});

describe('export everything (.xlsx archive)', () => {
  it('writes one sheet per table with every row, read back with exceljs', async () => {
    const file = smallDemoDb();
    const xlsx = join(tempDir(), 'archive.xlsx');
    const res = await run('archive', '--db', file, '--to', xlsx, '--json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const db = new Database(file, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual(tables);
    for (const t of tables) {
      const n = db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
      expect(book.getWorksheet(t)?.actualRowCount, t).toBe(n + 1);
    }
    const customers = book.getWorksheet('customers');
    const header = customers?.getRow(1).values as unknown[];
    const nameCol = header.indexOf('name');
    const first = db.prepare('SELECT name FROM customers ORDER BY id LIMIT 1').pluck().get();
    expect(customers?.getRow(2).getCell(nameCol).value).toBe(first);
    db.close();
    expect(existsSync(`${xlsx}.partial`)).toBe(false);
  });

  it('continues a table that exceeds the sheet row limit on further sheets', async () => {
    const file = smallDemoDb();
    const db = new Database(file, { readonly: true });
    const xlsx = join(tempDir(), 'split.xlsx');
    const summary = await writeArchive(db, xlsx, { rowsPerSheet: 400 });
    const orders = summary.tables.find((t) => t.table === 'orders');
    const n = db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    expect(orders?.sheets.length).toBe(Math.ceil(n / 400));
    expect(orders?.sheets[1]).toBe('orders (2)');
    db.close();
  });

  it('refuses a target that is not .xlsx', async () => {
    const file = smallDemoDb();
    const res = await run('archive', '--db', file, '--to', join(tempDir(), 'a.csv'));
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('must name an .xlsx file');
  });
});
