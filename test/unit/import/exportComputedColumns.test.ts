import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportColumnsOf } from '../../../renderer/src/grid/exportView';
import { autoMatch } from '../../../shared/import/targets';
import { smallDemoDb } from '../helpers/dbContents';
import { servicesOnTempDb } from '../helpers/services';
import { tempDir } from '../helpers/temp';

/** The grid's computed columns (segmentation, warnings, loyalty) as the export names them. */
const COMPUTED = ['effectiveTier', 'quadrant', 'lifecycle', 'predictedCents', 'openWarnings', 'loyaltyLevel', 'pointsBalance', 'referralCount'] as const;

async function segmentNow(env: ReturnType<typeof servicesOnTempDb>): Promise<void> {
  env.services.segments.run('manual');
  // Until every job is done: the warnings scan that follows a segmentation run may change alerts.
  while (env.jobs.running().length > 0) await new Promise((r) => setTimeout(r, 10));
}

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('export of the grid computed columns', () => {
  it('writes tier, quadrant, lifecycle, predicted value, warnings, level, points and referrals typed and localised, and they never import back', async () => {
    const env = servicesOnTempDb({ file: smallDemoDb() });
    await segmentNow(env);
    // The demo has warnings, points and referrals, so every column has something to show.
    const rows = env.services.customers.list().rows;
    expect(rows.some((r) => r.pointsBalance > 0)).toBe(true);
    expect(rows.some((r) => r.openWarnings > 0)).toBe(true);
    expect(rows.some((r) => r.referralCount > 0)).toBe(true);
    expect(rows.some((r) => r.quadrant !== null && r.predictedCents !== null)).toBe(true);
    const first = rows.find((r) => r.openWarnings > 0 && r.loyaltyLevel !== 'basic') ?? rows.find((r) => r.openWarnings > 0);

    const dir = tempDir();
    const zh = join(dir, '客户.xlsx');
    const en = join(dir, 'customers.xlsx');
    const view = { columns: ['code', ...COMPUTED], sort: [{ column: 'effectiveTier', dir: 'asc' as const }, { column: 'code', dir: 'asc' as const }] };
    await env.services.exports.run({ what: 'customers', format: 'xlsx', path: zh, language: 'zh-CN', view });
    await env.services.exports.run({ what: 'customers', format: 'xlsx', path: en, language: 'en', view });

    const zs = await sheetOf(zh);
    expect(zs.getRow(1).values).toEqual([undefined, '客户编号', '计算层级', '价值–潜力象限', '生命周期', '预测价值（12 个月）', '预警', '会员等级', '积分余额', '推荐人数']);
    const es = await sheetOf(en);
    expect(es.getRow(1).values).toEqual([undefined, 'Customer code', 'Computed tier', 'Value–potential', 'Lifecycle', 'Predicted, 12 mo', 'Warnings', 'Member level', 'Points', 'Referrals']);

    // Sorted as the grid sorts tiers: high value, regular, potential (not by code).
    const tierOrder = ['high', 'regular', 'potential'];
    const expected = [...rows].sort((a, b) => tierOrder.indexOf(a.effectiveTier ?? '') - tierOrder.indexOf(b.effectiveTier ?? '') || (a.code ?? '').localeCompare(b.code ?? ''));
    expect(zs.rowCount).toBe(rows.length + 1);
    const zhTier: Record<string, string> = { high: '高价值', regular: '普通', potential: '潜在/流失风险' };
    const zhLevel: Record<string, string> = { basic: '普通会员', silver: '银卡会员', gold: '金卡会员', diamond: '钻石会员' };
    const zhLife: Record<string, string> = { acquisition: '获客期', growth: '成长期', maturity: '成熟期', decline: '衰退期' };
    const zhQuad = (q: string) => `${q.startsWith('high') ? '高价值' : '低价值'} · ${q.endsWith('high') ? '高潜力' : '低潜力'}`;
    expected.forEach((r, i) => {
      const cells = zs.getRow(i + 2).values as unknown[];
      expect(cells[1]).toBe(r.code);
      expect(cells[2]).toBe(r.effectiveTier ? zhTier[r.effectiveTier] : undefined);
      expect(cells[3]).toBe(r.quadrant ? zhQuad(r.quadrant) : undefined);
      expect(cells[4]).toBe(r.lifecycle ? zhLife[r.lifecycle] : undefined);
      // Money as yuan numbers, counts as numbers (typed cells, not text).
      expect(cells[5]).toBe(r.predictedCents === null ? undefined : r.predictedCents / 100);
      expect(cells[6]).toBe(r.openWarnings);
      expect(cells[7]).toBe(zhLevel[r.loyaltyLevel]);
      expect(cells[8]).toBe(r.pointsBalance);
      expect(cells[9]).toBe(r.referralCount);
    });
    expect(zs.getCell('E2').numFmt).toContain('¥');
    expect(zs.getCell('H2').numFmt).toBe('#,##0');
    const enFirst = es.getRow(expected.findIndex((r) => r.id === first?.id) + 2).values as unknown[];
    expect(enFirst[7]).toBe({ basic: 'Basic', silver: 'Silver', gold: 'Gold', diamond: 'Diamond' }[first?.loyaltyLevel ?? 'basic']);
    expect(enFirst[6]).toBe(first?.openWarnings);
    const enQuad = es.getRow(expected.findIndex((r) => r.quadrant === 'high-low') + 2).values as unknown[];
    if (expected.some((r) => r.quadrant === 'high-low')) expect(enQuad[3]).toBe('High value · Low potential');

    // "Every column" stays the stored profile, and computed headers are never auto-matched by an import.
    expect(autoMatch(['客户名称', '计算层级', '会员等级', 'Computed tier', 'Member level', '客户层级'], 'customers')).toEqual({ name: '客户名称', tier: '客户层级' });
    const fresh = servicesOnTempDb();
    const withName = join(dir, 'named.xlsx');
    await env.services.exports.run({ what: 'customers', format: 'xlsx', path: withName, language: 'zh-CN', view: { columns: ['code', 'name', ...COMPUTED] } });
    const back = await fresh.services.imports.run({ file: withName, target: 'customers' });
    expect(back).toMatchObject({ errorRows: 0, new: rows.length });
    expect(fresh.services.customers.list().rows.every((r) => r.tierOverride === null)).toBe(true);

    // Filters work on them like on the stored columns: a level by either label or code, points as numbers.
    const level = first?.loyaltyLevel ?? 'basic';
    const filtered = join(dir, 'filtered.xlsx');
    const res = await env.services.exports.run({
      what: 'customers',
      format: 'xlsx',
      path: filtered,
      language: 'en',
      view: { columns: ['code', 'loyaltyLevel', 'pointsBalance'], conditions: [{ column: 'loyaltyLevel', op: '=', value: zhLevel[level] ?? '' }, { column: 'pointsBalance', op: '>=', value: '1' }] },
    });
    expect(res.rows).toBe(rows.filter((r) => r.loyaltyLevel === level && r.pointsBalance >= 1).length);
    expect(res.rows).toBeGreaterThan(0);
  }, 120_000);

  it('exports every stored column, and no computed one, when a view names none', async () => {
    const env = servicesOnTempDb({ file: smallDemoDb() });
    const out = join(tempDir(), 'all.xlsx');
    await env.services.exports.run({ what: 'customers', format: 'xlsx', path: out, language: 'en', view: {} });
    const header = (await sheetOf(out)).getRow(1).values as unknown[];
    expect(header).toContain('Customer code');
    expect(header).toContain('Last order date');
    expect(header).not.toContain('Computed tier');
    expect(header).not.toContain('Points');
  });
});

describe('grid columns to export columns', () => {
  it('maps the grid computed columns to their export columns', () => {
    const grid = { tier: 'effectiveTier', quadrant: 'quadrant', lifecycle: 'lifecycle', predicted: 'predictedCents', openWarnings: 'openWarnings', loyaltyLevel: 'loyaltyLevel', pointsBalance: 'pointsBalance', referralCount: 'referralCount' };
    for (const [colId, id] of Object.entries(grid)) expect(exportColumnsOf(colId)).toEqual([id]);
    expect(exportColumnsOf('completeness')).toEqual([]);
  });
});
