import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, screenshotDir, test, type PatronServer } from './fixtures';
import type { Page } from '@playwright/test';

type Row = Record<string, string | number | null>;

function dbRow(dbPath: string, sql: string, ...params: unknown[]): Row {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare<unknown[], Row>(sql).get(...params) ?? {};
  } finally {
    db.close();
  }
}
const count = (dbPath: string, sql: string, ...params: unknown[]): number => Number(dbRow(dbPath, sql, ...params).n);
const num = (r: Row, key: string): number => Number(r[key]);

/** Runs the warning check from the Today page and waits for its result. */
async function runCheck(page: Page, patron: PatronServer, lastRunText: RegExp): Promise<void> {
  await page.goto(`${patron.url}#/warnings`);
  await page.getByTestId('warnings-run').click();
  await expect(page.getByTestId('warnings-last-run')).toContainText(lastRunText, { timeout: 60_000 });
}

test.describe('Today, complaints and profile warnings in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('the check fills the Today page; logging a contact from an alert on the profile resolves it', async ({ page, patron }) => {
    await runCheck(page, patron, /上次检查/);
    await expect(page.getByRole('heading', { name: /今日跟进/ })).toBeVisible();
    await expect(page.getByTestId('bucket-upcoming')).toBeVisible();
    const open = count(patron.dbPath, "SELECT count(*) AS n FROM alerts WHERE status = 'open'");
    expect(open).toBeGreaterThan(0);
    // Every alert was just raised, so all are due tomorrow; open complaints with time left join them.
    const shown = Number(await page.getByTestId('bucket-upcoming-total').innerText());
    expect(shown).toBeGreaterThanOrEqual(open);
    await expect(page.getByTestId('bucket-upcoming').locator('.alert-card').first()).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'today-zh-CN.png') });

    const alert = dbRow(patron.dbPath, "SELECT id, customer_id FROM alerts WHERE status = 'open' AND rule = 'inactive' ORDER BY priority, id LIMIT 1");
    await page.goto(`${patron.url}#/customers/${String(num(alert, 'customer_id'))}`);
    const section = page.getByTestId('profile-warnings');
    const card = section.getByTestId(`alert-${String(num(alert, 'id'))}`);
    await expect(card).toContainText('久未购买或联系');
    await expect(card).toContainText(/已 \d+ 天/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'profile-warnings-zh-CN.png') });
    await card.getByTestId('alert-log').click();
    await card.getByTestId('alert-text').fill('电话回访，客户下周补货');
    await card.getByTestId('alert-save').click();
    await expect(card).toContainText('已解决');
    await expect(page.getByTestId('profile-interactions')).toContainText('电话回访，客户下周补货');
    const after = dbRow(patron.dbPath, 'SELECT status, closed_by FROM alerts WHERE id = ?', num(alert, 'id'));
    expect(after).toEqual({ status: 'resolved', closed_by: 'e2e' });
    // The next check does not raise it again: the contact clears the 90-day condition.
    await runCheck(page, patron, /上次检查/);
    const again = count(patron.dbPath, "SELECT count(*) AS n FROM alerts WHERE customer_id = ? AND rule = 'inactive' AND status = 'open'", num(alert, 'customer_id'));
    expect(again).toBe(0);
  });

  test('a logged complaint runs its SLA clocks and shows on the navigation', async ({ page, patron }) => {
    const customer = dbRow(patron.dbPath, 'SELECT id, code, name FROM customers ORDER BY id LIMIT 1');
    const before = count(patron.dbPath, 'SELECT count(*) AS n FROM complaints WHERE resolved_at IS NULL');
    await page.goto(`${patron.url}#/complaints?customer=${String(num(customer, 'id'))}`);
    await expect(page.getByRole('heading', { name: /客诉/ })).toBeVisible();
    await page.getByTestId('complaint-description').fill('送货晚了三天，包装破损');
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByText(/已登记，首次响应截止/)).toBeVisible();
    const id = dbRow(patron.dbPath, 'SELECT max(id) AS id FROM complaints');
    const row = page.getByTestId(`complaint-${String(num(id, 'id'))}`);
    await expect(row).toContainText('送货晚了三天');
    await expect(row).toContainText('计时中');
    await expect(page.getByTestId('nav-badge-complaints')).toHaveText(String(before + 1));
    await page.screenshot({ path: join(screenshotDir, 'complaints-zh-CN.png') });
    // Escalation offers only active managers and admins.
    await row.getByTestId('complaint-escalate').click();
    const targets = row.getByTestId('complaint-escalate-to').locator('option:not([value=""])');
    const managers = dbRow(patron.dbPath, "SELECT group_concat(name, '|') AS names FROM (SELECT name FROM staff WHERE active = 1 AND role IN ('manager', 'admin') ORDER BY name)");
    expect(await targets.allInnerTexts()).toEqual(String(managers.names).split('|'));
    await page.screenshot({ path: join(screenshotDir, 'complaints-escalate-zh-CN.png') });
    await row.getByTestId('complaint-escalate-to').selectOption({ index: 1 });
    await row.getByTestId('complaint-escalate-save').click();
    await expect(row).toContainText(`已升级给 ${String(managers.names).split('|')[0] ?? ''}`);
    await row.getByTestId('complaint-respond').click();
    await expect(row).toContainText('按时');
    const audit = count(patron.dbPath, "SELECT count(*) AS n FROM audit_log WHERE entity = 'complaint' AND entity_id = ? AND field = 'first_response_at'", num(id, 'id'));
    expect(audit).toBe(1);
  });
});

test.describe('Today, complaints and profile warnings in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('pages read in English; a complaint is resolved with the customer satisfaction', async ({ page, patron }) => {
    await runCheck(page, patron, /Last check/);
    await expect(page.getByRole('heading', { name: /Today/ })).toBeVisible();
    await expect(page.getByTestId('bucket-overdue')).toContainText('Overdue');
    await page.screenshot({ path: join(screenshotDir, 'today-en.png') });

    const alert = dbRow(patron.dbPath, "SELECT customer_id FROM alerts WHERE status = 'open' ORDER BY priority, id LIMIT 1");
    await page.goto(`${patron.url}#/customers/${String(num(alert, 'customer_id'))}`);
    await expect(page.getByTestId('profile-warnings').locator('.alert-card').first()).toBeVisible();
    await page.getByTestId('profile-warnings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'profile-warnings-en.png') });

    const customer = dbRow(patron.dbPath, 'SELECT id, code FROM customers ORDER BY id DESC LIMIT 1');
    await page.goto(`${patron.url}#/complaints`);
    await page.getByTestId('complaint-customer').fill(String(customer.code));
    await page.getByTestId('complaint-description').fill('Invoice sent twice');
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByText(/Logged; first response due/)).toBeVisible();
    const id = dbRow(patron.dbPath, 'SELECT max(id) AS id FROM complaints');
    const row = page.getByTestId(`complaint-${String(num(id, 'id'))}`);
    await expect(row).toContainText('Running');
    await page.screenshot({ path: join(screenshotDir, 'complaints-en.png') });
    await row.getByTestId('complaint-escalate').click();
    await expect(row.getByTestId('complaint-escalate-to').locator('option:not([value=""])').first()).toBeAttached();
    await page.screenshot({ path: join(screenshotDir, 'complaints-escalate-en.png') });
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.getByTestId('complaint-resolve').click();
    await row.getByTestId('complaint-resolution').fill('Credit note issued');
    await row.getByLabel('Customer satisfaction').selectOption('4');
    await row.getByTestId('complaint-resolve-save').click();
    await expect(row).toHaveCount(0);
    expect(dbRow(patron.dbPath, 'SELECT resolution, satisfaction FROM complaints WHERE id = ?', num(id, 'id'))).toEqual({ resolution: 'Credit note issued', satisfaction: 4 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('warning-settings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'warning-settings-en.png') });
  });
});
