import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from './temp';

export { encodeGbk } from '../../fixtures/gbk';

/** Writes a fixture file into a fresh temp folder and returns its path. */
export function writeFixture(name: string, content: string | Buffer, dir = tempDir('patron-import-')): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/**
 * A workbook as staff make them: a title row merged across the table, a merged
 * group header over two sub-headers, dates as Excel serials (some formatted as
 * dates, one plain number), a formula column, and a second sheet.
 */
export async function writeCustomerWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '本工作簿由销售部维护';
  const ws = wb.addWorksheet('客户清单');
  ws.getCell('A1').value = '2024 年客户名单';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '客户编号';
  ws.mergeCells('A2:A3');
  ws.getCell('B2').value = '客户名称';
  ws.mergeCells('B2:B3');
  ws.getCell('C2').value = '合作信息';
  ws.mergeCells('C2:D2');
  ws.getCell('C3').value = '合作开始时间';
  ws.getCell('D3').value = '最近合作时间';
  ws.getCell('E2').value = '历史合作总额(万元)';
  ws.mergeCells('E2:E3');
  ws.getCell('F2').value = '核心需求标签';
  ws.mergeCells('F2:F3');
  const rows: [string, string, number, number, number | { formula: string; result: number }, string][] = [
    ['X001', '杭州恒信科技有限公司', 45214, 45500, 120, '定制化、售后响应'],
    ['X002', '宁波海川贸易', 44927, 45292, { formula: 'E4/2', result: 60 }, '价格，交期'],
    ['X003', '苏州明德教育', 44562, 45000, 3.5, '培训'],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.values = r;
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    // The last row keeps its dates as plain serial numbers, as when a format got lost.
    if (i < 2) row.getCell(4).numFmt = 'yyyy/m/d';
  });
  await wb.xlsx.writeFile(file);
}
