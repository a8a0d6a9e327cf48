import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

const VERSION = 7;

/** Before/after test of 0005: alerts, runs, care tracking and the complaint SLA columns appear; existing rows stay. */
describe('migration 0007_warnings', () => {
  it('adds the warning tables and complaint columns beside existing data and enforces their rules', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, VERSION - 1);
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C1', 'company', '杭州恒信')").run();
    db.prepare("INSERT INTO complaints (customer_id, opened_at, severity, description) VALUES (1, '2026-11-20T08:00:00.000Z', 'high', '送货晚了')").run();
    migrate(db, migrations, VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(db.prepare('SELECT description, response_due_at, escalated_to FROM complaints').get()).toEqual({ description: '送货晚了', response_due_at: null, escalated_to: null });

    const insert = db.prepare("INSERT INTO alerts (customer_id, rule, evidence, raised_at, due_at, status, note, closed_at, updated_at) VALUES (1, ?, '{}', 'r', 'd', ?, ?, ?, 'u')");
    insert.run('inactive', 'open', null, null);
    // Only one open alert per customer and rule; a closed one beside it is fine.
    expect(() => insert.run('inactive', 'in_progress', null, null)).toThrow(/UNIQUE/);
    insert.run('inactive', 'resolved', 'done', 'x');
    // Dismissing needs a reason; a closed alert has its closing time, an open one none.
    expect(() => insert.run('complaint', 'dismissed', ' ', 'x')).toThrow(/CHECK/);
    expect(() => insert.run('complaint', 'resolved', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('complaint', 'open', null, 'x')).toThrow(/CHECK/);
    expect(() => insert.run('robots', 'open', null, null)).toThrow(/CHECK/);

    db.prepare("INSERT INTO care_done (kind, ref_id, occasion, customer_id, done_at, actor) VALUES ('anniversary', 1, '2026-12-01', 1, 'now', 'me')").run();
    expect(() => db.prepare("INSERT INTO care_done (kind, ref_id, occasion, customer_id, done_at, actor) VALUES ('anniversary', 1, '2026-12-01', 1, 'now', 'me')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO care_done (kind, ref_id, occasion, customer_id, done_at, actor) VALUES ('birthday', 1, '12-01', 1, 'now', 'me')").run()).toThrow(/CHECK/);

    db.prepare('DELETE FROM customers WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM alerts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM care_done').pluck().get()).toBe(0);
    db.close();
  });
});
