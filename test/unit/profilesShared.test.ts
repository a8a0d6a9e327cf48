import { describe, expect, it } from 'vitest';
import { defaultCompletenessRules, overallCompleteness, profileCompleteness } from '../../shared/domain/completeness';
import { normaliseName, normalisePhone, withinOneEdit } from '../../shared/domain/duplicates';
import { checkEdit, parseTags } from '../../renderer/src/grid/editing';
import { customerRouteFromHash } from '../../renderer/src/routing/customerRoute';

const facts = { industry: '制造', region: null, ownerId: 1, cooperationStart: '2020-01-01', contactName: '王芳', contactTitle: null, phone: '0571-1234', email: null, address: null, tags: ['节能'] };

describe('profile completeness', () => {
  it('scores filled required fields over required fields and names the missing ones', () => {
    expect(profileCompleteness(facts, defaultCompletenessRules)).toEqual({ score: 6 / 7, missing: ['contactTitle'] });
    expect(profileCompleteness({ ...facts, tags: [], industry: '  ' }, { required: ['industry', 'tags'] })).toEqual({ score: 0, missing: ['industry', 'tags'] });
    expect(overallCompleteness([facts, { ...facts, contactTitle: '经理' }], defaultCompletenessRules)).toBeCloseTo(13 / 14);
    expect(overallCompleteness([], defaultCompletenessRules)).toBe(1);
  });
});

describe('duplicate keys', () => {
  it('normalises names (width, case, spaces, punctuation, company suffixes) and phones (+86)', () => {
    expect(normaliseName('杭州恒信科技 有限公司')).toBe(normaliseName('杭州恒信科技有限公司'));
    expect(normaliseName('ＡＣＭＥ Co., Ltd.')).toBe(normaliseName('acme co ltd'));
    expect(normaliseName('公司')).toBe('公司');
    expect(normalisePhone('+86 138-0000-0002')).toBe('13800000002');
    expect(normalisePhone('0571-88886666')).toBe('057188886666');
  });

  it('tells names one edit apart from those two apart', () => {
    expect(withinOneEdit('恒信科技', '恒信科枝')).toBe(true);
    expect(withinOneEdit('恒信科技', '恒信科技园')).toBe(true);
    expect(withinOneEdit('恒信科技', '信科技')).toBe(true);
    expect(withinOneEdit('恒信科技', '恒科枝')).toBe(false);
    expect(withinOneEdit('abcd', 'abdc')).toBe(false);
  });
});

describe('grid edits', () => {
  it('turns editor values into patches checked by the shared schema', () => {
    expect(checkEdit('email', '  ')).toEqual({ ok: true, patch: { email: null } });
    expect(checkEdit('email', 'nope')).toEqual({ ok: false, problem: 'email' });
    expect(checkEdit('name', '')).toEqual({ ok: false, problem: 'required' });
    expect(checkEdit('cooperationStart', '2026-02-30')).toEqual({ ok: false, problem: 'date' });
    expect(checkEdit('owner', 0)).toEqual({ ok: true, patch: { ownerId: null } });
    expect(checkEdit('status', 'vip')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkEdit('tags', '节能，定制、 VIP ,')).toEqual({ ok: true, patch: { tags: ['节能', '定制', 'VIP'] } });
    expect(checkEdit('total', 5)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseTags(['a', 1])).toEqual(['a']);
  });

  it('reads the customers sub-routes from the hash', () => {
    expect(customerRouteFromHash('#/customers')).toEqual({ kind: 'grid' });
    expect(customerRouteFromHash('#/customers/12')).toEqual({ kind: 'profile', id: 12 });
    expect(customerRouteFromHash('#/customers/duplicates')).toEqual({ kind: 'duplicates' });
    expect(customerRouteFromHash('#/customers/0')).toEqual({ kind: 'grid' });
    expect(customerRouteFromHash('#/settings/3')).toEqual({ kind: 'grid' });
  });
});
