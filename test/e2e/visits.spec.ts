import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';
import { withDb } from './db';
import { savePreviewAsPdf } from './print';

const highTierCount = (dbPath: string) =>
  withDb(dbPath, (db) => db.prepare("SELECT count(*) FROM segment_results r JOIN customers c ON c.id = r.customer_id WHERE coalesce(c.tier_override, r.tier) = 'high'").pluck().get() as number);

/** Steps the month calendar forward to the first month with plans in it. */
async function showPlannedMonth(page: Page, nextLabel: string): Promise<void> {
  const inMonth = page.locator('.visit-calendar__day:not(.visit-calendar__day--outside) .visit-chip');
  for (let i = 0; i < 24 && !(await inMonth.first().isVisible()); i++) await page.getByRole('button', { name: nextLabel }).click();
  await expect(inMonth.first()).toBeVisible();
}

async function segment(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/segments`);
  await page.getByTestId('segment-run').click();
  await expect(page.getByTestId('segment-last-run')).toContainText('2,000', { timeout: 60_000 });
}

/** Plans visits for the high-value tier through the form (preview, then create) and returns how many. */
async function planHighTier(page: Page, url: string, dbPath: string): Promise<number> {
  await page.goto(`${url}#/visits/plan`);
  await page.getByTestId('visit-plan-kind').selectOption('tier');
  await page.getByTestId('visit-plan-segment').selectOption('high');
  await page.getByTestId('visit-plan-from').fill('2026-12-01');
  await page.getByTestId('visit-plan-to').fill('2027-02-26');
  await page.getByTestId('visit-plan-preview').click();
  const high = highTierCount(dbPath);
  await expect(page.getByTestId('visit-plan-create')).toContainText(String(high));
  return high;
}

/** Saves the visit sheets of three plans as one PDF through the print preview and checks it page by page. */
async function printThree(page: Page, lang: string, paper: 'A4' | 'Letter'): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/visits/list'));
  const rows = page.locator('[data-testid^="visit-row-"]');
  await expect(rows.first()).toBeVisible();
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    names.push((await row.getAttribute('data-customer')) ?? '');
    await row.getByRole('checkbox').check();
  }
  await page.getByTestId('visit-print-selected').click();
  await expect(page.getByTestId('print-root')).toHaveAttribute('data-print-ready', 'true');
  if (paper === 'Letter') await page.getByTestId('print-paper').selectOption('Letter');
  await expect(page).toHaveURL(new RegExp(`paper=${paper}`));
  await expect(page.getByTestId('visit-sheet')).toHaveCount(3);
  await page.screenshot({ path: join(screenshotDir, `visits-print-preview-${lang}.png`) });
  const { path, info } = await savePreviewAsPdf(page);
  expect(/Pages:\s+(\d+)/.exec(info)?.[1]).toBe('3');
  expect(info).toMatch(paper === 'A4' ? /Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/ : /Page size:\s+612(\.\d+)? x 792(\.\d+)? pts \(letter\)/);
  for (let page = 1; page <= 3; page++) {
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', path, '-'], { encoding: 'utf8' });
    const name = names[page - 1] ?? '';
    expect(text).toContain(name);
    for (const other of names) if (other !== name) expect(text).not.toContain(other);
  }
  // Every font is embedded (Chromium embeds the CJK glyphs as Type 3 outlines), so no viewer substitutes them.
  const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  expect(fonts.length).toBeGreaterThan(0);
  for (const row of fonts) expect(/(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(row)?.[1]).toBe('yes');
  execFileSync('pdftoppm', ['-png', '-r', '60', path, join(screenshotDir, `visits-pdf-${lang}`)]);
}

test.describe('Visit plans in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('plan a segment with preview, record one visit as done and see the interaction; print three sheets to a three-page PDF', async ({ page, patron }) => {
    test.setTimeout(180_000);
    await segment(page, patron.url);
    const high = await planHighTier(page, patron.url, patron.dbPath);
    await expect(page.getByTestId('visit-plan-preview-table')).toContainText('深度合作');
    await page.screenshot({ path: join(screenshotDir, 'visits-plan-zh-CN.png') });
    await page.getByTestId('visit-plan-create').click();
    await expect(page).toHaveURL(/#\/visits\/list/);
    await expect(page.getByTestId('visit-count')).toContainText(`${high}`);
    expect(withDb(patron.dbPath, (db) => db.prepare('SELECT count(*) FROM visit_plans').pluck().get())).toBe(high);

    // Record the first visit as done: it logs a 'visit' interaction.
    const first = page.locator('[data-testid^="visit-row-"]').first();
    const planId = Number((await first.getAttribute('data-testid'))?.replace('visit-row-', ''));
    const customerName = (await first.getAttribute('data-customer')) ?? '';
    await page.getByTestId(`visit-record-${planId}`).click();
    await page.getByTestId('visit-outcome').fill('确认了明年的采购计划');
    await page.getByTestId('visit-record-save').click();
    await expect(first).toContainText('已完成');
    const logged = withDb(patron.dbPath, (db) => db.prepare("SELECT i.customer_id AS customerId, i.summary FROM visit_plans p JOIN interactions i ON i.id = p.interaction_id WHERE p.id = ? AND i.channel = 'visit'").get(planId) as { customerId: number; summary: string } | undefined);
    expect(logged?.summary).toContain('确认了明年的采购计划');
    await page.screenshot({ path: join(screenshotDir, 'visits-list-zh-CN.png') });

    await first.getByRole('link', { name: customerName }).click();
    await expect(page.getByTestId('profile-interactions')).toContainText('确认了明年的采购计划');
    await expect(page.getByTestId('profile-visits')).toContainText('已完成');
    await page.getByTestId('profile-visits').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'visits-profile-zh-CN.png') });

    await page.goto(`${patron.url}#/visits/calendar`);
    await page.locator('.visit-calendar__title').waitFor();
    // Step to December 2026, where the plans are.
    await showPlannedMonth(page, '下一页');
    await page.screenshot({ path: join(screenshotDir, 'visits-calendar-zh-CN.png') });
    await page.getByTestId('calendar-week').click();
    await page.screenshot({ path: join(screenshotDir, 'visits-calendar-week-zh-CN.png') });

    await page.goto(`${patron.url}#/visits/templates`);
    await page.getByTestId('business-name').fill('恒信贸易有限公司');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('已保存');
    await page.screenshot({ path: join(screenshotDir, 'visits-templates-zh-CN.png') });

    await printThree(page, 'zh-CN', 'A4');
  });
});

test.describe('Visit plans in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('plan from the customer grid selection and for one customer; edit a template into a new version; print three sheets', async ({ page, patron }) => {
    test.setTimeout(180_000);
    await segment(page, patron.url);
    // One customer: the route issue 7's alerts link to.
    await page.goto(`${patron.url}#/visits?customer=1`);
    await expect(page.getByTestId('visit-plan-customer')).toContainText('Customer:');
    await page.getByTestId('visit-plan-preview').click();
    await expect(page.getByTestId('visit-plan-create')).toHaveText('Create 1 plan');
    await page.getByTestId('visit-plan-create').click();
    await expect(page.getByTestId('visit-count')).toContainText('Showing 1 of 1');

    // The grid's selection: "Plan visits" on the Customers toolbar.
    await page.goto(`${patron.url}#/customers`);
    await expect(page.getByTestId('customer-count')).toBeVisible();
    for (const id of [2, 3]) await page.locator(`[role="row"][row-id="${id}"] .ag-selection-checkbox input`).first().check();
    await page.screenshot({ path: join(screenshotDir, 'visits-grid-button-en.png') });
    await page.getByTestId('plan-visits').click();
    await expect(page.getByTestId('visit-plan-form')).toContainText('Selected customers (2)');
    await page.getByTestId('visit-plan-preview').click();
    await page.getByTestId('visit-plan-create').click();
    await expect(page.getByTestId('visit-count')).toContainText('Showing 3 of 3');

    // A template edit makes version 2; the plan made keeps version 1.
    await page.goto(`${patron.url}#/visits/templates`);
    await page.getByTestId('template-edit-high-high:high').click();
    await page.getByTestId('template-measuresEn').fill('Dedicated team; visit every two weeks');
    await page.getByTestId('template-save').click();
    await expect(page.getByTestId('template-table')).toContainText('version 2');
    await page.screenshot({ path: join(screenshotDir, 'visits-templates-en.png') });

    await planHighTier(page, patron.url, patron.dbPath);
    await page.getByTestId('visit-plan-create').click();
    await expect(page).toHaveURL(/#\/visits\/list/);
    await page.screenshot({ path: join(screenshotDir, 'visits-list-en.png') });
    await page.goto(`${patron.url}#/visits/calendar`);
    await showPlannedMonth(page, 'Next');
    await page.screenshot({ path: join(screenshotDir, 'visits-calendar-en.png') });
    await page.goto(`${patron.url}#/customers/1`);
    await page.getByTestId('profile-visits').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('profile-visits')).toContainText('Planned');
    await page.screenshot({ path: join(screenshotDir, 'visits-profile-en.png') });

    await printThree(page, 'en', 'Letter');
  });
});
