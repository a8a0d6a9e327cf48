import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPLOADS_KEPT } from '../../../electron/services/importUploads';
import { servicesOnTempDb } from '../helpers/services';

describe('uploaded import files', () => {
  it('keeps only the newest uploads in imports/ and leaves other files there alone', async () => {
    const { services, file: dbFile } = servicesOnTempDb();
    const root = join(dirname(dbFile), 'imports');
    mkdirSync(join(root, 'keep-me'), { recursive: true });
    const files: string[] = [];
    for (let i = 0; i < UPLOADS_KEPT + 3; i++) {
      files.push(services.imports.upload({ name: `客户${i}.csv`, base64: Buffer.from(`客户名称\n客户${i}\n`).toString('base64') }).file);
      // Distinct modification times even on coarse file-system clocks.
      await new Promise((ok) => setTimeout(ok, 5));
    }
    const folders = readdirSync(root).filter((n) => n !== 'keep-me');
    expect(folders).toHaveLength(UPLOADS_KEPT);
    expect(existsSync(join(root, 'keep-me'))).toBe(true);
    // The three oldest are gone, the newest ten are intact (the last one is the file the wizard reads next).
    expect(files.slice(0, 3).map((f) => existsSync(f))).toEqual([false, false, false]);
    expect(files.slice(3).every((f) => existsSync(f))).toBe(true);
    const last = files.at(-1) ?? '';
    expect(readFileSync(last, 'utf8')).toBe(`客户名称\n客户${UPLOADS_KEPT + 2}\n`);
    const report = await services.imports.preview({ file: last, target: 'customers' });
    expect(report).toMatchObject({ rows: 1, new: 1, errorRows: 0 });
  });
});
