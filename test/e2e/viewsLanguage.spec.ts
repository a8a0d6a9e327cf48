import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cell, showColumn } from './grid';

async function openGrid(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('customer-count')).toBeVisible();
  await expect(cell(page, 1, 'name')).toBeVisible();
}

async function saveViewAs(page: Page, name: string): Promise<void> {
  await page.getByTestId('view-save').click();
  await page.getByTestId('view-name').fill(name);
  await page.getByTestId('view-name').press('Enter');
  await expect(page.getByTestId('view-picker').locator('option', { hasText: name })).toHaveCount(1);
}

/** Every drawn cell of a column matches, and there is at least one. */
async function expectColumnOnly(page: Page, colId: string, allowed: RegExp): Promise<void> {
  await showColumn(page, colId);
  const cells = page.locator(`[role="gridcell"][col-id="${colId}"]`);
  await expect(cells.first()).toHaveText(allowed);
  await expect.poll(async () => (await cells.allTextContents()).every((s) => allowed.test(s))).toBe(true);
}

async function switchLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId(`language-${language}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(cell(page, 1, 'name')).toBeVisible();
}

test.describe('A saved view means the same in both languages', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('a view saved in Chinese filters the same rows in English', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    await page.getByTestId('view-picker').selectOption('builtin:atRisk');
    await expectColumnOnly(page, 'status', /^(休眠|流失)$/);
    await saveViewAs(page, '待跟进');

    await switchLanguage(page, 'en');
    await page.getByTestId('view-picker').selectOption({ label: '待跟进' });
    await expectColumnOnly(page, 'status', /^(Dormant|Lost)$/);
  });

  test('a view saved in English filters the same rows in Chinese', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    await switchLanguage(page, 'en');
    await page.getByTestId('view-picker').selectOption('builtin:atRisk');
    await expectColumnOnly(page, 'status', /^(Dormant|Lost)$/);
    await saveViewAs(page, 'Follow up');

    await switchLanguage(page, 'zh-CN');
    await page.getByTestId('view-picker').selectOption({ label: 'Follow up' });
    await expectColumnOnly(page, 'status', /^(休眠|流失)$/);
  });
});
