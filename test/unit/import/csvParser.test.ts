import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/import/csv';

/** Outcome of a parse as comparable text: the records and lines, or the error message. */
function outcome(text: string, walkAll: boolean): string {
  try {
    return JSON.stringify(parseCsv(text, 'f.csv', ',', walkAll));
  } catch (err) {
    return `error: ${err instanceof Error ? err.message : String(err)}`;
  }
}

describe('CSV parser fast path', () => {
  it('splits plain lines natively with the same records, line numbers and errors as the char-by-char walk', () => {
    // Short random texts over the characters that matter: separators, quotes, LF, CR, CRLF, doubled quotes.
    const alphabet = ['a', 'b', '中', ',', ',', '"', '\n', '\n', '\r', '\r\n', ' ', '""'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const differing: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const len = Math.floor(random() * 14);
      for (let j = 0; j < len; j++) text += alphabet[Math.floor(random() * alphabet.length)] ?? '';
      if (outcome(text, false) !== outcome(text, true)) differing.push(JSON.stringify(text));
    }
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it('mixes fast lines with quoted multi-line records and lone CRs, keeping file line numbers', () => {
    const text = 'code,name\r\nC1,"王芳\nsecond line"\r\nC2,plain\rC3,"say ""hi"""\nC4,\n\nC5,last';
    const t = parseCsv(text, 'f.csv');
    expect(t.records).toEqual([['code', 'name'], ['C1', '王芳\nsecond line'], ['C2', 'plain'], ['C3', 'say "hi"'], ['C4', ''], [''], ['C5', 'last']]);
    expect(t.lines).toEqual([1, 2, 4, 5, 6, 7, 8]);
    expect(() => parseCsv('a,b\nc,d"e\n', 'f.csv')).toThrow('f.csv, line 2: a quote inside an unquoted field');
    expect(() => parseCsv('a,b\nc,"d\n', 'f.csv')).toThrow('f.csv, line 2: a quoted field is never closed');
  });
});
