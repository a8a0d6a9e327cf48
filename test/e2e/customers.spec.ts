import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, screenshotDir, test } from './fixtures';

function firstCustomer(dbPath: string): { id: number; name: string; code: string } {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT id, name, code FROM customers ORDER BY id LIMIT 1').get() as { id: number; name: string; code: string };
  } finally {
    db.close();
  }
}

/** The name cell of a customer (a person's name may also appear in the contact column). */
function nameCell(grid: Locator, name: string): Locator {
  return grid.locator('[role="gridcell"][col-id="name"]').getByText(name, { exact: true });
}

test.describe('Customers page in Chinese (OS locale zh-CN)', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('first start follows the OS language and shows the demo customers in the grid', async ({ page, patron }) => {
    await page.goto(patron.url);
    await expect(page.getByRole('heading', { name: /客户档案/ })).toBeVisible();
    await expect(page.getByTestId('customer-count')).toContainText('2,000');
    const grid = page.getByTestId('customer-grid');
    await expect(grid.getByRole('columnheader', { name: '客户名称' })).toBeVisible();
    const first = firstCustomer(patron.dbPath);
    await expect(nameCell(grid, first.name)).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'customers-zh-CN.png') });
    // A customer far down the list is found through the quick search.
    await page.getByPlaceholder('搜索客户…').fill('C001999');
    await expect(grid.getByText('C001999', { exact: true })).toBeVisible();
    await page.getByPlaceholder('搜索客户…').fill('');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('the language choice switches the UI at once and is remembered after a restart', async ({ page, patron }) => {
    await page.goto(patron.url);
    await expect(page.getByRole('heading', { name: /客户档案/ })).toBeVisible();
    // The UI switches before the choice is stored: wait for the save before "restarting".
    const saved = page.waitForResponse((r) => r.url().includes('settings%3Aset') && r.request().postData()?.includes('"en"') === true);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: /Customers/ })).toBeVisible();
    await saved;
    const url = await patron.restart();
    await page.goto(url);
    await expect(page.getByRole('heading', { name: /Customers/ })).toBeVisible();
    await expect(page.getByTestId('customer-grid').getByRole('columnheader', { name: 'Name' })).toBeVisible();
  });

  test('the reports area shows its dashboard', async ({ page, patron }) => {
    await page.goto(patron.url);
    await page.getByTestId('nav-reports').click();
    await expect(page).toHaveURL(/#\/reports/);
    await expect(page.getByTestId('reports-page')).toBeVisible();
    await page.getByTestId('nav-settings').click();
    await expect(page.getByText(patron.dbPath)).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'settings-zh-CN.png') });
  });

  test('an edit saved through the API reaches the open grid by push, without a reload', async ({ page, patron }) => {
    await page.goto(patron.url);
    const grid = page.getByTestId('customer-grid');
    const first = firstCustomer(patron.dbPath);
    await expect(nameCell(grid, first.name)).toBeVisible();
    const res = await page.evaluate(
      (id) => window.patron?.invoke('customers:update', { id, patch: { name: '推送测试有限公司' } }),
      first.id,
    );
    expect(res).toMatchObject({ ok: true });
    await expect(nameCell(grid, '推送测试有限公司')).toBeVisible();
    const refused = await page.evaluate(() => window.patron?.invoke('customers:update', { id: 1, patch: { status: 'vip' } }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

test.describe('renderer security', () => {
  test('the content security policy blocks inline scripts and outside connections', async ({ page, patron }) => {
    await page.goto(patron.url);
    await expect(page.getByTestId('customer-count')).toBeVisible();
    const result = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      let fetched = 'allowed';
      try {
        await fetch('https://example.com/');
      } catch {
        fetched = 'blocked';
      }
      return { injected: (window as { __injected?: boolean }).__injected ?? false, fetched };
    });
    expect(result).toEqual({ injected: false, fetched: 'blocked' });
  });
});

test.describe('Customers page in English (OS locale en-US)', () => {
  test.use({ systemLocale: 'en-US' });

  test('shows the demo customers with English labels', async ({ page, patron }) => {
    await page.goto(patron.url);
    await expect(page.getByRole('heading', { name: /Customers/ })).toBeVisible();
    await expect(page.getByTestId('customer-count')).toContainText('2,000');
    const grid = page.getByTestId('customer-grid');
    await expect(grid.getByRole('columnheader', { name: 'Name' })).toBeVisible();
    await expect(nameCell(grid, firstCustomer(patron.dbPath).name)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.screenshot({ path: join(screenshotDir, 'customers-en.png') });
    await page.getByTestId('nav-reports').click();
    await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
    await page.getByTestId('nav-settings').click();
    await expect(page.getByText(patron.dbPath)).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'settings-en.png') });
  });
});
