import type { Transaction } from './summary';

/**
 * Parses the CDNOW sample format: whitespace-separated master id, customer id,
 * date YYYYMMDD, CDs bought, dollars. Days are counted from 1970-01-01 (UTC).
 * A malformed line is reported with its number and field.
 */
export function parseCdnow(text: string, fileName = 'CDNOW'): Transaction[] {
  const out: Transaction[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === '') return;
    const f = line.trim().split(/\s+/);
    const where = `${fileName} line ${k + 1}`;
    if (f.length < 5) throw new Error(`${where}: expected 5 fields (id, customer, date, quantity, dollars), found ${f.length}`);
    const [id, , date, , dollars] = f as [string, string, string, string, string];
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
    if (!m) throw new Error(`${where}: date must be YYYYMMDD, got "${date}"`);
    const amount = Number(dollars);
    if (!Number.isFinite(amount)) throw new Error(`${where}: dollars must be a number, got "${dollars}"`);
    out.push({ customer: id, day: Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000, amount });
  });
  return out;
}

/** 1997-09-30, the end of the 39-week calibration period of the published fits, as a day number. */
export const CDNOW_CALIBRATION_END = Date.UTC(1997, 8, 30) / 86_400_000;
/** 1998-06-30, the end of the 39-week hold-out period. */
export const CDNOW_HOLDOUT_END = Date.UTC(1998, 5, 30) / 86_400_000;
