import { describe, expect, it } from 'vitest';
import { isSpace } from '../../../electron/export/workbook';

describe('xlsx cell text', () => {
  it('finds white space from character codes exactly as /\\s/ does, over the whole Basic Multilingual Plane', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
    expect(isSpace(0x3000)).toBe(true);
    expect(isSpace('王'.charCodeAt(0))).toBe(false);
  });
});
