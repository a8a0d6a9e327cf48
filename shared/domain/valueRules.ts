import { z } from 'zod';
import { isIsoDate } from './dates';

/**
 * The rules every value obeys wherever it enters Patron: the import, every IPC
 * schema and every grid or profile editor check against these, so a value one
 * path refuses cannot arrive by another.
 */

/** The largest amount accepted, in cents (¥10 billion): far above any real order, and ~9,000 of them still sum exactly (2^53). */
export const maxAmountCents = 1_000_000_000_000;

/**
 * Amounts are integer cents from 0 to maxAmountCents. A negative amount is
 * refused: refunds will be their own kind of record, not a minus sign.
 */
export type AmountProblem = 'notWholeCents' | 'negative' | 'tooLarge';

export function amountProblem(cents: number): AmountProblem | null {
  if (cents < 0) return 'negative';
  if (cents > maxAmountCents) return 'tooLarge';
  if (!Number.isInteger(cents)) return 'notWholeCents';
  return null;
}

export const centsSchema = z.number().int('whole cents').min(0, 'must not be negative').max(maxAmountCents);

/** At most this many need tags per customer. */
export const maxTags = 50;

/** Longest text per kind of field, in characters (after trimming). */
export const textLimits = {
  /** A customer's name. */
  name: 200,
  /** A person's name (contact, staff), a job title, a short label: industry, region, source, channel, category, WeChat id. */
  short: 100,
  /** Customer code, survey form number and the like. */
  code: 60,
  phone: 50,
  /** RFC 5321's longest address. */
  email: 254,
  address: 500,
  /** Need tags, one each. */
  tag: 50,
  /** Order number. */
  orderNo: 100,
  /** A contact's notes, an interaction summary, a complaint description or resolution, an order's items. */
  text: 2000,
  /** A customer's notes. */
  notes: 10_000,
} as const;

export const optionalTextSchema = (max: number) => z.string().trim().max(max).nullable();
export const requiredTextSchema = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/**
 * Phone numbers as people write them (spaces, dashes, dots, brackets allowed):
 * a Chinese mobile (1[3-9] and 9 digits, optionally +86 / 0086 first), a landline
 * with its area code (0 + 2–3 digits, then 7–8 digits, optionally an extension
 * after -, 转, ext or x), a 400/800 service number, or an international number
 * (+ and 7–15 digits).
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;
const SERVICE = /^[48]00\d{7}$/;
const INTERNATIONAL = /^\+[1-9]\d{6,14}$/;
const FORMATTING = /[\s()\-./]/g;
const WORD_EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$/i;
const DASH_EXTENSION = /^\(?(0\d{2,3})\)?[\s-]?(\d{3,4}[\s-]?\d{4})[\s-]\d{1,6}$/;

export function isPhoneNumber(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (DASH_EXTENSION.test(t)) return LANDLINE.test(t.replace(DASH_EXTENSION, '$1$2').replace(FORMATTING, ''));
  const word = WORD_EXTENSION.exec(t);
  const main = word ? t.slice(0, word.index) : t;
  if (!/^\+?[\d\s()\-./]+$/.test(main)) return false;
  let digits = main.replace(/\D/g, '');
  if (main.startsWith('+') || digits.startsWith('00')) {
    digits = digits.replace(/^00/, '');
    if (!digits.startsWith('86')) return !word && INTERNATIONAL.test(`+${digits}`);
    digits = digits.slice(2);
    // +86 21 6234 5678: after the country code a landline drops its leading 0.
    if (!MOBILE.test(digits) && !SERVICE.test(digits)) digits = `0${digits}`;
  }
  if (word) return LANDLINE.test(digits);
  return MOBILE.test(digits) || LANDLINE.test(digits) || SERVICE.test(digits);
}

export const phoneSchema = z
  .string()
  .trim()
  .max(textLimits.phone)
  .refine(isPhoneNumber, 'must be a phone number: a mobile, a landline with its area code, or +country code');

/** One e-mail pattern for the import and the editors (zod's, which the IPC schemas have always used). */
export function isEmail(text: string): boolean {
  return text.length <= textLimits.email && z.regexes.email.test(text);
}

export const emailSchema = z.string().trim().max(textLimits.email).pipe(z.email('must be an email address'));

/** The calendar dates Patron stores: real days (no 31 February) from 1900 to 2200. */
const firstDate = '1900-01-01';
const lastDate = '2200-12-31';

export function isCalendarDate(iso: string): boolean {
  return isIsoDate(iso) && iso >= firstDate && iso <= lastDate;
}

export const isoDateSchema = z.string().refine(isCalendarDate, { message: `must be a date as YYYY-MM-DD between ${firstDate} and ${lastDate}` });
