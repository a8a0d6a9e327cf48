import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeWorkbook, readWorkbook, sheetGrid } from '../../../electron/import/xlsx';
import { browserCandidates } from '../../../electron/print/browserPdf';
import { servicesOnTempDb } from '../helpers/services';
import { tempDir } from '../helpers/temp';
import { fillKpiFixture } from './fixture';
import { runCli as run } from '../helpers/cli';

function fixtureDb(): string {
  const { db, file } = servicesOnTempDb();
  fillKpiFixture(db);
  db.close();
  return file;
}

describe('patron report', () => {
  it('--json prints the month’s KPIs, the same numbers as the dashboard service', async () => {
    const file = fixtureDb();
    const r = await run('report', '--db', file, '--month', '2026-10', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { month: string; kpis: { id: string; value: number | null; previous: number | null; target: number | null; state: string }[]; detail: { lost: number } };
    expect(out.month).toBe('2026-10');
    expect(out.kpis.find((k) => k.id === 'churn')).toEqual({ id: 'churn', value: 0.25, previous: 0, target: 0.05, state: 'red' });
    expect(out.kpis.find((k) => k.id === 'nps')?.value).toBe(0);
    expect(out.detail.lost).toBe(1);
  });

  it('writes the workbook to OUT.xlsx (a zip with one sheet per section)', async () => {
    const file = fixtureDb();
    const out = join(tempDir(), 'sub', 'report.xlsx');
    const r = await run('report', '--db', file, '--month', '2026-10', '--lang', 'en', out);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.toString('latin1')).toContain('xl/worksheets/sheet9.xml');
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('says plainly when no browser can make the PDF, and rejects bad arguments', async () => {
    const file = fixtureDb();
    const out = join(tempDir(), 'report.pdf');
    const none = await run('report', '--db', file, '--month', '2026-10', '--browser', '/nonexistent/chrome', out);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no browser at /nonexistent/chrome');
    expect(existsSync(out)).toBe(false);
    expect((await run('report', '--db', file, '--month', '2026-13', '--json')).code).toBe(2);
    expect((await run('report', '--db', file, 'out.docx')).stderr).toContain('must end in .xlsx or .pdf');
    expect((await run('report', '--db', file, '--month', '2026-10')).stderr).toContain('give OUT.xlsx or OUT.pdf, or --json');
    expect((await run('report', '--db', join(tempDir(), 'missing.sqlite'), '--json')).code).toBe(1);
  });

  it('knows where Chrome, Edge and Chromium live on each platform', () => {
    expect(browserCandidates('linux')).toContain('/usr/bin/chromium');
    expect(browserCandidates('darwin').some((p) => p.includes('Microsoft Edge.app'))).toBe(true);
    expect(browserCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' }).some((p) => p.endsWith('chrome.exe'))).toBe(true);
  });
});

describe('the report workbook in Chinese', () => {
  it('writes severities and action statuses as Chinese words, not codes', async () => {
    const file = fixtureDb();
    const out = join(tempDir(), 'report-zh.xlsx');
    expect((await run('report', '--db', file, '--month', '2026-10', '--lang', 'zh-CN', out)).code).toBe(0);
    const wb = readWorkbook(out);
    try {
      const complaints = await sheetGrid(wb, '客诉与SLA', out);
      const actions = await sheetGrid(wb, '改进措施', out);
      const cells = [...complaints.rows, ...actions.rows].flat().map(String);
      expect(cells).toContain('中');
      expect(cells).toContain('待办');
      expect(cells.filter((c) => /^(low|medium|high|todo|doing|done|cancelled)$/.test(c))).toEqual([]);
    } finally {
      closeWorkbook(wb);
    }
  });
});
