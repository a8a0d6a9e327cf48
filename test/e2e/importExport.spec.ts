import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { encodeGbk } from '../fixtures/gbk';
import { expect, screenshotDir, test } from './fixtures';

function count(dbPath: string, sql: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

const gbkCsv = (): Buffer =>
  encodeGbk(
    [
      '客户名称,所属行业,合作年限,联系人及职务,核心需求标签,历史合作总额(万元),最近合作时间,客户层级,当前状态',
      '杭州新导入科技有限公司,制造业,3,王芳 采购经理,定制化、售后响应,120,2023年10月15日,高价值,活跃',
      '宁波新导入贸易有限公司,贸易,1,张伟/总经理,价格；交期,1.5,2024/03/01,普通,潜在',
      '坏数据公司,贸易,三年,,,很多,明天,,',
    ].join('\r\n'),
  );

test.describe('Import and export in Chinese', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('imports a GBK CSV through the wizard, reverts it from the history, and exports the grid to .xlsx', async ({ page, patron }) => {
    page.on('dialog', (d) => void d.accept());
    await page.goto(patron.url);
    await expect(page.getByTestId('customer-count')).toContainText('2,000');
    await page.getByTestId('import-open').click();
    const wizard = page.getByTestId('import-wizard');
    await expect(wizard.getByRole('heading', { name: '导入数据' })).toBeVisible();
    await expect(wizard.getByText('还没有导入过数据。')).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'import-file-zh-CN.png') });

    await patron.chooseFile('客户名单.csv', gbkCsv());
    await page.getByTestId('import-file').click();
    await expect(page.getByTestId('import-file-info')).toContainText('客户名单.csv：3 行数据');
    await expect(page.getByTestId('import-encoding')).toHaveValue('gb18030');
    await expect(page.getByTestId('map-name')).toHaveValue('客户名称');
    await expect(page.getByTestId('map-historyTotal')).toHaveValue('历史合作总额(万元)');
    await expect(page.getByTestId('map-contact')).toHaveValue('联系人及职务');
    await page.getByTestId('mapping-name').fill('客户名单模板');
    await wizard.getByRole('button', { name: '保存', exact: true }).click();
    await page.screenshot({ path: join(screenshotDir, 'import-mapping-zh-CN.png') });

    await page.getByTestId('import-preview').click();
    await expect(page.getByTestId('count-new')).toHaveText('2');
    await expect(page.getByTestId('count-errors')).toHaveText('1');
    const errors = page.getByTestId('import-errors');
    await expect(errors).toContainText('客户名单.csv');
    await expect(errors).toContainText('合作年限');
    await expect(errors).toContainText('“三年”不是年数');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await page.getByTestId('on-errors').selectOption('skip');
    await page.screenshot({ path: join(screenshotDir, 'import-preview-zh-CN.png') });

    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toContainText('导入完成：新增 2，更新 0，跳过 0。');
    await expect(page.getByTestId('import-result')).toContainText('导入前已备份到');
    await page.screenshot({ path: join(screenshotDir, 'import-result-zh-CN.png') });
    await page.getByTestId('import-close').click();
    await expect(page.getByTestId('customer-count')).toContainText('2,002');
    expect(count(patron.dbPath, "SELECT count(*) FROM customers WHERE name LIKE '%新导入%'")).toBe(2);

    // The history in the wizard reverts the batch; the grid follows by push.
    await page.getByTestId('import-open').click();
    await expect(page.getByTestId('import-history')).toContainText('客户名单.csv');
    await page.getByTestId('import-history').getByRole('button', { name: '撤销' }).click();
    await expect(page.getByTestId('import-history')).toContainText('已撤销');
    await page.getByTestId('import-close').click();
    await expect(page.getByTestId('customer-count')).toContainText('2,000');
    expect(count(patron.dbPath, "SELECT count(*) FROM customers WHERE name LIKE '%新导入%'")).toBe(0);

    // Export of the searched view: only the matching customers, into the exports folder beside the database.
    await page.getByPlaceholder('搜索客户…').fill('C00199');
    await page.getByTestId('export-open').click();
    await page.screenshot({ path: join(screenshotDir, 'export-menu-zh-CN.png') });
    await page.getByTestId('export-xlsx').click();
    await expect(page.getByTestId('export-status')).toContainText('已导出 10 行到');
    const path = ((await page.getByTestId('export-status').getAttribute('title')) ?? '').replace(/^已导出 10 行到 /, '');
    expect(path.startsWith(join(patron.dbPath, '..', 'exports'))).toBe(true);
    expect(existsSync(path)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('客户档案');
    expect(sheet?.rowCount).toBe(11);
    // The grid's computed columns come along, with the grid's headers, typed.
    const header = (sheet?.getRow(1).values ?? []) as unknown[];
    for (const h of ['计算层级', '价值–潜力象限', '生命周期', '预测价值（12 个月）', '预警', '会员等级', '积分余额']) expect(header).toContain(h);
    const points = header.indexOf('积分余额');
    const level = header.indexOf('会员等级');
    for (let r = 2; r <= 11; r++) {
      expect(typeof sheet?.getRow(r).getCell(points).value).toBe('number');
      expect(['普通会员', '银卡会员', '金卡会员', '钻石会员']).toContain(sheet?.getRow(r).getCell(level).value);
    }
  });
});

test.describe('Import in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('the wizard speaks English and asks for the date order when dates read both ways', async ({ page, patron }) => {
    await page.goto(patron.url);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-target').selectOption('orders');
    await page.screenshot({ path: join(screenshotDir, 'import-file-en.png') });
    const first = count(patron.dbPath, 'SELECT id FROM customers ORDER BY id LIMIT 1');
    const code = new Database(patron.dbPath, { readonly: true }).prepare('SELECT code FROM customers WHERE id = ?').pluck().get(first) as string;
    const csv = `Customer code,Order date,Amount,Quantity\n${code},05/06/2025,"¥1,200.50",2\n${code},07/08/2025,1.2万,1\n`;
    await patron.chooseFile('orders.csv', Buffer.from(csv));
    await page.getByTestId('import-file').click();
    await expect(page.getByTestId('map-orderDate')).toHaveValue('Order date');
    await page.screenshot({ path: join(screenshotDir, 'import-mapping-en.png') });
    await page.getByTestId('import-preview').click();
    await expect(page.getByRole('alert')).toContainText('Dates in these fields read both as day/month and month/day');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await page.getByTestId('day-order').selectOption('dmy');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('count-new')).toHaveText('2');
    await expect(page.getByTestId('import-sample')).toContainText('2025-06-05');
    await page.screenshot({ path: join(screenshotDir, 'import-preview-en.png') });
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toContainText('Import finished: 2 new, 0 updated, 0 skipped.');
    expect(count(patron.dbPath, "SELECT count(*) FROM orders WHERE order_date = '2025-06-05' AND amount_cents = 120050")).toBe(1);
    await page.screenshot({ path: join(screenshotDir, 'import-result-en.png') });
  });
});
