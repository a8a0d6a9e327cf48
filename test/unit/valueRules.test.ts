import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../shared/domain/profile';
import { customerPatchSchema } from '../../shared/domain/customer';
import { orderAmountEditSchema } from '../../shared/domain/orderEdit';
import { yuanInputSchema } from '../../shared/domain/cellInput';
import { isCalendarDate, isPhoneNumber, maxAmountCents, textLimits } from '../../shared/domain/valueRules';
import { normaliseEmail, normalisePhone, parseAmount, parseDate, parseTagList, parseText } from '../../shared/import/values';
import { checkEdit } from '../../renderer/src/grid/editing';

/** One set of rules: what the import refuses, the IPC schemas and the grid editor refuse too, and the other way round. */
describe('value rules', () => {
  it('phone numbers: Chinese mobile, landline with area code (and extension), 400 numbers, international', () => {
    const good = ['13812345678', '138 1234 5678', '+86 138-1234-5678', '008613812345678', '021-62345678', '(021) 6234 5678', '0571-8888666', '021-62345678-801', '021-62345678转801', '+86 21 6234 5678', '400-820-8820', '+1 415 555 0100', '+44 20 7946 0958'];
    const refused = ['call me maybe', 'abc', '12345678', '1381234567', '138123456789', '12812345678', '02112', '+', '', '13812345678x', '☎ 13812345678'];
    for (const text of good) {
      expect(isPhoneNumber(text), text).toBe(true);
      expect(normalisePhone(text).ok, `import ${text}`).toBe(true);
      expect(customerPatchSchema.safeParse({ phone: text }).success, `customers:update ${text}`).toBe(true);
      expect(checkEdit('phone', text).ok, `grid ${text}`).toBe(true);
    }
    for (const text of refused.filter((t) => t !== '')) {
      expect(isPhoneNumber(text), text).toBe(false);
      expect(normalisePhone(text).ok, `import ${text}`).toBe(false);
      expect(customerPatchSchema.safeParse({ phone: text }).success, `customers:update ${text}`).toBe(false);
      expect(contactInputSchema.safeParse({ name: '王芳', title: null, phone: text, email: null, wechat: null, birthday: null, isPrimary: false, notes: null }).success, `contact ${text}`).toBe(false);
      expect(checkEdit('phone', text), `grid ${text}`).toEqual({ ok: false, problem: 'phone' });
    }
    // Clearing the phone on purpose stays possible.
    expect(checkEdit('phone', '')).toEqual({ ok: true, patch: { phone: null } });
  });

  it('e-mail: the import and the editors use one pattern', () => {
    for (const [text, ok] of [['wang.fang@hengxin.cn', true], ['a@b', false], ['not an address', false], [`${'a'.repeat(250)}@b.cn`, false]] as const) {
      expect(normaliseEmail(text).ok, text).toBe(ok);
      expect(customerPatchSchema.safeParse({ email: text }).success, text).toBe(ok);
    }
  });

  it('amounts: whole cents from 0 to ¥10 billion everywhere; the probe’s amounts are refused', () => {
    expect(parseAmount('10000000000')).toEqual({ ok: true, value: maxAmountCents });
    expect(orderAmountEditSchema.safeParse({ id: 1, amountCents: maxAmountCents }).success).toBe(true);
    expect(yuanInputSchema.safeParse('10000000000').success).toBe(true);
    for (const text of ['99999999999999999999.99', '90071992547409.91', '10000000000.01']) {
      expect(parseAmount(text), text).toMatchObject({ ok: false, code: 'amountTooLarge' });
      expect(yuanInputSchema.safeParse(text).success, text).toBe(false);
    }
    expect(parseAmount(1e22)).toMatchObject({ ok: false, code: 'amountTooLarge' });
    expect(parseAmount('-100.00')).toMatchObject({ ok: false, code: 'negativeAmount' });
    expect(yuanInputSchema.safeParse('-100').success).toBe(false);
    expect(orderAmountEditSchema.safeParse({ id: 1, amountCents: -10000 }).success).toBe(false);
    expect(orderAmountEditSchema.safeParse({ id: 1, amountCents: maxAmountCents + 1 }).success).toBe(false);
    expect(orderAmountEditSchema.safeParse({ id: 1, amountCents: 1.5 }).success).toBe(false);
  });

  it('text lengths: the import refuses what customers:update refuses', () => {
    const name = parseText('名'.repeat(5_000_000), textLimits.name);
    expect(name).toMatchObject({ ok: false, code: 'tooLong', params: { length: '5000000', max: '200' } });
    expect(customerPatchSchema.safeParse({ name: '名'.repeat(201) }).success).toBe(false);
    expect(parseText('名'.repeat(200), textLimits.name).ok).toBe(true);
    expect(customerPatchSchema.safeParse({ name: '名'.repeat(200) }).success).toBe(true);
    expect(parseText('x'.repeat(10_001), textLimits.notes).ok).toBe(false);
    expect(customerPatchSchema.safeParse({ notes: 'x'.repeat(10_001) }).success).toBe(false);
    expect(parseText('x'.repeat(10_000), textLimits.notes).ok).toBe(true);
    expect(parseTagList(`${'标'.repeat(51)},VIP`)).toMatchObject({ ok: false, code: 'tooLong' });
    expect(customerPatchSchema.safeParse({ tags: ['标'.repeat(51)] }).success).toBe(false);
    expect(parseTagList(Array.from({ length: 51 }, (_, i) => `t${i}`).join(','))).toMatchObject({ ok: false, code: 'tooManyTags' });
  });

  it('dates: real calendar days from 1900 to 2200, the same for the import, the schemas and the grid editor', () => {
    for (const [iso, ok] of [['2024-02-29', true], ['2023-02-29', false], ['2023-13-01', false], ['1899-12-31', false], ['2201-01-01', false], ['1900-01-01', true]] as const) {
      expect(isCalendarDate(iso), iso).toBe(ok);
      expect(parseDate(iso).ok, `import ${iso}`).toBe(ok);
      expect(customerPatchSchema.safeParse({ cooperationStart: iso }).success, `customers:update ${iso}`).toBe(ok);
    }
    // The grid's date editor takes typed dates as the import reads them; text that is no date is refused, never saved as "no date".
    expect(checkEdit('cooperationStart', '2024/3/5')).toEqual({ ok: true, patch: { cooperationStart: '2024-03-05' } });
    expect(checkEdit('cooperationStart', '2024年3月5日')).toEqual({ ok: true, patch: { cooperationStart: '2024-03-05' } });
    expect(checkEdit('cooperationStart', '2024-03-0')).toEqual({ ok: false, problem: 'date' });
    expect(checkEdit('cooperationStart', 'soon')).toEqual({ ok: false, problem: 'date' });
    expect(checkEdit('cooperationStart', '')).toEqual({ ok: true, patch: { cooperationStart: null } });
  });
});
