import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, yearsBetween } from '../../shared/domain/dates';
import { formatMoney, yuanToCents } from '../../shared/domain/money';
import { isLanguage, languageForLocale } from '../../shared/i18n/language';

describe('shared helpers', () => {
  it('validates ISO dates strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023/10/15')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-07-02', '2026-11-22')).toBe(143);
  });

  it('counts whole years of cooperation', () => {
    expect(yearsBetween('2023-10-15', '2026-10-14')).toBe(2);
    expect(yearsBetween('2023-10-15', '2026-10-15')).toBe(3);
    expect(yearsBetween(null, '2026-10-15')).toBeNull();
    expect(yearsBetween('2027-01-01', '2026-10-15')).toBe(0);
  });

  it('keeps money in cents and formats yuan per locale', () => {
    expect(yuanToCents(1200.5)).toBe(120050);
    expect(yuanToCents(0.1 + 0.2)).toBe(30);
    expect(formatMoney(120050, 'zh-CN')).toBe('¥1,200.50');
    expect(formatMoney(120050, 'en')).toBe('CN¥1,200.50');
  });

  it('maps OS locales to the shipped UI languages', () => {
    expect(languageForLocale('zh-CN')).toBe('zh-CN');
    expect(languageForLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(languageForLocale('zh_TW')).toBe('zh-CN');
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('fr-FR')).toBe('en');
    expect(languageForLocale('')).toBe('en');
    expect(isLanguage('zh-CN')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});
