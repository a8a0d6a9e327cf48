import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

// The lead renumbers migrations at merge: this is the only place the number appears.
const VERSION = 8;

/** Before/after test of 0005: the search-key table appears empty beside existing customers and follows their deletion. */
describe('migration 0008_customer_search', () => {
  it('adds customer_search beside existing data; keys go with their customer', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, VERSION - 1);
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'company', '杭州恒信'), (2, 'C2', 'person', '张三')").run();
    migrate(db, migrations, VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(db.prepare('SELECT name FROM customers ORDER BY id').pluck().all()).toEqual(['杭州恒信', '张三']);
    // Existing databases start without keys: the first grid list fills them.
    expect(db.prepare('SELECT count(*) FROM customer_search').pluck().get()).toBe(0);

    db.prepare("INSERT INTO customer_search (customer_id, name, contact, pinyin) VALUES (2, '张三', NULL, 'zhangsan zs')").run();
    expect(() => db.prepare("INSERT INTO customer_search (customer_id, name, pinyin) VALUES (9, 'x', '')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO customer_search (customer_id, name, pinyin) VALUES (1, NULL, '')").run()).toThrow(/NOT NULL/);
    db.prepare('DELETE FROM customers WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM customer_search').pluck().get()).toBe(0);
    db.close();
  });
});
