import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, loadMigrations } from '../../electron/db/migrate';
import { backupFolder } from '../../electron/services/safety';
import { contentsOf, smallDemoDb } from './helpers/dbContents';
import { servicesOnTempDb } from './helpers/services';

describe('backup and restore', () => {
  it('a backup restored later gives identical rows in every table, and the restore can itself be undone', async () => {
    const file = smallDemoDb();
    const { db, services, events } = servicesOnTempDb({ file, now: new Date('2026-11-23T09:00:00Z') });
    const original = contentsOf(db);
    expect(Number(original.customers?.split(':')[0])).toBe(150);
    const backup = services.backups.create('manual');
    expect(backup).toMatchObject({ reason: 'manual', ok: true, takenAt: '2026-11-23T09:00:00.000Z', schemaVersion: latestVersion(loadMigrations()) });
    expect(backup.counts?.customers).toBe(150);
    expect(backup.counts?.orders).toBe(contentsOf(db).orders?.split(':')[0] ? Number(contentsOf(db).orders?.split(':')[0]) : -1);
    expect(dirname(backup.path)).toBe(backupFolder(file));

    // Change things the way users and bulk writes do: edits, deletes, new rows.
    db.prepare("UPDATE customers SET name = '改名' WHERE id <= 20").run();
    db.prepare('DELETE FROM orders WHERE id % 3 = 0').run();
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('NEW1', 'person', '新客户')").run();
    const changed = contentsOf(db);
    expect(changed).not.toEqual(original);

    events.length = 0;
    const result = await services.backups.restore(backup.name);
    // The same open connection (and the services' prepared statements) now sees the restored rows.
    expect(contentsOf(db)).toEqual(original);
    expect(services.customers.list().rows).toHaveLength(150);
    expect(events.some((e) => e.event === 'db:changed' && (e.payload as { tables: string[] }).tables.includes('orders'))).toBe(true);

    // The state before the restore was backed up and can be restored in turn.
    expect(basename(result.undoBackup)).toMatch(/-restore\.sqlite$/);
    await services.backups.restoreFrom(result.undoBackup);
    expect(contentsOf(db)).toEqual(changed);
    expect(services.backups.check().ok).toBe(true);
  });

  it('lists backups newest first with size and row counts, ignoring other files in the folder', () => {
    const file = smallDemoDb();
    let now = new Date('2026-11-20T08:00:00Z');
    const { services } = servicesOnTempDb({ file });
    const svc = servicesOnTempDb({ file, now }).services;
    svc.backups.create('manual');
    now = new Date('2026-11-21T08:00:00Z');
    servicesOnTempDb({ file, now }).services.backups.create('scheduled');
    writeFileSync(join(backupFolder(file), 'notes.txt'), 'not a backup');
    writeFileSync(join(backupFolder(file), 'other-20261122-080000-manual.sqlite'), 'another database');
    const list = services.backups.list();
    expect(list.map((b) => [b.takenAt, b.reason])).toEqual([
      ['2026-11-21T08:00:00.000Z', 'scheduled'],
      ['2026-11-20T08:00:00.000Z', 'manual'],
    ]);
    expect(list.every((b) => b.bytes > 10_000 && b.ok && b.counts?.customers === 150)).toBe(true);
  });

  it('refuses an unknown backup name and a damaged backup, leaving the database as it was', async () => {
    const file = smallDemoDb();
    const { db, services } = servicesOnTempDb({ file });
    const before = contentsOf(db);
    await expect(services.backups.restore('../../etc/passwd')).rejects.toMatchObject({ code: 'not_found' });
    mkdirSync(backupFolder(file), { recursive: true });
    const bad = join(backupFolder(file), 'patron-20261101-000000-manual.sqlite');
    writeFileSync(bad, Buffer.alloc(8192, 7));
    await expect(services.backups.restore(basename(bad))).rejects.toThrow(/not an SQLite database/);
    expect(contentsOf(db)).toEqual(before);
    // No undo backup was written for a restore that never started.
    expect(readdirSync(backupFolder(file)).filter((n) => n.includes('-restore'))).toEqual([]);
  });

  it('applies retention after each backup, keeping the newest', () => {
    const file = smallDemoDb();
    const { services } = servicesOnTempDb({ file });
    services.backups.setSettings({ intervalMinutes: 30, retention: { keepRecent: 2, dailyDays: 0, weeklyWeeks: 0 } });
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']) {
      servicesOnTempDb({ file, now: new Date(`${day}T10:00:00Z`) }).services.backups.create('scheduled');
    }
    expect(services.backups.list().map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-11-04', '2026-11-03']);
    expect(services.backups.settings().retention.keepRecent).toBe(2);
    expect(() => services.backups.setSettings({ intervalMinutes: -1, retention: { keepRecent: 2, dailyDays: 0, weeklyWeeks: 0 } })).toThrow();
  });

  it('keeps the backup just taken when several share one second (found by the IPC fuzz test)', () => {
    const { services } = servicesOnTempDb({ file: smallDemoDb(), now: new Date('2026-11-23T09:00:00Z') });
    services.backups.setSettings({ intervalMinutes: 30, retention: { keepRecent: 1, dailyDays: 0, weeklyWeeks: 0 } });
    for (let i = 0; i < 12; i++) {
      const made = services.backups.create('manual');
      expect(services.backups.list().map((b) => b.name)).toContain(made.name);
    }
  });
});

describe('integrity check', () => {
  it('reports ok for a healthy database and names foreign-key problems plainly', () => {
    const file = smallDemoDb();
    const { db, services } = servicesOnTempDb({ file });
    expect(services.backups.check()).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: [] });
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE orders SET customer_id = 999999 WHERE id = 1').run();
    const report = services.backups.check();
    expect(report.ok).toBe(false);
    // The rollup triggers follow the orphaned order, so its rollup rows are reported too.
    expect(report.foreignKeys).toContainEqual({ table: 'orders', rowid: 1, parent: 'customers' });
    expect(existsSync(file)).toBe(true);
  });
});
