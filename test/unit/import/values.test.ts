import { describe, expect, it } from 'vitest';
import { autoMatch, headerUnit } from '../../../shared/import/targets';
import { detectDayOrder, excelSerialToIso, normaliseEmail, normaliseName, normalisePhone, parseAmount, parseDate, splitContact, splitTags } from '../../../shared/import/values';

describe('import value parsing', () => {
  it('reads dates as Chinese and English offices write them', () => {
    for (const text of ['2023-10-15', '2023/10/15', '2023.10.15', '2023年10月15日', '2023年10月15', '20231015', '15/10/2023', '2023-10-15 08:30:00']) {
      expect(parseDate(text), text).toEqual({ ok: true, value: '2023-10-15' });
    }
    expect(parseDate(45214)).toEqual({ ok: true, value: '2023-10-15' });
    expect(parseDate('45214')).toEqual({ ok: true, value: '2023-10-15' });
    expect(parseDate(new Date(Date.UTC(2023, 9, 15)))).toEqual({ ok: true, value: '2023-10-15' });
    expect(excelSerialToIso(1)).toBe('1899-12-31');
  });

  it('asks when day and month could be swapped, and follows the chosen order', () => {
    const r = parseDate('05/06/2023');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/ambiguous/);
    expect(parseDate('05/06/2023', 'dmy')).toEqual({ ok: true, value: '2023-06-05' });
    expect(parseDate('05/06/2023', 'mdy')).toEqual({ ok: true, value: '2023-05-06' });
    expect(parseDate('10/15/2023')).toEqual({ ok: true, value: '2023-10-15' });
    expect(parseDate('2023-02-30').ok).toBe(false);
    expect(parseDate('31/02/2023', 'dmy').ok).toBe(false);
    expect(parseDate('next week').ok).toBe(false);
    expect(detectDayOrder(['05/06/2023', '15/06/2023'])).toBe('dmy');
    expect(detectDayOrder(['05/06/2023', '06/25/2023'])).toBe('mdy');
    expect(detectDayOrder(['05/06/2023', '07/08/2023'])).toBeNull();
    expect(detectDayOrder(['2023-01-01'])).toBe('none');
  });

  it('reads amounts with currency signs, separators, 万 and a 万元 column unit, to cents', () => {
    expect(parseAmount('¥1,200.50')).toEqual({ ok: true, value: 120050 });
    expect(parseAmount('￥ 1,200.50 元')).toEqual({ ok: true, value: 120050 });
    expect(parseAmount('1.2万')).toEqual({ ok: true, value: 1_200_000 });
    expect(parseAmount('120', 10000)).toEqual({ ok: true, value: 120_000_000 });
    expect(parseAmount(12.5, 10000)).toEqual({ ok: true, value: 12_500_000 });
    // Negative amounts (also accountants' brackets) are refused: refunds will be a kind of their own.
    expect(parseAmount('-35.10')).toMatchObject({ ok: false, code: 'negativeAmount' });
    expect(parseAmount('(35.10)')).toMatchObject({ ok: false, code: 'negativeAmount' });
    expect(parseAmount('12,34').ok).toBe(false);
    expect(parseAmount('abc').ok).toBe(false);
    expect(headerUnit('历史合作总额(万元)')).toBe(10000);
    expect(headerUnit('金额')).toBe(1);
  });

  it('splits tags on 、，, ; and normalises phones, e-mails, names and contacts', () => {
    expect(splitTags('定制化、售后响应，价格;  交期,价格')).toEqual(['定制化', '售后响应', '价格', '交期']);
    expect(normalisePhone('+86 138-0013-8000')).toEqual({ ok: true, value: '13800138000' });
    expect(normalisePhone('(0571) 8888 6666')).toEqual({ ok: true, value: '057188886666' });
    expect(normalisePhone('+1 415 555 0100')).toEqual({ ok: true, value: '+14155550100' });
    expect(normalisePhone(13800138000)).toEqual({ ok: true, value: '13800138000' });
    expect(normalisePhone('call me').ok).toBe(false);
    expect(normaliseEmail(' Wang.Fang@Example.COM ')).toEqual({ ok: true, value: 'wang.fang@example.com' });
    expect(normaliseEmail('wang@').ok).toBe(false);
    expect(normaliseName('杭州恒信（科技） 有限公司')).toBe(normaliseName('杭州恒信(科技)有限公司'));
    expect(splitContact('王芳 采购经理')).toEqual({ name: '王芳', title: '采购经理' });
    expect(splitContact('王芳（采购经理）')).toEqual({ name: '王芳', title: '采购经理' });
    expect(splitContact('王芳/采购经理')).toEqual({ name: '王芳', title: '采购经理' });
    expect(splitContact('王芳')).toEqual({ name: '王芳', title: null });
  });

  it('auto-matches Chinese and English headers to fields', () => {
    const zh = autoMatch(['客户名称', '所属行业', '合作年限', '联系人及职务', '核心需求标签', '历史合作总额(万元)', '最近合作时间', '客户层级', '当前状态'], 'customers');
    expect(zh).toEqual({
      name: '客户名称',
      industry: '所属行业',
      cooperationYears: '合作年限',
      contact: '联系人及职务',
      tags: '核心需求标签',
      historyTotal: '历史合作总额(万元)',
      lastCooperation: '最近合作时间',
      tier: '客户层级',
      status: '当前状态',
    });
    expect(autoMatch(['Customer name', 'Industry', 'E-mail', 'Phone'], 'customers')).toEqual({ name: 'Customer name', industry: 'Industry', email: 'E-mail', phone: 'Phone' });
    expect(autoMatch(['客户编号', '订单日期', '金额', '数量'], 'orders')).toEqual({ customer: '客户编号', orderDate: '订单日期', amount: '金额', quantity: '数量' });
  });
});
