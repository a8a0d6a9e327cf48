import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../electron/import/decode';
import { parseCsv } from '../../../electron/import/csv';
import { readSource } from '../../../electron/import/source';
import { encodeGbk, writeCustomerWorkbook, writeFixture } from '../helpers/files';
import { tempDir } from '../helpers/temp';

const text = '客户名称,所属行业,金额\r\n杭州恒信科技有限公司,制造业,"￥1,200.50"\r\n"宁波""海川""贸易",贸易,"多行\n备注"\r\n';

describe('import readers', () => {
  it('detects UTF-8 with and without BOM, GBK and UTF-16 LE/BE, and decodes the same rows', async () => {
    const variants: [string, Buffer, string][] = [
      ['utf8.csv', Buffer.from(text, 'utf8'), 'utf-8'],
      ['utf8bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
      ['gbk.csv', encodeGbk(text), 'gb18030'],
      ['utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
      ['utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'utf-16be'],
      ['utf16le-nobom.csv', Buffer.from(text.replace(/[^ -~\r\n]/g, 'x'), 'utf16le'), 'utf-16le'],
    ];
    const dir = tempDir();
    for (const [name, bytes, enc] of variants) {
      expect(detectEncoding(bytes), name).toBe(enc);
      if (name.includes('nobom')) continue;
      const t = await readSource(writeFixture(name, bytes, dir));
      expect(t.encoding, name).toBe(enc);
      expect(t.headers, name).toEqual(['客户名称', '所属行业', '金额']);
      expect(t.rows, name).toEqual([
        ['杭州恒信科技有限公司', '制造业', '￥1,200.50'],
        ['宁波"海川"贸易', '贸易', '多行\n备注'],
      ]);
      expect(t.rowNumbers).toEqual([2, 3]);
    }
  });

  it('lets the user override the encoding, and says so when the bytes do not fit it', async () => {
    const file = writeFixture('gbk.csv', encodeGbk(text));
    const asGbk = await readSource(file, { encoding: 'GBK' });
    expect(asGbk.headers[0]).toBe('客户名称');
    await expect(readSource(file, { encoding: 'utf-8' })).rejects.toThrow(/gbk\.csv: read as utf-8, line 1 has bytes that are not utf-8 text; the file looks like gb18030: choose that encoding \(--encoding gb18030\)/);
  });

  it('reports unbalanced quotes with the file and line, and refuses an empty file', async () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', 'bad.csv')).toThrow(/bad\.csv, line 2: a quoted field is never closed/);
    expect(() => parseCsv('a,b\n1,x"y\n', 'bad.csv')).toThrow(/bad\.csv, line 2: a quote inside an unquoted field/);
    await expect(readSource(writeFixture('empty.csv', ''))).rejects.toThrow(/empty\.csv: the file is empty/);
    await expect(readSource(writeFixture('header.csv', '客户名称,电话\r\n'))).rejects.toThrow(/header\.csv: no data rows/);
    await expect(readSource(writeFixture('twice.csv', '客户名称,电话,备注,电话\r\n甲,1,,2\r\n'))).rejects.toThrow(/twice\.csv, line 1: columns 2 and 4 have the same header "电话"/);
  });

  it('guesses tab and semicolon separators and keeps empty trailing fields', () => {
    expect(parseCsv('a\tb\n1\t\n', 'x.tsv').records).toEqual([['a', 'b'], ['1', '']]);
    expect(parseCsv('a;b;c\n1;2;\n', 'x.csv').records).toEqual([['a', 'b', 'c'], ['1', '2', '']]);
  });

  it('reads XLSX: picks the sheet, skips a merged title, joins merged group headers, keeps serial dates and formula results', async () => {
    const file = join(tempDir(), 'customers.xlsx');
    await writeCustomerWorkbook(file);
    const t = await readSource(file, { sheet: '客户清单' });
    expect(t.sheets).toEqual(['说明', '客户清单']);
    expect(t.headers).toEqual(['客户编号', '客户名称', '合作信息合作开始时间', '合作信息最近合作时间', '历史合作总额(万元)', '核心需求标签']);
    expect(t.rowNumbers).toEqual([4, 5, 6]);
    const first = t.rows[0] ?? [];
    expect(first[2]).toBeInstanceOf(Date);
    expect((first[2] as Date).toISOString().slice(0, 10)).toBe('2023-10-15');
    expect(t.rows[1]?.[4]).toBe(60);
    expect(t.rows[2]?.[3]).toBe(45000);
    await expect(readSource(file, { sheet: 'nope' })).rejects.toThrow(/no sheet named "nope"/);
  });
});
