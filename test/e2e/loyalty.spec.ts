import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test, type PatronServer } from './fixtures';
import { withDb } from './db';

const account = (dbPath: string, id: number) =>
  withDb(dbPath, (db) => ({
    balance: (db.prepare('SELECT COALESCE((SELECT balance FROM loyalty_accounts WHERE customer_id = ?), 0)').pluck().get(id) as number),
    sum: (db.prepare('SELECT COALESCE(sum(points), 0) FROM points_ledger WHERE customer_id = ?').pluck().get(id) as number),
    entries: (db.prepare('SELECT count(*) FROM points_ledger WHERE customer_id = ?').pluck().get(id) as number),
  }));

const digits = async (page: Page) => Number((await page.getByTestId('loyalty-balance').innerText()).replace(/[^\d-]/g, ''));

interface Words {
  lang: string;
  adjustReason: string;
  zeroReason: string;
  refused: string;
  adjustRefused: string;
  section: RegExp;
  adjustKind: string;
}

/** Adjust up, redeem a gift, adjust down to zero, then a refused redemption: the balance always equals the ledger. */
async function redeemAndAdjust(page: Page, patron: PatronServer, w: Words) {
  // A referrer from the demo data, so the referrals list is filled too.
  const id = withDb(patron.dbPath, (db) => db.prepare('SELECT referrer_id FROM referrals ORDER BY customer_id LIMIT 1').pluck().get() as number);
  await page.goto(`${patron.url.replace(/#.*$/, '')}#/customers/${id}`);
  const section = page.getByTestId('profile-loyalty');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText(w.section);
  const start = account(patron.dbPath, id);
  expect(start.balance).toBe(start.sum);
  await expect.poll(() => digits(page)).toBe(start.balance);
  await expect(section.getByTestId('loyalty-referred')).toBeVisible();

  await section.getByTestId('loyalty-adjust-points').fill('1500');
  await section.getByTestId('loyalty-adjust-reason').fill(w.adjustReason);
  await section.getByTestId('loyalty-adjust').click();
  await expect.poll(() => digits(page)).toBe(start.balance + 1500);
  await expect(section.getByTestId('loyalty-ledger')).toContainText(w.adjustReason);
  await expect(section.getByTestId('loyalty-ledger')).toContainText(w.adjustKind);

  await section.getByTestId('loyalty-reward').selectOption('GIFT');
  await section.getByTestId('loyalty-redeem').click();
  await expect.poll(() => digits(page)).toBe(start.balance + 500);
  await expect(section.getByTestId('loyalty-ledger')).toContainText('GIFT');

  await section.getByTestId('loyalty-adjust-points').fill(String(-(start.balance + 500)));
  await section.getByTestId('loyalty-adjust-reason').fill(w.zeroReason);
  await section.getByTestId('loyalty-adjust').click();
  await expect.poll(() => digits(page)).toBe(0);

  await section.getByTestId('loyalty-redeem').click();
  await expect(section.getByTestId('loyalty-error')).toHaveText(w.refused);
  await section.getByTestId('loyalty-adjust-points').fill('-1');
  await section.getByTestId('loyalty-adjust-reason').fill(w.zeroReason);
  await section.getByTestId('loyalty-adjust').click();
  await expect(section.getByTestId('loyalty-error')).toHaveText(w.adjustRefused);
  const end = account(patron.dbPath, id);
  expect(end).toEqual({ balance: 0, sum: 0, entries: start.entries + 3 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshotDir, `loyalty-profile-${w.lang}.png`), fullPage: false });
}

async function otherPages(page: Page, lang: string, levelHeader: string) {
  // The grid's loyalty columns sit at the right end: scroll there and look.
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-count')).toBeVisible();
  await page.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect(page.locator('.ag-header-cell[col-id="loyaltyLevel"]')).toContainText(levelHeader);
  await expect(page.locator('[role="gridcell"][col-id="pointsBalance"]').first()).toHaveText(/^\d+$/);
  await page.screenshot({ path: join(screenshotDir, `loyalty-grid-${lang}.png`) });
  await page.getByTestId('nav-segments').click();
  const dist = page.getByTestId('loyalty-distribution');
  await dist.scrollIntoViewIfNeeded();
  await expect(dist.getByTestId('loyalty-level-basic')).toBeVisible();
  await page.screenshot({ path: join(screenshotDir, `loyalty-segments-${lang}.png`) });
  await page.getByTestId('nav-settings').click();
  const settings = page.getByTestId('loyalty-settings');
  await settings.scrollIntoViewIfNeeded();
  await expect(settings.getByTestId('loyalty-threshold-silver')).toHaveValue('20000');
  await page.screenshot({ path: join(screenshotDir, `loyalty-settings-${lang}.png`) });
}

test.describe('Loyalty in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('redeem, a refused over-redemption and adjustments on the profile; distribution and settings', async ({ page, patron }) => {
    await redeemAndAdjust(page, patron, { lang: 'zh-CN', adjustReason: '活动补偿', zeroReason: '清零', refused: '积分不足，未兑换：需要 1,000 积分，当前余额 0。', adjustRefused: '积分不足，未调整：调整 -1 后余额将低于 0（当前余额 0）。', section: /会员与积分/, adjustKind: '手动调整' });
    await otherPages(page, 'zh-CN', '会员等级');
  });

  test('a changed threshold is saved from Settings and the levels follow', async ({ page, patron }) => {
    await page.goto(patron.url);
    await page.getByTestId('nav-settings').click();
    const settings = page.getByTestId('loyalty-settings');
    await settings.getByTestId('loyalty-threshold-silver').fill('100');
    await settings.getByTestId('loyalty-settings-save').click();
    await expect(settings.getByTestId('loyalty-settings-message')).toHaveText('设置已保存，积分同步已开始。');
    await expect.poll(() => withDb(patron.dbPath, (db) => JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'loyalty'").pluck().get() as string) as { levels: { threshold: number }[] }).levels[1]?.threshold).toBe(100);
    await settings.getByTestId('loyalty-threshold-silver').fill('0');
    await settings.getByTestId('loyalty-settings-save').click();
    await expect(settings.getByTestId('loyalty-settings-message')).toContainText('设置无效');
  });
});

test.describe('Loyalty in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('redeem, a refused over-redemption and adjustments on the profile; distribution and settings', async ({ page, patron }) => {
    await redeemAndAdjust(page, patron, { lang: 'en', adjustReason: 'Campaign make-good', zeroReason: 'Reset', refused: 'Not enough points, nothing redeemed: 1,000 needed, balance 0.', adjustRefused: 'Not enough points, not adjusted: -1 would take the balance of 0 below 0.', section: /Membership and points/, adjustKind: 'Adjustment' });
    await otherPages(page, 'en', 'Member level');
  });
});
