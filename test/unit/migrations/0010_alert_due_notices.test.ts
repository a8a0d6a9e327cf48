import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/** The version this migration brings the schema to. */
const VERSION = 10;

/** Before/after test of 0010_alert_due_notices: existing alerts stay, none counts as announced yet. */
describe('migration 0010_alert_due_notices', () => {
  it('adds the due notice mark to existing alerts, unset', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, VERSION - 1);
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'company', '杭州恒信')").run();
    db.prepare(
      "INSERT INTO alerts (customer_id, rule, evidence, raised_at, due_at, updated_at) VALUES (1, 'complaint', '{}', '2026-11-23T09:00:00Z', '2026-11-24T09:00:00Z', '2026-11-23T09:00:00Z')",
    ).run();
    expect(() => db.prepare('SELECT due_notified_at FROM alerts').all()).toThrow(/no such column/);
    migrate(db, migrations, VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(db.prepare('SELECT customer_id, rule, status, due_notified_at FROM alerts').all()).toEqual([{ customer_id: 1, rule: 'complaint', status: 'open', due_notified_at: null }]);
    db.close();
  });
});
