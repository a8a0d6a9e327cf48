import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';
import { withDb } from './db';
import { cell, editCell, showColumn } from './grid';

const row = (dbPath: string) =>
  withDb(dbPath, (db) => db.prepare('SELECT cooperation_start AS start, phone FROM customers WHERE id = 1').get() as { start: string | null; phone: string | null });

async function openGrid(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('customer-count')).toBeVisible();
  await expect(cell(page, 1, 'name')).toBeVisible();
}

for (const [systemLocale, lang, dateMessage, phoneMessage] of [
  ['zh-CN', 'zh-CN', '请输入日期', '请输入电话号码'],
  ['en-US', 'en', 'Enter a date', 'Enter a phone number'],
] as const) {
  test.describe(`Grid editors never save "no value" by accident (${lang})`, () => {
    test.use({ systemLocale });

    test('the date editor: Backspace and a typed date never save NULL; clearing the text on purpose does; a phone must be one', async ({ page, patron }) => {
      withDb(patron.dbPath, (db) => db.prepare("UPDATE customers SET cooperation_start = '2020-05-06', phone = '13800138000' WHERE id = 1").run());
      await openGrid(page, patron.url);
      await showColumn(page, 'cooperationStart');
      const date = cell(page, 1, 'cooperationStart');
      await expect(date).toHaveText('2020-05-06');

      // Backspace on the cell opens the editor on the date (never on an empty field); Enter keeps a date.
      await date.click();
      await page.keyboard.press('Backspace');
      await expect(page.locator('.ag-cell-inline-editing input')).toBeFocused();
      await page.screenshot({ path: join(screenshotDir, `grid-date-editor-${lang}.png`) });
      await page.keyboard.press('Enter');
      await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
      expect(row(patron.dbPath).start).not.toBeNull();
      expect(row(patron.dbPath).start).toBe('2020-05-06');
      await date.click();
      await page.keyboard.press('Backspace');
      await expect(page.locator('.ag-cell-inline-editing input')).toHaveValue('2020-05-06');
      await page.keyboard.press('Escape');

      // Typing a date over the cell saves that date, read as the import reads it.
      await date.click();
      await page.keyboard.type('2021/7/8');
      await page.keyboard.press('Enter');
      await expect.poll(() => row(patron.dbPath).start).toBe('2021-07-08');
      await expect(date).toHaveText('2021-07-08');

      // Text that is no date is refused with a message; the date stays.
      await editCell(page, 1, 'cooperationStart', '2021-02-30');
      await expect(page.getByTestId('edit-error')).toContainText(dateMessage);
      expect(row(patron.dbPath).start).toBe('2021-07-08');

      // Deleting the text on purpose clears the date.
      await editCell(page, 1, 'cooperationStart', '');
      await expect.poll(() => row(patron.dbPath).start).toBeNull();

      // A phone that is no phone number is refused, naming why.
      await showColumn(page, 'phone');
      await editCell(page, 1, 'phone', 'call me maybe');
      await expect(page.getByTestId('edit-error')).toContainText(phoneMessage);
      await page.screenshot({ path: join(screenshotDir, `grid-phone-refused-${lang}.png`) });
      expect(row(patron.dbPath).phone).toBe('13800138000');
      await editCell(page, 1, 'phone', '021-6234 5678');
      await expect.poll(() => row(patron.dbPath).phone).toBe('021-6234 5678');
    });
  });
}
