import { createWriteStream } from 'node:fs';
import { csvField } from '../import/csv';
import type { CellInput, SheetSpec } from './workbook';

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
    if (types[i] === 'money' && typeof v === 'number') return (v / 100).toFixed(2);
    return csvField(String(v));
  };
  let chunk = `\uFEFF${sheet.columns.map((c) => csvField(c.header)).join(',')}\r\n`;
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
