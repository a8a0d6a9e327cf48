import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

describe('migration 0003_profiles', () => {
  it('adds saved views and merge records without touching existing rows', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, 2);
    db.exec(`
      INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'company', '杭州恒信科技有限公司');
      INSERT INTO audit_log (actor, entity, entity_id, action, field, old_value, new_value, batch_id)
        VALUES ('李娜', 'customer', 1, 'update', 'status', 'active', 'dormant', 'b1');
    `);
    const before = { customers: db.prepare('SELECT * FROM customers').all(), audit: db.prepare('SELECT * FROM audit_log').all() };
    migrate(db, migrations, 3);
    expect(schemaVersion(db)).toBe(3);
    expect({ customers: db.prepare('SELECT * FROM customers').all(), audit: db.prepare('SELECT * FROM audit_log').all() }).toEqual(before);

    db.prepare("INSERT INTO saved_views (owner, name, state) VALUES ('李娜', '我的视图', '{\"sort\":[]}')").run();
    expect(() => db.prepare("INSERT INTO saved_views (owner, name, state) VALUES ('李娜', '我的视图', '{}')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO saved_views (owner, name, state) VALUES ('李娜', 'x', 'not json')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO customer_merges (batch_id, kept_id, merged_id, snapshot, actor, merged_at) VALUES ('m1', 1, 2, '{}', '李娜', '2026-11-23T09:00:00Z')").run();
    expect(() => db.prepare("INSERT INTO customer_merges (batch_id, kept_id, merged_id, snapshot, actor, merged_at) VALUES ('m1', 1, 3, '{}', 'x', 'y')").run()).toThrow(/UNIQUE/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE batch_id = 'b1'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/audit_log_batch/);
    db.close();
  });
});
