import { describe, expect, it } from 'vitest';
import { viewQueries } from '../../electron/db/views';
import { canonicalFilter, localFilter } from '../../shared/domain/viewFilters';
import { servicesOnTempDb } from './helpers/services';

const equals = (filter: string) => ({ filterType: 'text', type: 'equals', filter });
const atRiskIn = (a: string, b: string) => ({ filterType: 'text', operator: 'OR', conditions: [equals(a), equals(b)] });

describe('saved view filters keep codes, not labels', () => {
  it('turns labels of either language into codes on vocabulary columns only', () => {
    const zh = { status: atRiskIn('休眠', '流失'), tier: equals('高价值'), quadrant: equals('低价值 · 高潜力'), lifecycle: equals('成熟期'), name: equals('休眠') };
    const en = { status: atRiskIn('Dormant', 'lost'), tier: equals('high value'), quadrant: equals('Low value · High potential'), lifecycle: equals('Maturity'), name: equals('休眠') };
    const codes = { status: atRiskIn('dormant', 'lost'), tier: equals('high'), quadrant: equals('low-high'), lifecycle: equals('maturity'), name: equals('休眠') };
    expect(canonicalFilter(zh)).toEqual(codes);
    expect(canonicalFilter(en)).toEqual(codes);
    // A partial word is no label: it stays as typed; number filters are untouched.
    const other = { status: { filterType: 'text', type: 'contains', filter: '休' }, completeness: { filterType: 'number', type: 'lessThan', filter: 100 } };
    expect(canonicalFilter(other)).toEqual(other);
  });

  it('shows codes, and labels of the other language, as labels of the UI language', () => {
    const codes = { status: atRiskIn('dormant', 'lost'), loyaltyLevel: equals('gold') };
    expect(localFilter(codes, 'zh-CN')).toEqual({ status: atRiskIn('休眠', '流失'), loyaltyLevel: equals('金卡会员') });
    expect(localFilter(codes, 'en')).toEqual({ status: atRiskIn('Dormant', 'Lost'), loyaltyLevel: equals('Gold') });
    expect(localFilter({ kind: equals('公司') }, 'en')).toEqual({ kind: equals('Company') });
  });

  it('stores a view saved in Chinese with codes and reads an old view holding labels as codes', () => {
    const { services, db } = servicesOnTempDb();
    const saved = services.views.save('风险', { columns: [], filter: { status: atRiskIn('休眠', '流失') } });
    expect(saved[0]?.state.filter).toEqual({ status: atRiskIn('dormant', 'lost') });
    viewQueries(db).save('tester', 'old', JSON.stringify({ columns: [], filter: { tier: equals('High value') } }), '2026-01-01T00:00:00Z');
    expect(services.views.list().find((v) => v.name === 'old')?.state.filter).toEqual({ tier: equals('high') });
  });
});
