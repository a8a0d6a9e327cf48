import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { yearsBetween } from '../../shared/domain/dates';
import { expect, screenshotDir, test } from './fixtures';
import { withDb } from './db';
import { cell } from './grid';

async function openGrid(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('customer-count')).toBeVisible();
  await expect(cell(page, 1, 'name')).toBeVisible();
}

test.describe('Grid gaps in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('"I am …" in Settings decides whose customers "My customers" shows, and is remembered on this computer', async ({ page, patron }) => {
    const owner = withDb(patron.dbPath, (db) =>
      db.prepare('SELECT s.id, s.name, count(*) AS n FROM customers c JOIN staff s ON s.id = c.owner_id GROUP BY s.id ORDER BY n DESC, s.id LIMIT 1').get() as { id: number; name: string; n: number },
    );
    await page.goto(`${patron.url}#/settings`);
    await page.getByTestId('me-select').selectOption(String(owner.id));
    await page.getByTestId('me-settings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'settings-me-zh-CN.png') });
    // A reload keeps the choice (it lives on this computer, not in the shared database).
    await page.reload();
    await expect(page.getByTestId('me-select')).toHaveValue(String(owner.id));

    await page.goto(patron.url);
    await expect(cell(page, 1, 'name')).toBeVisible();
    await page.getByTestId('view-picker').selectOption('builtin:mine');
    const owners = page.locator('[role="gridcell"][col-id="owner"]');
    await expect.poll(async () => new Set(await owners.allTextContents())).toEqual(new Set([owner.name]));
    await expect(page.getByText(`显示 ${String(owner.n)} / `)).toBeVisible();
  });

  test('contact edits on the profile are undone and redone like grid edits', async ({ page, patron }) => {
    const names = () => withDb(patron.dbPath, (db) => db.prepare('SELECT name FROM contacts WHERE customer_id = 3 ORDER BY id').pluck().all());
    const before = names();
    await page.goto(`${patron.url}#/customers/3`);
    const profile = page.getByTestId('profile-page');
    await profile.getByTestId('add-contact').click();
    const form = profile.getByTestId('contact-form');
    await form.getByLabel('姓名').fill('钱七');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(profile.getByTestId('profile-contacts')).toContainText('钱七');
    expect(names()).toEqual([...before, '钱七']);
    // Contacts and orders each show the undo buttons (one stack): use the contact card's.
    await profile.getByTestId('profile-contacts').getByTestId('undo').click();
    await expect(profile.getByTestId('profile-contacts')).not.toContainText('钱七');
    expect(names()).toEqual(before);
    await profile.getByTestId('profile-contacts').getByTestId('redo').click();
    await expect(profile.getByTestId('profile-contacts')).toContainText('钱七');
    expect(names()).toEqual([...before, '钱七']);
    await page.screenshot({ path: join(screenshotDir, 'profile-contact-undo-zh-CN.png') });
  });
});

test.describe('Grid gaps in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('years of cooperation edit as a whole number: the start date follows, a fraction is refused', async ({ page, patron }) => {
    const start = () => withDb(patron.dbPath, (db) => db.prepare('SELECT cooperation_start FROM customers WHERE id = 1').pluck().get() as string | null);
    await openGrid(page, patron.url);
    const years = cell(page, 1, 'years');
    await years.dblclick();
    const editor = page.locator('.ag-cell-inline-editing input').first();
    await editor.fill('7');
    await editor.press('Enter');
    await expect(years).toHaveText('7');
    const saved = start();
    expect(saved).not.toBeNull();
    expect(yearsBetween(saved, new Date().toISOString().slice(0, 10))).toBe(7);

    await years.dblclick();
    await page.locator('.ag-cell-inline-editing input').first().fill('2.5');
    await page.locator('.ag-cell-inline-editing input').first().press('Enter');
    await expect(page.getByTestId('edit-error')).toContainText('whole number');
    await expect(years).toHaveClass(/cell-error/);
    expect(start()).toBe(saved);
  });

  test('the select-all box follows the selection of the shown rows and selects or clears them', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    const all = page.locator('.ag-header-select-all input').first();
    await page.locator('[role="row"][row-id="1"] .ag-selection-checkbox input').first().check();
    await expect(page.getByTestId('bulk-bar')).toContainText('1 selected');
    await expect.poll(() => all.evaluate((e) => (e as HTMLInputElement).indeterminate)).toBe(true);
    // From "some", a click selects every shown row.
    await all.click();
    await expect(page.getByTestId('bulk-bar')).toContainText('2,000 selected');
    await expect(all).toBeChecked();
    await page.screenshot({ path: join(screenshotDir, 'grid-select-all-en.png') });
    // With a search, it speaks of the shown rows only: all shown are selected, and a click clears just those.
    await page.getByTestId('customer-search').fill('C000001');
    await expect(all).toBeChecked();
    await all.click();
    await expect(all).not.toBeChecked();
    const left = 2000 - withDb(patron.dbPath, (db) => db.prepare("SELECT count(*) FROM customers WHERE code LIKE '%C000001%'").pluck().get() as number);
    await expect(page.getByTestId('bulk-bar')).toContainText(`${left.toLocaleString('en')} selected`);
    await page.getByTestId('customer-search').fill('');
    await expect.poll(() => all.evaluate((e) => (e as HTMLInputElement).indeterminate)).toBe(true);
  });
});
