import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder } from '../../electron/db/backupFiles';
import { writeCsv } from '../../electron/export/csv';
import { checkWriteTarget, writeAtomically } from '../../electron/export/safeWrite';
import { writeWorkbook, type CellInput } from '../../electron/export/workbook';
import { createDispatcher, type CallerInfo } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { smallDemoDb } from './helpers/dbContents';
import { servicesOnTempDb } from './helpers/services';
import { fileFingerprint, tempDir } from './helpers/temp';

const direct: CallerInfo = { transport: 'direct', url: null, isMainFrame: true };

/** Rows that fail after a few were written, as a full disk or a cancelled job would. */
function* failingRows(): Generator<CellInput[]> {
  for (let i = 0; i < 5000; i++) {
    if (i === 3000) throw new Error('disk full (simulated)');
    yield [`客户${i}`, i];
  }
}

const sheet = (rows: Iterable<CellInput[]>) => ({ name: 'x', columns: [{ header: 'name', type: 'text' as const }, { header: 'n', type: 'int' as const }], rows });

describe('write targets (safeWrite.ts)', () => {
  it('refuses the open database, its -wal, -shm and -journal, its backups folder, a link to it, a folder and a missing folder', () => {
    const dir = tempDir();
    const db = join(dir, 'shop.sqlite');
    writeFileSync(db, 'not really a database');
    mkdirSync(backupFolder(db));
    const link = join(dir, 'innocent.csv');
    symlinkSync(db, link);
    const refused: [string, RegExp][] = [
      [db, /is the open database$/],
      [`${db}-wal`, /open database's wal file/],
      [`${db}-shm`, /open database's shm file/],
      [`${db}-journal`, /open database's journal file/],
      [join(backupFolder(db), 'export.csv'), /backups folder/],
      [join(dir, 'backups', '..', 'backups', 'old.xlsx'), /backups folder/],
      [link, /is the open database$/],
      [dir, /is a folder/],
      [`${join(dir, 'new')}/`, /names a folder/],
      [join(dir, 'missing', 'out.csv'), /folder .* does not exist/],
    ];
    for (const [target, reason] of refused) expect(() => checkWriteTarget(target, db), target).toThrow(reason);
    expect(checkWriteTarget(join(dir, 'out.csv'), db)).toBe(join(dir, 'out.csv'));
    // A file named like the database elsewhere is fine.
    mkdirSync(join(dir, 'other'));
    expect(checkWriteTarget(join(dir, 'other', 'shop.sqlite'), db)).toBe(join(dir, 'other', 'shop.sqlite'));
  });

  it('a failing .xlsx or CSV export leaves the old file byte-identical and no temporary file behind', async () => {
    const dir = tempDir();
    for (const [name, write] of [
      ['report.xlsx', (f: string) => writeWorkbook(f, [sheet(failingRows())])],
      ['report.csv', (f: string) => writeCsv(f, sheet(failingRows()))],
    ] as const) {
      const target = join(dir, name);
      writeFileSync(target, 'the export of last month, which must survive');
      const before = readFileSync(target);
      await expect(write(target)).rejects.toThrow('disk full (simulated)');
      expect(readFileSync(target).equals(before)).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['report.csv', 'report.xlsx']);
    // A write that succeeds replaces the old file whole.
    await writeAtomically(join(dir, 'report.csv'), null, (temporary) => writeFileSync(temporary, 'new'));
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['report.csv', 'report.xlsx']);
  });

  it('exporting customers as CSV onto the open database is refused and the database stays byte-identical', async () => {
    const file = smallDemoDb();
    const { db, services } = servicesOnTempDb({ file });
    const before = fileFingerprint(file);
    for (const path of [file, `${file}-wal`, join(backupFolder(file), 'x.csv')]) {
      await expect(services.exports.run({ what: 'customers', format: 'csv', path })).rejects.toThrow(/cannot write/);
    }
    await expect(services.reports.exportXlsx('2026-10', 'en')).resolves.toMatchObject({ path: expect.stringContaining('reports') as unknown as string });
    expect(fileFingerprint(file)).toBe(before);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('the job checks its target too: an export job aimed at its own database fails and writes nothing', async () => {
    const file = smallDemoDb();
    const { jobs } = servicesOnTempDb({ file });
    const before = fileFingerprint(file);
    const outcome = await jobs.start('export', { what: 'customers', format: 'csv', view: {}, language: 'en', path: file }).outcome;
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/is the open database/) as unknown });
    expect(fileFingerprint(file)).toBe(before);
  });

  it('a save dialog answer pointing at the database is refused like any other target', async () => {
    const file = smallDemoDb();
    const { services } = servicesOnTempDb({ file, dialogs: { saveFile: () => Promise.resolve(file) } });
    const before = fileFingerprint(file);
    const dispatch = createDispatcher(handlerTable(services));
    expect(await dispatch('export:run', { what: 'customers', format: 'csv' }, direct)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/open database/) as unknown } });
    expect(await dispatch('reports:exportXlsx', { month: '2026-10', language: 'en' }, direct)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(fileFingerprint(file)).toBe(before);
  });
});
