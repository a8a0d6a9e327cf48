import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { safetyBackupsSettled } from '../../../electron/services/safety';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { generateRequestSchema, type GenerateRequest } from '../../../shared/domain/visits';
import { isWeekend } from '../../../shared/visits/schedule';
import { runWarnings } from '../../../electron/services/warningRun';
import { defaultWarningSettings } from '../../../shared/warnings/settings';
import { servicesOnTempDb } from '../helpers/services';

/** Two owners, five customers in three quadrant/tier cells, one never segmented. */
function seed(db: Database) {
  db.exec(`
    INSERT INTO staff (id, name, role) VALUES (1, '王经理', 'manager'), (2, '李销售', 'sales'), (3, '赵客服', 'service');
    INSERT INTO customers (id, code, kind, name, owner_id, tier_override) VALUES
      (1, 'C1', 'company', '杭州恒信', 1, NULL), (2, 'C2', 'company', '苏州东方', 2, NULL),
      (3, 'C3', 'person', '陈静', NULL, NULL), (4, 'C4', 'person', '刘洋', 2, 'potential'), (5, 'C5', 'person', '未分层', 2, NULL);
    INSERT INTO segment_runs (id, started_at, finished_at, as_of, trigger, settings, clv, summary, customers)
      VALUES (1, '2026-11-01T00:00:00Z', '2026-11-01T00:00:01Z', '2026-11-01', 'manual', '{}', '{}', '{}', 4);
    INSERT INTO segment_results (customer_id, run_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle, value_cents) VALUES
      (1, 1, 5, 5, 5, 5, 'high', 'high-high', 'maturity', 900000), (2, 1, 3, 3, 3, 3, 'regular', 'low-low', 'growth', 10000),
      (3, 1, 3, 3, 3, 3, 'regular', 'low-low', 'growth', 12000), (4, 1, 5, 5, 5, 5, 'high', 'high-high', 'decline', 800000);
    INSERT INTO contacts (customer_id, name, title, phone, is_primary) VALUES (1, '周总', '总经理', '13800000001', 1);
    INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (1, '2026-10-01', 120000), (1, '2026-11-01', 80000);
    INSERT INTO complaints (customer_id, opened_at, category, severity, description) VALUES (1, '2026-11-20T08:00:00Z', '物流', 'high', '到货延迟');
    INSERT INTO complaints (customer_id, opened_at, category, severity, description, resolved_at) VALUES (1, '2026-10-20T08:00:00Z', '质量', 'low', '已解决', '2026-10-21T08:00:00Z');
  `);
}

const request = (over: Partial<GenerateRequest> = {}) => generateRequestSchema.parse({ target: { by: 'ids', ids: [1, 2, 3, 4, 5] }, from: '2026-12-01', to: '2027-02-28', language: 'zh-CN', ...over });

describe('visit plans', () => {
  it('previews one plan per segmented customer from its quadrant and tier template, with owner and weekday dates', () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    const { drafts, skipped } = services.visits.preview(request());
    expect(skipped).toEqual([{ customerId: 5, customerName: '未分层', reason: 'not_segmented' }]);
    expect(drafts.map((d) => d.customerId).sort()).toEqual([1, 2, 3, 4]);
    const byId = new Map(drafts.map((d) => [d.customerId, d]));
    expect(byId.get(1)).toMatchObject({ ownerName: '王经理', tier: 'high', quadrant: 'high-high', templateName: '深度合作·高价值', measures: '专属服务团队；每月拜访；定制化解决方案' });
    // The override wins over the computed tier.
    expect(byId.get(4)).toMatchObject({ tier: 'potential', templateName: '深度合作·潜在/流失风险' });
    // No owner: the template's role (service for cost control) takes it.
    expect(byId.get(3)).toMatchObject({ ownerName: '赵客服' });
    expect(drafts.every((d) => !isWeekend(d.plannedDate) && d.plannedDate >= '2026-12-01' && d.plannedDate <= '2027-02-28')).toBe(true);
    // English texts when planned in English.
    expect(services.visits.preview(request({ language: 'en' })).drafts.find((d) => d.customerId === 1)?.goal).toMatch(/^Build a deep strategic partnership/);
    // The preview writes nothing.
    expect(db.prepare('SELECT count(*) FROM visit_plans').pluck().get()).toBe(0);
  });

  it('creates the plans in one transaction with a verified backup in the background; a segment selector picks the same customers as the Segments page', async () => {
    const { db, services, events, file } = servicesOnTempDb();
    seed(db);
    const result = services.visits.create(request({ target: { by: 'segment', selector: { by: 'quadrant', quadrant: 'low-low' } } }));
    expect(result).toMatchObject({ created: 2, skipped: 0 });
    await safetyBackupsSettled(file);
    expect(readdirSync(join(dirname(file), 'backups')).some((f) => f.includes('visit-plans'))).toBe(true);
    expect(db.prepare('SELECT customer_id FROM visit_plans ORDER BY customer_id').pluck().all()).toEqual([2, 3]);
    expect(db.prepare('SELECT DISTINCT batch_id FROM visit_plans').pluck().all()).toEqual([result.batchId]);
    expect(events.some((e) => e.event === 'db:changed' && (e.payload as { tables: string[] }).tables.includes('visit_plans'))).toBe(true);
    const list = services.visits.list({});
    expect(list.total).toBe(2);
    expect(list.owners.map((o) => [o.ownerName, o.planned])).toEqual([['李销售', 1], ['赵客服', 1]]);
  });

  it('fails whole: a bad row leaves no plan behind', () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    // A trigger that refuses the third plan stands in for a failure mid-way.
    db.exec("CREATE TRIGGER refuse AFTER INSERT ON visit_plans WHEN (SELECT count(*) FROM visit_plans) >= 3 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => services.visits.create(request())).toThrow(/disk full/);
    expect(db.prepare('SELECT count(*) FROM visit_plans').pluck().get()).toBe(0);
  });

  it('records the outcome; a done visit logs one visit interaction in the same transaction', () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    services.visits.create(request({ target: { by: 'ids', ids: [1, 2] } }));
    const plan = services.visits.list({ customerId: 1 }).plans[0];
    if (!plan) throw new Error('no plan');
    const done = services.visits.record({ id: plan.id, status: 'partial', doneDate: '2026-12-02', outcome: '谈妥续约', nextStep: '下月送样' });
    expect(done).toMatchObject({ status: 'partial', doneDate: '2026-12-02', outcome: '谈妥续约', nextStep: '下月送样' });
    const visits = db.prepare("SELECT id, channel, summary, staff_id, occurred_at FROM interactions WHERE customer_id = 1").all() as { id: number; summary: string; staff_id: number; occurred_at: string }[];
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ channel: 'visit', staff_id: 1, occurred_at: '2026-12-02T12:00:00.000Z' });
    expect(visits[0]?.summary).toContain('谈妥续约');
    expect(done.interactionId).toBe(visits[0]?.id);
    // Recording again updates the plan, not the log.
    services.visits.record({ id: plan.id, status: 'yes', doneDate: '2026-12-03', outcome: '已续约', nextStep: null });
    expect(db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(1);
    // Not done: no interaction.
    const other = services.visits.list({ customerId: 2 }).plans[0];
    if (!other) throw new Error('no plan');
    services.visits.record({ id: other.id, status: 'no', doneDate: '2026-12-04', outcome: '客户出差', nextStep: null });
    expect(db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(1);
    expect(services.visits.list({ status: 'planned' }).total).toBe(0);
  });

  it('lists overdue plans and filters by owner and period', () => {
    const { db, services } = servicesOnTempDb({ now: new Date('2026-12-20T09:00:00Z') });
    seed(db);
    services.visits.create(request({ from: '2026-12-01', to: '2026-12-31' }));
    const all = services.visits.list({});
    expect(all.total).toBe(4);
    const overdue = services.visits.list({ overdue: true });
    expect(overdue.plans.every((p) => p.plannedDate < '2026-12-20' && p.status === 'planned')).toBe(true);
    expect(overdue.total).toBe(all.plans.filter((p) => p.plannedDate < '2026-12-20').length);
    expect(services.visits.list({ ownerId: 1 }).plans.map((p) => p.customerName)).toEqual(['杭州恒信']);
    expect(services.visits.list({ from: '2027-01-01' }).total).toBe(0);
  });

  it('versions templates: an edit makes the next version and earlier plans keep theirs', () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    services.visits.create(request({ target: { by: 'ids', ids: [1] } }));
    const before = services.visits.list({}).plans[0];
    const current = services.visits.templates().find((t) => t.key === 'high-high:high');
    if (!current || !before) throw new Error('missing');
    const { id: _id, key: _key, version: _v, createdAt: _c, createdBy: _b, ...fields } = current;
    const saved = services.visits.saveTemplate({ key: 'high-high:high', fields: { ...fields, measuresZh: '专属团队；每两周拜访' } });
    expect(saved).toMatchObject({ key: 'high-high:high', version: 2, createdBy: 'tester' });
    expect(services.visits.templates()).toHaveLength(12);
    expect(services.visits.templateVersions('high-high:high').map((t) => t.version)).toEqual([1, 2]);
    expect(services.visits.list({}).plans[0]).toMatchObject({ templateId: before.templateId, templateVersion: 1, measures: before.measures });
    expect(services.visits.preview(request({ target: { by: 'ids', ids: [1] } })).drafts[0]).toMatchObject({ templateVersion: 2, measures: '专属团队；每两周拜访' });
    // A new template can be added and chosen for everyone, segmented or not.
    const added = services.visits.saveTemplate({ key: null, fields: { ...fields, quadrant: null, tier: null, nameZh: '节日问候', nameEn: 'Holiday greetings' } });
    expect(added.version).toBe(1);
    expect(services.visits.preview(request({ templateKey: added.key })).drafts).toHaveLength(5);
  });

  it('gathers a sheet: profile summary, contacts, last orders and totals, open complaints only, warnings list', () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    services.visits.savePrintSettings({ businessName: '恒信贸易' });
    services.visits.create(request({ target: { by: 'ids', ids: [1, 2] } }));
    const ids = services.visits.list({}).plans.map((p) => p.id);
    const { businessName, sheets } = services.visits.sheets([...ids].reverse(), 'zh-CN');
    expect(businessName).toBe('恒信贸易');
    expect(sheets.map((s) => s.plan.id)).toEqual([...ids].reverse());
    const sheet = sheets.find((s) => s.plan.customerId === 1);
    expect(sheet?.customer).toMatchObject({ name: '杭州恒信', tier: 'high', quadrant: 'high-high', lifecycle: 'maturity', ownerName: '王经理' });
    expect(sheet?.contacts).toEqual([{ name: '周总', title: '总经理', phone: '13800000001', isPrimary: true }]);
    expect(sheet?.orders.map((o) => o.orderDate)).toEqual(['2026-11-01', '2026-10-01']);
    expect(sheet?.totals).toEqual({ orderCount: 2, totalCents: 200000, lastOrderDate: '2026-11-01' });
    expect(sheet?.complaints.map((c) => c.description)).toEqual(['到货延迟']);
    // Before any warning run there is nothing to list; after one, the open complaint's alert is on the sheet.
    expect(sheet?.warnings).toEqual([]);
    runWarnings(db, { asOf: '2026-11-23', now: '2026-11-23T09:00:00.000Z', trigger: 'manual', settings: defaultWarningSettings });
    const after = (lang: string) => services.visits.sheets(ids, lang).sheets.find((s) => s.plan.customerId === 1)?.warnings;
    expect(after('zh-CN')).toContainEqual({ rule: 'complaint', evidence: '1 件投诉未解决，最早 2026-11-20' });
    expect(after('en')).toContainEqual({ rule: 'complaint', evidence: '1 unresolved complaint, opened 2026-11-20' });
    expect(services.visits.sheets(ids, 'en').sheets.find((s) => s.plan.customerId === 2)?.warnings.some((w) => w.rule === 'complaint')).toBe(false);
  });

  it('refuses what makes no sense with a named field', () => {
    const { db, services } = servicesOnTempDb();
    seed(db);
    expect(generateRequestSchema.safeParse({ target: { by: 'ids', ids: [1] }, from: '2026-12-31', to: '2026-12-01', language: 'en' }).success).toBe(false);
    expect(() => services.visits.create(request({ target: { by: 'ids', ids: [5] } }))).toThrow(/no customer can be planned/);
    expect(() => services.visits.preview(request({ templateKey: 'nope' }))).toThrow(/template nope/);
    expect(() => services.visits.record({ id: 999, status: 'yes', doneDate: '2026-12-01', outcome: null, nextStep: null })).toThrow(/visit plan 999/);
  });
});
