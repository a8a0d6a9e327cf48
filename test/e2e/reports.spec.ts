import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatKpi } from '../../shared/kpi/format';
import { addMonths } from '../../shared/kpi/months';
import { kpiIds, type KpiId } from '../../shared/kpi/targets';
import { expect, screenshotDir, test } from './fixtures';

const root = resolve(import.meta.dirname, '../..');

interface CliReport {
  month: string;
  kpis: { id: KpiId; value: number | null; previous: number | null; target: number | null; state: string }[];
  detail: { lost: number; ordering: number };
}

/** `patron report --json` as a child process, as a scheduler would run it. */
function cliReport(dbPath: string, month: string): CliReport {
  const r = spawnSync(process.execPath, [join(root, 'electron/cli/patron.mjs'), 'report', '--db', dbPath, '--month', month, '--json'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliReport;
}

/** The last complete month: its figures no longer move with the clock. */
function lastMonth(): string {
  const d = new Date();
  return addMonths(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`, -1);
}

test.describe('Dashboard in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('shows the same numbers as patron report --json, and a figure opens the customers behind it', async ({ page, patron }) => {
    const month = lastMonth();
    await page.goto(`${patron.url}#/reports`);
    await expect(page.getByRole('heading', { name: '经营看板', exact: true })).toBeVisible();
    await page.getByTestId('report-month').fill(month);
    await expect(page.getByTestId('kpi-value-customers')).not.toHaveText('—');
    const cli = cliReport(patron.dbPath, month);
    expect(cli.kpis.map((k) => k.id)).toEqual([...kpiIds]);
    for (const k of cli.kpis) {
      await expect(page.getByTestId(`kpi-value-${k.id}`)).toHaveText(formatKpi(k.id, k.value, 'zh-CN'));
      await expect(page.getByTestId(`kpi-${k.id}`)).toHaveAttribute('data-state', k.state);
    }
    // The demo has customers lost and buying in every month: the figures are not trivial.
    expect(cli.detail.lost).toBeGreaterThan(0);
    expect(cli.kpis.find((k) => k.id === 'churn')?.value).toBeGreaterThan(0);
    await expect(page.getByTestId('trend-chart').locator('svg')).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'reports-zh-CN.png') });
    await page.getByTestId('report-detail').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'reports-charts-zh-CN.png') });

    // Click-through: churn opens exactly the customers lost that month.
    await page.getByTestId('kpi-value-churn').click();
    await expect(page).toHaveURL(/#\/customers/);
    await expect(page.getByTestId('id-filter')).toContainText('月流失率');
    await expect(page.getByText(`显示 ${cli.detail.lost} / 2000`)).toBeVisible();
  });

  test('the manager report prints as A4 pages with charts', async ({ page, patron }) => {
    await page.goto(`${patron.url}#/print/report?month=${lastMonth()}`);
    await expect(page.locator('[data-print-ready="true"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { name: '客户经营月报' })).toBeVisible();
    await expect(page.getByTestId('report-kpis').getByRole('row')).toHaveCount(1 + kpiIds.length);
    await page.screenshot({ path: join(screenshotDir, 'report-print-zh-CN.png'), fullPage: true });
  });
});

test.describe('Dashboard in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('segment selector, edited targets and the Excel export', async ({ page, patron }) => {
    const month = lastMonth();
    await page.goto(`${patron.url}#/settings`);
    const settings = page.getByTestId('report-settings');
    await settings.scrollIntoViewIfNeeded();
    await page.getByTestId('target-churn').fill('50');
    await page.getByTestId('report-settings-save').click();
    await expect(settings.getByText('Targets saved')).toBeVisible();
    await settings.screenshot({ path: join(screenshotDir, 'report-settings-en.png') });

    await page.goto(`${patron.url}#/reports`);
    await page.getByTestId('report-month').fill(month);
    // A churn target of 50 % turns the card green.
    await expect(page.getByTestId('kpi-churn')).toHaveAttribute('data-state', 'green');
    await expect(page.getByTestId('kpi-churn')).toContainText('Target 50.0%');
    const all = await page.getByTestId('kpi-value-activeCustomers').innerText();
    await page.getByTestId('report-tier').selectOption('high');
    await expect(page.getByTestId('kpi-value-activeCustomers')).not.toHaveText(all);
    await page.getByTestId('report-tier').selectOption('');
    await expect(page.getByTestId('kpi-value-activeCustomers')).toHaveText(all);
    await page.screenshot({ path: join(screenshotDir, 'reports-en.png') });
    await page.getByTestId('report-detail').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'reports-charts-en.png') });
    await page.getByTestId('report-export').click();
    await expect(page.getByTestId('report-message')).toContainText(`patron-report-${month}.xlsx`);
  });
});

test.describe('patron report to PDF', () => {
  test('renders the report route with the system Chromium into A4 pages (zh-CN and en)', ({ patron }) => {
    const dir = mkdtempSync(join(tmpdir(), 'patron-report-pdf-'));
    try {
      for (const lang of ['zh-CN', 'en']) {
        const out = join(dir, `report-${lang}.pdf`);
        const r = spawnSync(process.execPath, [join(root, 'electron/cli/patron.mjs'), 'report', '--db', patron.dbPath, '--month', lastMonth(), '--lang', lang, out], { cwd: root, encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        const pdf = readFileSync(out);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        // pdftoppm makes one PNG per page (looked at by hand: see docs/reports.md).
        spawnSync('pdftoppm', ['-r', '40', '-png', out, join(screenshotDir, `report-pdf-${lang}`)]);
        const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
        expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(4);
        expect(info).toMatch(/Page size:.*\(A4\)/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
