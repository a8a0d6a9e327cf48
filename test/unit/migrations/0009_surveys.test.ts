import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../../electron/db/migrate';
import { tempDbPath } from '../helpers/temp';

/** The version this migration brings the schema to. */
const VERSION = 9;

/** Before/after test of 0009_surveys: shipped templates appear, existing rows stay, the response rules hold. */
describe('migration 0009_surveys', () => {
  it('seeds two bilingual templates beside existing data and enforces one response per form', () => {
    const db = new Database(tempDbPath());
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, VERSION - 1);
    db.prepare("INSERT INTO customers (code, kind, name) VALUES ('C1', 'company', '杭州恒信')").run();
    migrate(db, migrations, VERSION);
    expect(schemaVersion(db)).toBe(VERSION);
    expect(db.prepare('SELECT code FROM customers').pluck().all()).toEqual(['C1']);

    const questions = db
      .prepare('SELECT t.template_key AS key, q.position, q.kind, q.dimension FROM survey_questions q JOIN survey_templates t ON t.id = q.template_id ORDER BY t.id, q.position')
      .all() as { key: string; position: number; kind: string; dimension: string | null }[];
    const standard = questions.filter((q) => q.key === 'standard');
    expect(standard.map((q) => q.dimension ?? q.kind)).toEqual(['quality', 'response', 'manager', 'overall', 'nps', 'text']);
    expect(questions.filter((q) => q.key === 'extended').map((q) => q.dimension ?? q.kind)).toEqual([
      'quality', 'response', 'manager', 'overall', 'attitude', 'solving', 'information', 'nps', 'text',
    ]);

    db.prepare("INSERT INTO survey_forms (form_no, template_id, customer_id, channel, language, issued_on) VALUES ('SV-1', 1, 1, 'paper', 'zh-CN', '2026-11-24')").run();
    const respond = db.prepare("INSERT INTO survey_responses (form_id, customer_id, responded_on, nps, mean_score, min_score) VALUES (1, 1, '2026-11-25', ?, ?, ?)");
    expect(() => respond.run(11, null, null)).toThrow(/CHECK/);
    expect(() => respond.run(null, 5.5, null)).toThrow(/CHECK/);
    respond.run(9, 4.5, 4);
    expect(() => respond.run(9, 4.5, 4)).toThrow(/UNIQUE/);
    const answer = db.prepare('INSERT INTO survey_answers (response_id, question_id, score, text) VALUES (1, ?, ?, ?)');
    answer.run(1, 5, null);
    expect(() => answer.run(2, 6, null)).toThrow(/CHECK/);
    expect(() => answer.run(2, null, null)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO survey_forms (form_no, template_id, customer_id, channel, language, issued_on) VALUES ('SV-1', 1, 1, 'phone', 'en-US', '2026-11-24')").run()).toThrow(/UNIQUE/);

    db.prepare("INSERT INTO improvement_plans (title, reason) VALUES ('响应提速', 'CSAT 3.2 < 3.5')").run();
    const action = db.prepare("INSERT INTO improvement_actions (plan_id, measure, status, done_on) VALUES (1, '24 小时回访', ?, ?)");
    action.run('done', '2026-11-30');
    expect(() => action.run('done', null)).toThrow(/CHECK/);
    expect(() => action.run('todo', '2026-11-30')).toThrow(/CHECK/);

    db.prepare('DELETE FROM customers').run();
    expect(db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM survey_answers').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM improvement_actions').pluck().get()).toBe(1);
    db.close();
  });
});
