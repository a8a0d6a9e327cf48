import { z } from 'zod';
import { addDays } from './dates';
import { yuanToCents } from './money';
import { maxAmountCents } from './valueRules';

/** What was typed into a cell as a number: a number stays, text is trimmed ('' = nothing). */
function typedNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  return text === '' ? null : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** Whole years typed into a number cell (合作年限), as the import reads them: 0 to 200. */
export const wholeYearsInputSchema = z.preprocess(typedNumber, z.number().int('must be a whole number').min(0).max(200));

/**
 * An amount typed in yuan (a leading ¥ or ￥ and thousands separators allowed, at most two
 * decimals, never negative), stored as integer cents; blank is no amount.
 */
export const yuanInputSchema = z.preprocess(
  (value) => (typeof value === 'string' ? typedNumber(value.replace(/^\s*[¥￥]/, '').replace(/,(?=\d{3}(\D|$))/g, '')) : value),
  z
    .number()
    .min(0)
    .max(maxAmountCents / 100)
    .refine((yuan) => Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6, 'at most two decimals')
    .transform(yuanToCents)
    .nullable(),
);

/** The cooperation start that makes `years` whole years up to `asOf`: used by the grid editor and the customer import (合作年限) alike. */
export function startForYears(years: number, asOf: string): string {
  return addDays(asOf, -Math.round(years * 365.25));
}
