import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';
import { cell } from './grid';

/**
 * The customer rows on screen, top down, as [row index, customer id]. A pinned column draws each
 * row twice; the row of the focused cell stays drawn, out of view, when scrolled away.
 */
function drawnRows(page: Page): Promise<[number, string][]> {
  return page.evaluate(() => {
    const grid = document.querySelector('[data-testid="customer-grid"]');
    const view = grid?.getBoundingClientRect();
    const rows = new Map<number, string>();
    for (const r of grid?.querySelectorAll('[role="row"][row-index][row-id]') ?? []) {
      const box = r.getBoundingClientRect();
      if (view && box.bottom > view.top && box.top < view.bottom) rows.set(Number(r.getAttribute('row-index')), r.getAttribute('row-id') ?? '');
    }
    return [...rows].sort((a, b) => a[0] - b[0]);
  });
}
const drawnRowIndexes = async (page: Page) => (await drawnRows(page)).map(([i]) => i);
const drawnIds = async (page: Page) => (await drawnRows(page)).slice(0, 5).map(([, id]) => id);

/** Scrolls the grid's rows with the mouse wheel, as a user does. */
async function scrollRows(page: Page, px: number): Promise<void> {
  const box = await page.getByTestId('customer-grid').boundingBox();
  if (!box) throw new Error('scrollRows: the customer grid is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, px);
}

for (const { locale, nav, settings, english } of [
  { locale: 'zh-CN', nav: '客户', settings: '设置', english: false },
  { locale: 'en-US', nav: 'Customers', settings: 'Settings', english: true },
] as const) {
  test.describe(`The customer list is kept while other pages are open (${locale})`, () => {
    test.use({ systemLocale: locale });

    test('a profile and back, then Settings and back, find the list as it was left: search, sort, selection, scroll', async ({ page, patron }) => {
      await page.goto(patron.url);
      await expect(cell(page, 1, 'name')).toBeVisible();
      const list = page.getByTestId('customer-list');

      // Sort by name descending (two clicks), select the first row, search for a common letter.
      const header = page.locator('.ag-header-cell[col-id="name"] .ag-header-cell-label');
      await header.click();
      await header.click();
      await expect(page.locator('.ag-header-cell[col-id="name"]')).toHaveAttribute('aria-sort', 'descending');
      const search = page.getByTestId('customer-search');
      await search.fill('a');
      await expect(page.getByTestId('customer-count')).toBeVisible();
      const firstIds = await drawnIds(page);
      expect(firstIds.length).toBeGreaterThan(2);
      const first = Number(firstIds[0]);
      await page.locator(`[role="row"][row-id="${String(first)}"] .ag-selection-checkbox input`).first().check();
      await expect(page.getByTestId('bulk-bar')).toBeVisible();
      await scrollRows(page, 1200);
      await expect.poll(async () => (await drawnRowIndexes(page))[0] ?? 0).toBeGreaterThan(10);
      const scrolled = await drawnRowIndexes(page);

      // A profile: the list is hidden, and Ctrl+F there does not reach for its search box.
      await page.goto(`${patron.url}#/customers/${String(first)}`);
      await expect(page.getByTestId('profile-page')).toBeVisible();
      await expect(list).toBeHidden();
      await page.keyboard.press('Control+f');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).not.toBe('customer-search');

      await page.getByTestId('profile-back').click();
      await expect(list).toBeVisible();
      await expect(search).toHaveValue('a');
      await expect(page.locator('.ag-header-cell[col-id="name"]')).toHaveAttribute('aria-sort', 'descending');
      await expect(page.getByTestId('bulk-bar')).toBeVisible();
      await expect.poll(() => drawnRowIndexes(page)).toEqual(scrolled);
      await scrollRows(page, -100_000);
      await expect.poll(() => drawnIds(page)).toEqual(firstIds);
      await expect(page.locator(`[role="row"][row-id="${String(first)}"] .ag-selection-checkbox input`).first()).toBeChecked();

      // Settings and back through the navigation; Ctrl+F on the list focuses its search again.
      await page.getByRole('link', { name: settings, exact: true }).click();
      await expect(list).toBeHidden();
      await page.getByRole('link', { name: nav, exact: true }).click();
      await expect(list).toBeVisible();
      await expect.poll(() => drawnIds(page)).toEqual(firstIds);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+f');
      await expect(search).toBeFocused();
      await page.screenshot({ path: join(screenshotDir, `customer-list-kept-${locale}.png`) });
    });

    test('a language switched on another page shows on the list when it is shown again', async ({ page, patron }) => {
      await page.goto(patron.url);
      await expect(cell(page, 1, 'name')).toBeVisible();
      await page.getByRole('link', { name: settings, exact: true }).click();
      await page.getByTestId('language-switch').getByRole('button', { name: english ? '中文' : 'English' }).click();
      await page.getByRole('link', { name: english ? '客户' : 'Customers', exact: true }).click();
      const grid = page.getByTestId('customer-grid');
      await expect(grid.getByRole('columnheader', { name: english ? '客户名称' : 'Name', exact: true })).toBeVisible();
      await expect(cell(page, 1, 'name')).toBeVisible();
    });
  });
}
