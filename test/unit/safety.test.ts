import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupBeforeBulk } from '../../electron/services/safety';
import { servicesOnTempDb } from './helpers/services';

describe('backup before a bulk write', () => {
  it('writes a verified copy with the same rows into backups/ beside the database, never overwriting one', () => {
    const { db, file, services } = servicesOnTempDb();
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C1', 'person', '张三')").run();
    const ctx = { db, dbPath: file, now: () => new Date('2026-11-23T09:00:00Z') } as Parameters<typeof backupBeforeBulk>[0];
    const first = backupBeforeBulk(ctx, 'import');
    const second = backupBeforeBulk(ctx, 'import');
    expect(first).not.toBe(second);
    expect(dirname(first)).toBe(join(dirname(file), 'backups'));
    expect(readdirSync(dirname(first)).sort()).toEqual([first, second].map((p) => p.slice(dirname(p).length + 1)).sort());
    const copy = new Database(first, { readonly: true });
    expect(copy.prepare('SELECT name FROM customers').pluck().all()).toEqual(['张三']);
    expect(copy.pragma('user_version', { simple: true })).toBe(db.pragma('user_version', { simple: true }));
    copy.close();
    expect(services.customers.list().rows).toHaveLength(1);
  });

  it('refuses to start when the backup cannot be written, leaving nothing behind', () => {
    const { db, file } = servicesOnTempDb();
    const ctx = { db, dbPath: join(file, 'not-a-folder', 'x.sqlite'), now: () => new Date() } as Parameters<typeof backupBeforeBulk>[0];
    expect(() => backupBeforeBulk(ctx, 'bulk-edit')).toThrow();
    expect(existsSync(join(file, 'not-a-folder'))).toBe(false);
  });
});
