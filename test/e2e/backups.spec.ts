import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { withDb } from './db';
import { expect, screenshotDir, spawnBridge, stop, test } from './fixtures';

/** Breaks two customer summaries behind the app's back: one total off by a cent, one month gone. */
function damageSummaries(dbPath: string): void {
  withDb(dbPath, (db) => {
    const [a, b] = db.prepare('SELECT customer_id FROM customer_rollups WHERE order_count > 1 ORDER BY customer_id LIMIT 2').pluck().all() as [number, number];
    db.prepare('UPDATE customer_rollups SET total_cents = total_cents + 1 WHERE customer_id = ?').run(a);
    db.prepare('DELETE FROM customer_monthly WHERE customer_id = ? AND month = (SELECT min(month) FROM customer_monthly WHERE customer_id = ?)').run(b, b);
  });
}

function customerName(dbPath: string, id: number): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(id) as string;
  } finally {
    db.close();
  }
}

test.describe('Settings → Backups in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('back up now, check integrity, then restore the backup after an edit (with confirmation)', async ({ page, patron }) => {
    await page.goto(`${patron.url}#/settings`);
    const section = page.getByTestId('backups-section');
    await expect(section.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
    await expect(section).toContainText('还没有备份');
    await section.getByRole('button', { name: '立即备份' }).click();
    const rows = section.getByTestId('backup-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('手动');
    await expect(rows.first()).toContainText('2,000');

    await section.getByRole('button', { name: '检查数据库完整性' }).click();
    await expect(section.getByTestId('integrity-result')).toContainText('检查通过');

    const original = customerName(patron.dbPath, 1);
    const edited = await page.evaluate(() => window.patron?.invoke('customers:update', { id: 1, patch: { name: '恢复测试改名' } }));
    expect(edited).toMatchObject({ ok: true });
    expect(customerName(patron.dbPath, 1)).toBe('恢复测试改名');

    await rows.first().getByRole('button', { name: '恢复…' }).click();
    const confirm = section.getByTestId('restore-confirm');
    await expect(confirm).toContainText('恢复前会先备份当前状态');
    await confirm.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'backups-confirm-zh-CN.png') });
    await confirm.getByRole('button', { name: '确认恢复' }).click();
    await expect(section.getByTestId('restore-result')).toContainText('已恢复');
    expect(customerName(patron.dbPath, 1)).toBe(original);
    // The state before the restore is now a backup of its own.
    await expect(rows).toHaveCount(2);
    await expect(section).toContainText('恢复前');
    await section.getByRole('heading', { name: '自动备份与保留' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'backups-zh-CN.png') });
  });

  test('check and repair customer summaries: fixes what differs, then finds all correct', async ({ page, patron }) => {
    damageSummaries(patron.dbPath);
    await page.goto(`${patron.url}#/settings`);
    const section = page.getByTestId('backups-section');
    const repair = section.getByRole('button', { name: '核对并修复客户汇总' });
    await expect(repair).toHaveAttribute('title', /只改正不一致的行/);
    await repair.click();
    await expect(section.getByTestId('repair-result')).toContainText('修复了 1 条客户汇总和 1 条月度汇总');
    await section.getByTestId('repair-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'backups-repair-zh-CN.png') });
    await repair.click();
    await expect(section.getByTestId('repair-result')).toContainText('全部一致，无需修复');
  });
});

test.describe('Settings → Backups in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('check and repair customer summaries in English', async ({ page, patron }) => {
    damageSummaries(patron.dbPath);
    await page.goto(`${patron.url}#/settings`);
    const section = page.getByTestId('backups-section');
    await section.getByRole('button', { name: 'Check and repair customer summaries' }).click();
    await expect(section.getByTestId('repair-result')).toContainText('Rows repaired: customer summary 1, monthly summary 1.');
    await section.getByTestId('repair-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'backups-repair-en-US.png') });
  });

  test('export everything writes one workbook; the schedule settings are saved', async ({ page, patron }) => {
    await page.goto(`${patron.url}#/settings`);
    const section = page.getByTestId('backups-section');
    await expect(section.getByRole('heading', { name: 'Backups and restore' })).toBeVisible();
    await section.getByRole('button', { name: 'Export everything to Excel' }).click();
    await expect(section.getByTestId('archive-result')).toContainText('.xlsx', { timeout: 45_000 });
    const exports = join(dirname(patron.dbPath), 'exports');
    expect(readdirSync(exports).filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);

    await page.getByTestId('backup-intervalMinutes').fill('15');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(section).toContainText('every 15 minutes');
    await section.getByRole('button', { name: 'Back up now' }).click();
    await expect(section.getByTestId('backup-row')).toHaveCount(1);
    await page.getByTestId('backup-keepRecent').fill('0');
    await expect(section.getByRole('button', { name: 'Save' })).toBeDisabled();
    await expect(section).toContainText('Enter whole numbers within range.');
    await page.getByTestId('backup-keepRecent').fill('10');
    await section.getByRole('heading', { name: 'Automatic backups and retention' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'backups-en.png') });
  });
});

test.describe('start with a damaged database', () => {
  test('the recovery screen explains, restores the newest good backup and keeps the damaged file', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'patron-e2e-recovery-'));
    const dbPath = join(dir, 'patron.sqlite');
    try {
      const first = await spawnBridge(dbPath, 'zh-CN');
      await page.goto(first.url);
      await expect(page.getByTestId('customer-count')).toContainText('2,000');
      expect(await page.evaluate(() => window.patron?.invoke('backups:create', {}))).toMatchObject({ ok: true });
      await stop(first.proc);

      const garbage = randomBytes(64 * 1024);
      writeFileSync(dbPath, garbage);
      const second = await spawnBridge(dbPath, 'zh-CN');
      try {
        await page.goto(second.url);
        const screen = page.getByTestId('recovery-screen');
        await expect(screen.getByRole('heading', { name: '数据库无法安全打开' })).toBeVisible();
        await expect(screen.getByTestId('recovery-reason')).toContainText('not an SQLite database');
        await expect(screen).toContainText('backups');
        await page.screenshot({ path: join(screenshotDir, 'recovery-zh-CN.png') });
        // Nothing but the recovery calls answers while the file is damaged.
        expect(await page.evaluate(() => window.patron?.invoke('customers:list', {}))).toMatchObject({ ok: false, error: { code: 'conflict' } });
        expect(readFileSync(dbPath).equals(garbage)).toBe(true);

        await page.getByTestId('language-en').click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        await expect(screen.getByRole('heading', { name: 'The database cannot be opened safely' })).toBeVisible();
        await page.screenshot({ path: join(screenshotDir, 'recovery-en.png') });
        await screen.getByRole('button', { name: 'Restore the newest good backup' }).click();
        await expect(screen.getByTestId('recovery-done')).toContainText('.damaged-');
        const kept = readdirSync(dir).find((f) => f.startsWith('patron.sqlite.damaged-'));
        expect(kept).toBeDefined();
        expect(readFileSync(join(dir, kept ?? '')).equals(garbage)).toBe(true);
        await screen.getByRole('button', { name: 'Continue' }).click();
        await expect(page.getByTestId('customer-count')).toContainText('2,000');
        expect(existsSync(dbPath)).toBe(true);
      } finally {
        await stop(second.proc);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
