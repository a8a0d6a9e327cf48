import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, screenshotDir, test } from './fixtures';

function tierCount(dbPath: string, tier: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM segment_results r JOIN customers c ON c.id = r.customer_id WHERE coalesce(c.tier_override, r.tier) = ?').pluck().get(tier) as number;
  } finally {
    db.close();
  }
}

test.describe('Segments page in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('a run on demand fills tiers, quadrant, lifecycle and migration; a number opens those customers in the grid', async ({ page, patron }) => {
    await page.goto(`${patron.url}#/segments`);
    await expect(page.getByRole('heading', { name: '客户分层', exact: true })).toBeVisible();
    await expect(page.getByText('还没有分层结果')).toBeVisible();
    await page.getByTestId('segment-run').click();
    await expect(page.getByTestId('segment-last-run')).toContainText('2,000', { timeout: 60_000 });
    const high = tierCount(patron.dbPath, 'high');
    expect(high).toBeGreaterThan(150);
    await expect(page.getByTestId('tier-high')).toHaveText(high.toLocaleString('en-US'));
    await expect(page.getByTestId('quadrant-high-high')).toContainText('深度合作');
    await expect(page.getByText('需要至少两次分层才能比较。')).toBeVisible();
    // A second run gives the migration matrix.
    await page.getByTestId('segment-run').click();
    await expect(page.getByTestId('migration-high-high')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('migration-high-high')).toHaveText(high.toLocaleString('en-US'));
    await page.screenshot({ path: join(screenshotDir, 'segments-zh-CN.png') });
    await page.getByTestId('clv-person').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'segments-clv-zh-CN.png') });
    // Click-through: the grid shows exactly those customers.
    await page.getByTestId('tier-high').click();
    await expect(page).toHaveURL(/#\/customers/);
    await expect(page.getByTestId('id-filter')).toContainText('高价值');
    await expect(page.getByText(`显示 ${high} / 2000`)).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'segments-clickthrough-zh-CN.png') });
  });
});

test.describe('Segments page in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('settings preview their effect before saving', async ({ page, patron }) => {
    await page.goto(`${patron.url}#/segments`);
    await page.getByTestId('segment-run').click();
    await expect(page.getByTestId('segment-last-run')).toContainText('2,000', { timeout: 60_000 });
    const high = tierCount(patron.dbPath, 'high');
    await page.getByTestId('setting-highShare').fill('25');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('segment-preview');
    await expect(preview).toContainText('High value');
    const row = preview.getByRole('row', { name: /^High value/ });
    await expect(row.getByRole('cell').nth(0)).toHaveText(high.toLocaleString('en-US'));
    const proposed = Number((await row.getByRole('cell').nth(1).innerText()).replace(/,/g, ''));
    expect(proposed).toBeGreaterThan(high * 1.5);
    await page.getByTestId('segment-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'segments-settings-en.png') });
    await page.getByTestId('segments-page').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(screenshotDir, 'segments-en.png') });
    // Invalid input is named and nothing is saved.
    await page.getByTestId('setting-highShare').fill('90');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText(/Invalid settings: shares\.high/)).toBeVisible();
    await page.getByTestId('setting-highShare').fill('20');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved')).toBeVisible();
    const saved = await page.evaluate(() => window.patron?.invoke('segments:settings', {}));
    expect(saved).toMatchObject({ ok: true, value: { shares: { high: 0.2 } } });
  });
});
