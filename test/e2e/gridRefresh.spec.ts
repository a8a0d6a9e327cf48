import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, screenshotDir, test } from './fixtures';
import { withDb } from './db';
import { cell, editCell, showColumn } from './grid';

/** The grid's one-read sort, its own quick search and single-row refreshes (issue 5, speed). */

/** Ids of the first `n` displayed rows, in display order. */
async function firstRowIds(page: Page, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push(Number(await page.locator(`[role="row"][row-index="${i}"][row-id]`).first().getAttribute('row-id')));
  return ids;
}

async function openGrid(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('customer-count')).toBeVisible();
  await expect(cell(page, 1, 'name')).toBeVisible();
}

const ORDER_BY_TOTAL = 'SELECT c.id FROM customers c LEFT JOIN customer_rollups r ON r.customer_id = c.id ORDER BY COALESCE(r.total_cents, 0) DIR, c.id LIMIT 5';

test.describe('Customer grid at speed, in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('sorting orders rows exactly as before: by value, ties in id order, both directions, and by a column comparator', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    const header = (colId: string) => page.locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-label`);
    await showColumn(page, 'total');
    await header('total').click();
    await expect.poll(() => firstRowIds(page, 5)).toEqual(withDb(patron.dbPath, (db) => db.prepare(ORDER_BY_TOTAL.replace('DIR', 'ASC')).pluck().all()));
    await header('total').click();
    await expect.poll(() => firstRowIds(page, 5)).toEqual(withDb(patron.dbPath, (db) => db.prepare(ORDER_BY_TOTAL.replace('DIR', 'DESC')).pluck().all()));
    // Status sorts in its domain order (prospect → active → dormant → lost), not alphabetically.
    await header('total').click();
    await showColumn(page, 'status');
    await header('status').click();
    const statusOrder = "CASE status WHEN 'prospect' THEN 0 WHEN 'active' THEN 1 WHEN 'dormant' THEN 2 ELSE 3 END";
    await expect.poll(() => firstRowIds(page, 5)).toEqual(withDb(patron.dbPath, (db) => db.prepare(`SELECT id FROM customers ORDER BY ${statusOrder}, id LIMIT 5`).pluck().all()));
  });

  test('a column sorted again reuses its ranks only while its rows are unchanged: an edited name sorts by its new value', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    const header = page.locator('.ag-header-cell[col-id="name"] .ag-header-cell-label');
    const byName = (dir: string) => withDb(patron.dbPath, (db) => db.prepare(`SELECT id FROM customers ORDER BY name ${dir}, id LIMIT 5`).pluck().all());
    await header.click();
    await expect.poll(() => firstRowIds(page, 5)).toEqual(byName('ASC'));
    // Descending from the kept ranks: ties still in id order.
    await header.click();
    await expect.poll(() => firstRowIds(page, 5)).toEqual(byName('DESC'));
    await header.click();
    await expect.poll(() => firstRowIds(page, 1)).toEqual([1]);
    // Customer 3 renamed to sort first: its kept rank is stale, so the name is ranked again.
    await editCell(page, 3, 'name', '!首位客户');
    await expect.poll(() => withDb(patron.dbPath, (db) => db.prepare('SELECT name FROM customers WHERE id = 3').pluck().get())).toBe('!首位客户');
    await expect(cell(page, 3, 'name')).toHaveText('!首位客户');
    await header.click();
    await expect.poll(() => firstRowIds(page, 5)).toEqual(byName('ASC'));
    expect((await firstRowIds(page, 1))[0]).toBe(3);
    await page.screenshot({ path: join(screenshotDir, 'grid-sorted-by-name-en.png') });
  });

  test('an edit refreshes only its row (no reload of the whole list), and the search follows the new name', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    const calls: string[] = [];
    page.on('request', (r) => {
      const m = /\/ipc\/([^?]+)/.exec(r.url());
      if (m?.[1]) calls.push(decodeURIComponent(m[1]));
    });
    await editCell(page, 3, 'name', '李雷');
    await expect.poll(() => withDb(patron.dbPath, (db) => db.prepare('SELECT name FROM customers WHERE id = 3').pluck().get())).toBe('李雷');
    await expect.poll(() => calls.includes('customers:rows')).toBe(true);
    expect(calls).not.toContain('customers:list');
    // The stored pinyin keys follow the rename: "ll" finds 李雷 through the refreshed row.
    await page.getByTestId('customer-search').fill('ll');
    await expect(page.locator('[role="gridcell"][col-id="name"]').getByText('李雷', { exact: true })).toBeVisible();
    await page.getByTestId('customer-search').fill('lilei');
    await expect(page.locator('[role="gridcell"][col-id="name"]').getByText('李雷', { exact: true })).toBeVisible();
    expect(withDb(patron.dbPath, (db) => db.prepare('SELECT pinyin FROM customer_search WHERE customer_id = 3').pluck().get())).toMatch(/^lilei ll/);
    // Several words must all match (AG Grid's quick-filter rule).
    await page.getByTestId('customer-search').fill('lilei nosuchword');
    await expect(page.locator('[role="gridcell"][col-id="name"]')).toHaveCount(0);
  });
});

test.describe('Customer grid at speed, in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('the grid sorted by total amount, both ways, from the ranks made while idle', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    const header = page.locator('.ag-header-cell[col-id="total"] .ag-header-cell-label');
    await showColumn(page, 'total');
    await header.click();
    await expect.poll(() => firstRowIds(page, 5)).toEqual(withDb(patron.dbPath, (db) => db.prepare(ORDER_BY_TOTAL.replace('DIR', 'ASC')).pluck().all()));
    await header.click();
    await expect.poll(() => firstRowIds(page, 5)).toEqual(withDb(patron.dbPath, (db) => db.prepare(ORDER_BY_TOTAL.replace('DIR', 'DESC')).pluck().all()));
    await page.screenshot({ path: join(screenshotDir, 'grid-sorted-by-total-zh-CN.png') });
  });
});

test.describe('Customer grid follows the warnings', () => {
  test.use({ systemLocale: 'en-US' });

  test('a warnings run that raises an alert updates the open-warnings column without a reload', async ({ page, patron }) => {
    // Customer 1 bought last long ago and has no alerts: the next run raises one for it.
    withDb(patron.dbPath, (db) => {
      db.prepare("UPDATE orders SET order_date = '2024-01-05' WHERE customer_id = 1").run();
      db.prepare('DELETE FROM alerts WHERE customer_id = 1').run();
    });
    await openGrid(page, patron.url);
    await showColumn(page, 'openWarnings');
    await expect(cell(page, 1, 'openWarnings')).toHaveText('');
    const started = await page.evaluate(() => window.patron?.invoke('warnings:run', {}));
    expect(started).toMatchObject({ ok: true });
    await expect(cell(page, 1, 'openWarnings')).toHaveText(/^[1-9]\d*$/);
  });
});
