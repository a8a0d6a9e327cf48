import { describe, expect, it } from 'vitest';
import { namespaces, translator } from '../../shared/i18n';

describe('the shared i18next setup', () => {
  it('reads a section as a namespace with the same dotted keys the renderer uses', () => {
    expect(namespaces).toContain('customers');
    expect(translator('en')('customers.status.dormant')).toBe('Dormant');
    expect(translator('zh-CN')('customers.status.dormant')).toBe('休眠');
  });

  it('chooses the English plural form by count and the one Chinese form', () => {
    const en = translator('en');
    expect(en('visits.plan.create', { count: 1 })).toBe('Create 1 plan');
    expect(en('visits.plan.create', { count: 3 })).toBe('Create 3 plans');
    expect(en('warnings.care.anniversary', { count: 1 })).toBe('1 year of cooperation');
    expect(en('importExport.exported', { count: 1, path: 'a.xlsx' })).toBe('Exported 1 row to a.xlsx');
    expect(en('loyalty.section.rewardOption', { name: 'Mug', count: 1200 })).toBe('Mug (1,200 points)');
    expect(translator('zh-CN')('visits.plan.create', { count: 1 })).toBe('创建 1 条计划');
  });
});
