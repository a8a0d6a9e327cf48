import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { formatMoney } from '../../shared/domain/money';
import { expect, screenshotDir, test } from './fixtures';
import { withDb } from './db';

interface Order {
  id: number;
  customerId: number;
  cents: number;
}

/** The newest order of the first customer that has one (the top row of its profile's order list). */
function newestOrder(dbPath: string): Order {
  return withDb(dbPath, (db) =>
    db
      .prepare(
        `SELECT id, customer_id AS customerId, amount_cents AS cents FROM orders
          WHERE customer_id = (SELECT min(customer_id) FROM orders) ORDER BY order_date DESC, id DESC LIMIT 1`,
      )
      .get() as Order,
  );
}
const amountOf = (dbPath: string, id: number) => withDb(dbPath, (db) => db.prepare('SELECT amount_cents FROM orders WHERE id = ?').pluck().get(id) as number);
const totalOf = (dbPath: string, customerId: number) =>
  withDb(dbPath, (db) => db.prepare('SELECT total_cents FROM customer_rollups WHERE customer_id = ?').pluck().get(customerId) as number);

async function editAmount(page: Page, orderId: number, typed: string): Promise<void> {
  const row = page.getByTestId(`order-${String(orderId)}`);
  if (!(await row.getByTestId('order-amount-input').isVisible())) await row.getByTestId('order-amount').click();
  await row.getByTestId('order-amount-input').fill(typed);
  await row.getByTestId('order-amount-input').press('Enter');
}

test.describe('Order amounts on the profile, in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('an amount typed as "1,234.50" is saved in cents and persists; "12abc" is refused on the field; undo and redo', async ({ page, patron }) => {
    const order = newestOrder(patron.dbPath);
    const totalBefore = totalOf(patron.dbPath, order.customerId);
    await page.goto(`${patron.url}#/customers/${String(order.customerId)}`);
    const section = page.getByTestId('profile-orders');
    const row = section.getByTestId(`order-${String(order.id)}`);
    await expect(row.getByTestId('order-amount')).toHaveText(formatMoney(order.cents, 'zh-CN'));

    // Refused: the field is marked, says why, and nothing is written.
    await editAmount(page, order.id, '12abc');
    await expect(row.getByTestId('order-amount-error')).toContainText('“12abc”不是有效金额');
    await expect(row.getByTestId('order-amount-input')).toHaveAttribute('aria-invalid', 'true');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'profile-order-amount-error-zh-CN.png') });
    expect(amountOf(patron.dbPath, order.id)).toBe(order.cents);

    await editAmount(page, order.id, '1,234.50');
    await expect(row.getByTestId('order-amount')).toHaveText('¥1,234.50');
    expect(amountOf(patron.dbPath, order.id)).toBe(123450);
    // The customer's total follows (the order triggers), in the database and on the page.
    const totalAfter = totalBefore - order.cents + 123450;
    expect(totalOf(patron.dbPath, order.customerId)).toBe(totalAfter);
    await expect(page.getByTestId('profile-page')).toContainText(formatMoney(totalAfter, 'zh-CN'));
    await expect(page.getByTestId('profile-audit')).toContainText('订单 · 金额');
    await expect(page.getByTestId('profile-audit')).toContainText(`${formatMoney(order.cents, 'zh-CN')} → ¥1,234.50`);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'profile-orders-zh-CN.png') });

    // Undo (same stack as the other edits) and redo.
    await section.getByTestId('undo').click();
    await expect(row.getByTestId('order-amount')).toHaveText(formatMoney(order.cents, 'zh-CN'));
    expect(amountOf(patron.dbPath, order.id)).toBe(order.cents);
    expect(totalOf(patron.dbPath, order.customerId)).toBe(totalBefore);
    await section.getByTestId('redo').click();
    await expect(row.getByTestId('order-amount')).toHaveText('¥1,234.50');
    expect(amountOf(patron.dbPath, order.id)).toBe(123450);

    // Persisted: a reload shows the saved amount (the undo stack lives in the window, as for grid edits).
    await page.reload();
    await expect(row.getByTestId('order-amount')).toHaveText('¥1,234.50');
  });
});

test.describe('Order amounts on the profile, in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('an amount edit is saved, a bad one refused with an English message, and the edit undone', async ({ page, patron }) => {
    const order = newestOrder(patron.dbPath);
    await page.goto(`${patron.url}#/customers/${String(order.customerId)}`);
    const section = page.getByTestId('profile-orders');
    const row = section.getByTestId(`order-${String(order.id)}`);
    await editAmount(page, order.id, '-5');
    await expect(row.getByTestId('order-amount-error')).toContainText('"-5" is not an amount');
    // Escape leaves the amount as it was.
    await row.getByTestId('order-amount-input').press('Escape');
    await expect(row.getByTestId('order-amount')).toHaveText(formatMoney(order.cents, 'en-US'));
    await editAmount(page, order.id, '¥2,000');
    await expect(row.getByTestId('order-amount')).toHaveText('CN¥2,000.00');
    expect(amountOf(patron.dbPath, order.id)).toBe(200000);
    await expect(page.getByTestId('profile-audit')).toContainText('Orders · Amount');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'profile-orders-en.png') });
    await section.getByTestId('undo').click();
    await expect(row.getByTestId('order-amount')).toHaveText(formatMoney(order.cents, 'en-US'));
    expect(amountOf(patron.dbPath, order.id)).toBe(order.cents);
  });
});
