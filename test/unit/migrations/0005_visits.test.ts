import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/** The version this migration brings the schema to (the lead renumbers at merge: change only this line). */
const VERSION = 5;

/** Before/after test of 0005_visits: shipped templates appear, existing rows stay, plan rules hold. */
describe('migration 0005_visits', () => {
  it('seeds twelve bilingual templates beside existing data and enforces the plan rules', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, VERSION - 1);
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C1', 'company', '杭州恒信')").run();
    migrate(db, migrations, VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(db.prepare('SELECT code FROM customers').pluck().all()).toEqual(['C1']);

    const templates = db.prepare('SELECT template_key, quadrant, tier, name_zh, name_en, frequency_days FROM visit_templates ORDER BY id').all() as { template_key: string; name_zh: string; name_en: string; frequency_days: number }[];
    expect(templates).toHaveLength(12);
    expect(templates[0]).toMatchObject({ template_key: 'high-high:high', name_zh: '深度合作·高价值', name_en: 'Deep partnership · high value', frequency_days: 30 });
    expect(templates.find((t) => t.template_key === 'low-low:regular')?.frequency_days).toBe(180);

    const insert = db.prepare("INSERT INTO visit_plans (customer_id, template_id, planned_date, goal, measures, resources, status, done_date) VALUES (1, 1, ?, 'g', 'm', 'r', ?, ?)");
    insert.run('2026-12-01', 'planned', null);
    insert.run('2026-12-02', 'yes', '2026-12-02');
    expect(() => insert.run('2026-12-31', 'yes', null)).toThrow(/CHECK/);
    expect(() => insert.run('2026-12-31', 'planned', '2026-12-31')).toThrow(/CHECK/);
    expect(() => insert.run('2026-13-01', 'planned', null)).toThrow(/CHECK/);
    expect(() => insert.run('2026-12-03', 'maybe', '2026-12-03')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO visit_templates (template_key, version, name_zh, name_en, goal_zh, goal_en, measures_zh, measures_en, resources_zh, resources_en, frequency_days, owner_role) VALUES ('high-high:high', 1, 'a', 'b', '', '', '', '', '', '', 30, 'sales')").run()).toThrow(/UNIQUE/);

    db.prepare('DELETE FROM customers').run();
    expect(db.prepare('SELECT count(*) FROM visit_plans').pluck().get()).toBe(0);
    db.close();
  });
});
