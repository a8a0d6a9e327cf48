import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';
import { withDb } from './db';
import { cell, editCell, showColumn } from './grid';

const customer = (dbPath: string, id: number) =>
  withDb(dbPath, (db) => db.prepare('SELECT id, name, region, status, phone FROM customers WHERE id = ?').get(id) as { id: number; name: string; region: string | null; status: string; phone: string | null } | undefined);

async function openGrid(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('customer-count')).toBeVisible();
  await expect(cell(page, 1, 'name')).toBeVisible();
}

test.describe('Customer profiles in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('edit a cell, reload, the value persisted; an invalid value is refused; undo and redo', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    const before = customer(patron.dbPath, 1);
    await editCell(page, 1, 'region', '杭州西湖区');
    await expect(cell(page, 1, 'region')).toHaveText('杭州西湖区');
    await expect.poll(() => customer(patron.dbPath, 1)?.region).toBe('杭州西湖区');
    await page.reload();
    await expect(cell(page, 1, 'region')).toHaveText('杭州西湖区');

    // A blank name breaks the shared schema: the cell is marked, nothing is saved.
    await editCell(page, 1, 'name', '   ');
    await expect(page.getByTestId('edit-error')).toContainText('不能为空');
    await expect(cell(page, 1, 'name')).toHaveClass(/cell-error/);
    expect(customer(patron.dbPath, 1)?.name).toBe(before?.name);
    // The reason shows as the grid's own tooltip on the marked cell (not the browser's title).
    await cell(page, 1, 'name').hover();
    await expect(page.locator('.ag-tooltip')).toContainText('不能为空');
    await expect(cell(page, 1, 'name')).not.toHaveAttribute('title');
    await page.screenshot({ path: join(screenshotDir, 'profiles-grid-error-zh-CN.png') });

    // Undo (Ctrl+Z on the grid) puts the old region back; redo (Ctrl+Y) the new one.
    await editCell(page, 1, 'region', '宁波');
    await expect.poll(() => customer(patron.dbPath, 1)?.region).toBe('宁波');
    await cell(page, 1, 'code').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => customer(patron.dbPath, 1)?.region).toBe('杭州西湖区');
    await expect(cell(page, 1, 'region')).toHaveText('杭州西湖区');
    await expect(page.getByTestId('redo')).toBeEnabled();
    await page.keyboard.press('Control+y');
    await expect.poll(() => customer(patron.dbPath, 1)?.region).toBe('宁波');
    // The toolbar button undoes the redone edit again; the audit trail holds all five writes.
    await expect(page.getByTestId('undo')).toBeEnabled();
    await page.getByTestId('undo').click();
    await expect.poll(() => customer(patron.dbPath, 1)?.region).toBe('杭州西湖区');
    expect(withDb(patron.dbPath, (db) => db.prepare("SELECT count(*) FROM audit_log WHERE entity_id = 1 AND field = 'region'").pluck().get())).toBe(5);
  });

  test('quick search finds 张三 by "zs" and "zhangsan"; Ctrl+F focuses the search', async ({ page, patron }) => {
    withDb(patron.dbPath, (db) => db.prepare("UPDATE customers SET name = '张三' WHERE id = 7").run());
    await openGrid(page, patron.url);
    await cell(page, 1, 'code').click();
    await page.keyboard.press('Control+f');
    await expect(page.getByTestId('customer-search')).toBeFocused();
    await page.keyboard.type('zs');
    await expect(page.locator('[role="gridcell"][col-id="name"]').getByText('张三', { exact: true })).toBeVisible();
    await page.getByTestId('customer-search').fill('zhangsan');
    await expect(page.locator('[role="gridcell"][col-id="name"]').getByText('张三', { exact: true })).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'profiles-search-zh-CN.png') });
  });

  test('the profile view shows the customer, takes a contact and an interaction, and lists the audit trail', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    await editCell(page, 2, 'industry', '新能源');
    await expect.poll(() => withDb(patron.dbPath, (db) => db.prepare('SELECT industry FROM customers WHERE id = 2').pluck().get())).toBe('新能源');
    await page.getByTestId('open-2').click();
    await expect(page).toHaveURL(/#\/customers\/2$/);
    const profile = page.getByTestId('profile-page');
    await expect(profile.getByRole('heading', { level: 1 })).toContainText(customer(patron.dbPath, 2)?.name ?? '');
    await expect(profile.getByTestId('profile-completeness')).toContainText('档案完整度');
    await expect(profile.getByTestId('profile-audit')).toContainText('新能源');

    await profile.getByTestId('add-contact').click();
    const form = profile.getByTestId('contact-form');
    await form.getByLabel('姓名').fill('赵六');
    await form.getByLabel('职务').fill('采购总监');
    await form.getByLabel('生日').fill('1985-06-01');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(profile.getByTestId('profile-contacts')).toContainText('赵六');
    await expect(profile.getByTestId('profile-contacts')).toContainText('1985-06-01');

    await profile.getByRole('radio', { name: '微信' }).click();
    await profile.getByTestId('interaction-summary').fill('确认下季度订单');
    await profile.getByTestId('interaction-summary').press('Enter');
    await expect(profile.getByTestId('profile-interactions')).toContainText('确认下季度订单');
    await page.screenshot({ path: join(screenshotDir, 'profile-zh-CN.png') });
    await profile.getByTestId('profile-audit').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'profile-audit-zh-CN.png') });
  });
});

test.describe('Customer profiles in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('bulk edit every selected customer (2,000) in one step, then undo it', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    const statuses = () => withDb(patron.dbPath, (db) => db.prepare('SELECT status, count(*) AS n FROM customers GROUP BY status ORDER BY status').all());
    const before = statuses();
    await page.locator('.ag-header-select-all input').first().check();
    await expect(page.getByTestId('bulk-bar')).toContainText('2,000 selected');
    await page.getByTestId('bulk-status').selectOption('lost');
    await page.getByTestId('bulk-add-tags').fill('VIP');
    await page.screenshot({ path: join(screenshotDir, 'profiles-bulk-en.png') });
    await page.getByTestId('bulk-apply').click();
    await expect(page.getByTestId('bulk-message')).toContainText('undo is available');
    expect(statuses()).toEqual([{ status: 'lost', n: 2000 }]);
    expect(withDb(patron.dbPath, (db) => db.prepare("SELECT count(*) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'VIP'").pluck().get())).toBe(2000);
    await page.getByTestId('undo').click();
    await expect.poll(statuses).toEqual(before);
    expect(withDb(patron.dbPath, (db) => db.prepare("SELECT count(*) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'VIP'").pluck().get())).toBe(0);
  });

  test('merge two duplicates, then undo the merge', async ({ page, patron }) => {
    const first = customer(patron.dbPath, 1);
    const dupId = withDb(patron.dbPath, (db) => {
      const id = Number(db.prepare("INSERT INTO customers (code, kind, name, phone, region) VALUES ('DUP1', 'company', ?, ?, 'Test region')").run(`${first?.name ?? ''} `, first?.phone ?? '13800000000').lastInsertRowid);
      db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, '2026-01-05', 12345)").run(id);
      return id;
    });
    const orderCount = () => withDb(patron.dbPath, (db) => db.prepare('SELECT count(*) FROM orders WHERE customer_id = 1').pluck().get() as number);
    const ordersBefore = orderCount();
    await page.goto(`${patron.url}#/customers/duplicates`);
    const pair = page.getByTestId(`pair-1-${dupId}`);
    await expect(pair).toBeVisible();
    await pair.click();
    await expect(page.getByTestId('merge-review')).toBeVisible();
    await page.getByTestId('pick-region-b').check();
    await page.screenshot({ path: join(screenshotDir, 'duplicates-en.png'), fullPage: true });
    await page.getByTestId('merge-confirm').click();
    await expect(page.getByTestId('merge-notice')).toContainText('was merged into');
    expect(customer(patron.dbPath, dupId)).toBeUndefined();
    expect(orderCount()).toBe(ordersBefore + 1);
    expect(customer(patron.dbPath, 1)?.region).toBe('Test region');

    await page.getByTestId('recent-merges').getByRole('button', { name: 'Undo merge' }).first().click();
    await expect(page.getByTestId('recent-merges')).toContainText('Undone');
    expect(customer(patron.dbPath, dupId)?.name).toBe(`${first?.name ?? ''} `);
    expect(orderCount()).toBe(ordersBefore);
    expect(customer(patron.dbPath, 1)?.region).toBe(first?.region ?? null);
  });

  test('saved views, column chooser and copy of a row selection as tab-separated text', async ({ page, patron, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(patron.url).origin });
    await openGrid(page, patron.url);
    // Built-in view "at risk": only dormant or lost customers remain.
    await page.getByTestId('view-picker').selectOption('builtin:atRisk');
    await showColumn(page, 'status');
    const statusCells = page.locator('[role="gridcell"][col-id="status"]');
    await expect(statusCells.first()).toHaveText(/Dormant|Lost/);
    // The filter applies a moment after the sort: poll until the rendered rows settle.
    await expect.poll(async () => (await statusCells.allTextContents()).every((s) => s === 'Dormant' || s === 'Lost')).toBe(true);
    // Save it under a name, go back to all customers, pick the saved view again.
    await page.getByTestId('view-save').click();
    await page.getByTestId('view-name').fill('Follow up');
    await page.getByTestId('view-name').press('Enter');
    await page.getByTestId('view-picker').selectOption('builtin:all');
    await expect(statusCells.filter({ hasText: 'Active' }).first()).toBeVisible();
    await page.getByTestId('view-picker').selectOption({ label: 'Follow up' });
    await expect(statusCells.filter({ hasText: 'Active' })).toHaveCount(0);
    await expect(statusCells.first()).toHaveText(/Dormant|Lost/);
    await page.getByTestId('view-picker').selectOption('builtin:all');

    // The column chooser hides a column.
    await page.getByTestId('column-chooser').click();
    await page.getByRole('dialog').getByLabel('Industry').uncheck();
    await expect(page.locator('.ag-header-cell[col-id="industry"]')).toHaveCount(0);
    await page.keyboard.press('Escape');

    // Two selected rows copy as two tab-separated lines.
    await page.locator('[role="row"][row-id="1"] .ag-selection-checkbox input').first().check();
    await page.locator('[role="row"][row-id="2"] .ag-selection-checkbox input').first().check();
    await showColumn(page, 'code');
    await cell(page, 1, 'code').click();
    await page.keyboard.press('Control+c');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.split('\t')).toContain('C000001');
    expect(lines[1]?.split('\t')).toContain('C000002');
    // Columns off screen are not drawn, yet the copy has every shown column: more fields than headers drawn.
    const drawnHeaders = await page.locator('.ag-header-cell[col-id]').count();
    expect(lines[0]?.split('\t').length ?? 0).toBeGreaterThan(drawnHeaders);
  });

  test('the grid and profile view in English', async ({ page, patron }) => {
    await openGrid(page, patron.url);
    await expect(page.getByTestId('completeness-kpi')).toContainText('Profile completeness');
    await page.screenshot({ path: join(screenshotDir, 'profiles-grid-en.png') });
    await page.getByTestId('open-1').click();
    await expect(page.getByTestId('profile-page')).toContainText('Change history');
    await page.screenshot({ path: join(screenshotDir, 'profile-en.png') });
    await page.getByTestId('profile-audit').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'profile-audit-en.png') });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('completeness-settings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'settings-completeness-en.png') });
  });
});
