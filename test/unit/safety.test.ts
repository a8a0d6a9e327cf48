import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupBeforeBulk, safetyBackupsSettled } from '../../electron/services/safety';
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

describe('safety backup of bulk edits, merges and visit plans', () => {
  it('is written in the background: the edit returns at once, and edits made meanwhile coalesce into one more backup', async () => {
    const { db, file, services } = servicesOnTempDb();
    const insert = db.prepare("INSERT INTO customers (code, kind, name) VALUES (?, 'person', ?)");
    for (let i = 1; i <= 5; i++) insert.run(`C${i}`, `客户${i}`);
    const folder = join(dirname(file), 'backups');
    const bulkEdits = () => (existsSync(folder) ? readdirSync(folder).filter((f) => f.includes('bulk-edit')) : []);
    for (const status of ['dormant', 'active', 'dormant', 'active'] as const) services.customers.bulkUpdate([1, 2, 3], { status });
    // The edits are committed and undoable before any backup exists.
    expect(bulkEdits()).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE field = 'status'").pluck().get()).toBe(12);
    await safetyBackupsSettled(file);
    expect(bulkEdits()).toHaveLength(2);
    const copy = new Database(join(folder, bulkEdits().sort().at(-1) ?? ''), { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(5);
    copy.close();
  });
});
