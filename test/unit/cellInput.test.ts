import { describe, expect, it } from 'vitest';
import { startForYears, wholeYearsInputSchema, yuanInputSchema } from '../../shared/domain/cellInput';
import { yearsBetween } from '../../shared/domain/dates';
import { checkEdit } from '../../renderer/src/grid/editing';

describe('number and money cell input', () => {
  it('reads money typed in yuan as integer cents, refusing negatives, text and a third decimal', () => {
    expect(yuanInputSchema.parse('1,234.50')).toBe(123450);
    expect(yuanInputSchema.parse('¥12')).toBe(1200);
    expect(yuanInputSchema.parse(' 0.1 ')).toBe(10);
    expect(yuanInputSchema.parse(12.3)).toBe(1230);
    expect(yuanInputSchema.parse('')).toBeNull();
    for (const bad of ['1.005', '-3', 'abc', '1,23']) expect(yuanInputSchema.safeParse(bad).success).toBe(false);
  });

  it('reads whole years, refusing fractions, negatives and text', () => {
    expect(wholeYearsInputSchema.parse(' 12 ')).toBe(12);
    expect(wholeYearsInputSchema.parse(0)).toBe(0);
    for (const bad of ['5.5', '', -1, 'x', 201]) expect(wholeYearsInputSchema.safeParse(bad).success).toBe(false);
  });

  it.each([0, 1, 5, 17, 40])('%i years typed into the grid set a start date that shows as those years again', (years) => {
    const asOf = '2026-11-23';
    const check = checkEdit('years', String(years), asOf);
    expect(check).toEqual({ ok: true, patch: { cooperationStart: startForYears(years, asOf) } });
    expect(yearsBetween(startForYears(years, asOf), asOf)).toBe(years);
  });

  it('refuses a years value that is not a whole number, naming the problem', () => {
    expect(checkEdit('years', '2.5', '2026-11-23')).toEqual({ ok: false, problem: 'wholeNumber' });
    expect(checkEdit('years', '-1', '2026-11-23')).toEqual({ ok: false, problem: 'wholeNumber' });
  });
});
