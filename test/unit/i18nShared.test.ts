import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { namespaces, translator } from '../../shared/i18n';
import { PatronError } from '../../shared/ipc/errors';
import { servicesOnTempDb } from './helpers/services';

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

describe('errors cross IPC as a key with parameters', () => {
  it('carries the key of a missing customer code, shown in either language', async () => {
    const env = servicesOnTempDb();
    const dispatch = createDispatcher(handlerTable(env.services));
    const res = await dispatch('surveys:phoneForm', { customerCode: 'C009999', templateKey: 'standard', language: 'zh-CN' }, { transport: 'direct', url: null, isMainFrame: true });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ code: 'not_found', message: 'customer code C009999 does not exist', text: { key: 'customerCodeMissing', params: { code: 'C009999' } } });
    const shown = PatronError.fromData(res.error).text;
    expect(translator('zh-CN')(`errors.${shown?.key ?? ''}`, shown?.params ?? {})).toBe('客户编号 C009999 不存在');
  });
});

describe('counts', () => {
  it('group their digits when the string asks for a number format', () => {
    expect(translator('en')('profiles.selected', { count: 2000 })).toBe('2,000 selected');
    expect(translator('zh-CN')('profiles.selected', { count: 2000 })).toBe('已选 2,000 位客户');
  });
});
