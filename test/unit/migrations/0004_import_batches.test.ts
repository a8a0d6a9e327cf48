import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/** Before/after test of 0004: import history, change log and saved mappings appear; existing rows stay. */
describe('migration 0004_import_batches', () => {
  it('adds the import tables beside existing data and enforces their rules', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, 3);
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C1', 'company', '杭州恒信')").run();
    migrate(db, migrations, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT code FROM customers').pluck().all()).toEqual(['C1']);

    const batch = db.prepare("INSERT INTO import_batches (target, file_name, actor, imported_at) VALUES ('customers', '客户.csv', 'me', '2026-01-01T00:00:00.000Z')").run().lastInsertRowid;
    db.prepare("INSERT INTO import_changes (batch_id, seq, table_name, action, first_id, last_id) VALUES (?, 1, 'orders', 'insert', 10, 20)").run(batch);
    db.prepare(`INSERT INTO import_changes (batch_id, seq, table_name, action, first_id, last_id, before) VALUES (?, 2, 'customers', 'update', 1, 1, '{"name":"x"}')`).run(batch);
    expect(() => db.prepare("INSERT INTO import_changes (batch_id, seq, table_name, action, first_id, last_id) VALUES (?, 3, 'customers', 'update', 1, 1)").run(batch)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO import_changes (batch_id, seq, table_name, action, first_id, last_id) VALUES (?, 3, 'orders', 'insert', 5, 4)").run(batch)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO import_changes (batch_id, seq, table_name, action, first_id, last_id) VALUES (?, 3, 'settings', 'insert', 1, 1)").run(batch)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO import_batches (target, file_name, actor, imported_at) VALUES ('robots', 'x', 'me', 'now')").run()).toThrow(/CHECK/);

    db.prepare(`INSERT INTO import_mappings (target, name, mapping) VALUES ('orders', '月度', '{"amount":"金额"}')`).run();
    expect(() => db.prepare(`INSERT INTO import_mappings (target, name, mapping) VALUES ('orders', '月度', '{}')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO import_mappings (target, name, mapping) VALUES ('orders', 'x', 'not json')`).run()).toThrow(/CHECK/);

    db.prepare('DELETE FROM import_batches WHERE id = ?').run(batch);
    expect(db.prepare('SELECT count(*) FROM import_changes').pluck().get()).toBe(0);
    db.close();
  });
});
