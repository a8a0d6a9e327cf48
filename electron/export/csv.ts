import { createWriteStream } from 'node:fs';
import { csvField } from '../import/csv';
import type { CellInput, SheetSpec } from './workbook';

// Control characters other than tab and line breaks (NUL, ESC, DEL …) have no place in a cell and can drive a terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will not run it: control characters dropped,
 * and a leading `= + - @`, tab or carriage return escaped with a single quote,
 * which spreadsheets show as text. Numbers never come here: they stay numbers.
 */
export function neutralisedText(value: string): string {
  const clean = value.replace(CONTROL, '');
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** CSV in UTF-8 with a BOM, so Excel shows the Chinese text; money as yuan with two decimals. */
export async function writeCsv(file: string, sheet: SheetSpec): Promise<{ rows: number }> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const done = new Promise<void>((ok, fail) => {
    out.on('finish', ok);
    out.on('error', fail);
  });
  const types = sheet.columns.map((c) => c.type);
  const text = (v: CellInput, i: number): string => {
    if (v === null) return '';
    if (typeof v === 'number') return types[i] === 'money' ? (v / 100).toFixed(2) : String(v);
    return csvField(neutralisedText(v));
  };
  let chunk = `\uFEFF${sheet.columns.map((c) => csvField(neutralisedText(c.header))).join(',')}\r\n`;
  let rows = 0;
  for (const row of sheet.rows) {
    chunk += `${row.map(text).join(',')}\r\n`;
    rows++;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      chunk = '';
    }
  }
  out.end(chunk);
  await done;
  return { rows };
}
