import type { Database } from 'better-sqlite3';
import { templateVersionQueries } from './templateVersions';
import type { LifecycleStage } from '../../shared/analytics/lifecycle';
import type { Quadrant } from '../../shared/analytics/quadrant';
import type { ComplaintSeverity, StaffRole, Tier } from '../../shared/domain/enums';
import type { VisitPlan, VisitSheet, VisitStatus, VisitTemplate, VisitTemplateFields } from '../../shared/domain/visits';
import { formatEvidence } from '../../shared/warnings/evidence';
import { openWarningsFor } from './warnings';

interface TemplateRecord {
  id: number;
  template_key: string;
  version: number;
  quadrant: Quadrant | null;
  tier: Tier | null;
  name_zh: string;
  name_en: string;
  goal_zh: string;
  goal_en: string;
  measures_zh: string;
  measures_en: string;
  resources_zh: string;
  resources_en: string;
  frequency_days: number;
  owner_role: StaffRole;
  created_by: string;
  created_at: string;
}

function toTemplate(r: TemplateRecord): VisitTemplate {
  return {
    id: r.id,
    key: r.template_key,
    version: r.version,
    quadrant: r.quadrant,
    tier: r.tier,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    goalZh: r.goal_zh,
    goalEn: r.goal_en,
    measuresZh: r.measures_zh,
    measuresEn: r.measures_en,
    resourcesZh: r.resources_zh,
    resourcesEn: r.resources_en,
    frequencyDays: r.frequency_days,
    ownerRole: r.owner_role,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** What planning needs per customer: effective tier (override first), quadrant and owner. */
export interface VisitCandidate {
  id: number;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  tier: Tier | null;
  quadrant: Quadrant | null;
}

export interface NewPlan {
  customerId: number;
  templateId: number;
  ownerId: number | null;
  tier: Tier | null;
  quadrant: Quadrant | null;
  plannedDate: string;
  goal: string;
  measures: string;
  resources: string;
  batchId: string;
  at: string;
}

export interface PlanFilter {
  ownerId: number | null;
  status: VisitStatus | null;
  from: string | null;
  to: string | null;
  overdue: boolean;
  customerId: number | null;
  today: string;
}

const PLAN_SELECT = `
  SELECT p.id, p.customer_id AS customerId, c.name AS customerName, c.code AS customerCode,
         p.owner_id AS ownerId, s.name AS ownerName, p.tier, p.quadrant,
         p.template_id AS templateId, CASE WHEN @lang = 'en' THEN t.name_en ELSE t.name_zh END AS templateName, t.version AS templateVersion,
         p.planned_date AS plannedDate, p.goal, p.measures, p.resources, p.status, p.done_date AS doneDate,
         p.outcome, p.next_step AS nextStep, p.interaction_id AS interactionId
    FROM visit_plans p
    JOIN customers c ON c.id = p.customer_id
    JOIN visit_templates t ON t.id = p.template_id
    LEFT JOIN staff s ON s.id = p.owner_id`;

const FILTER = `
   WHERE (@ownerId IS NULL OR p.owner_id = @ownerId)
     AND (@status IS NULL OR p.status = @status)
     AND (@from IS NULL OR p.planned_date >= @from)
     AND (@to IS NULL OR p.planned_date <= @to)
     AND (@overdue = 0 OR (p.status = 'planned' AND p.planned_date < @today))
     AND (@customerId IS NULL OR p.customer_id = @customerId)`;

type FilterParams = Omit<PlanFilter, 'overdue'> & { overdue: 0 | 1 };
const filterParams = (f: PlanFilter): FilterParams => ({ ...f, overdue: f.overdue ? 1 : 0 });

/** Templates, plans and the data of a printed visit sheet. */
export function visitQueries(db: Database) {
  const { latest: latestTemplates, versionsOf, byId: templateById, latestByKey } = templateVersionQueries<TemplateRecord>(db, 'visit_templates');
  const insertTemplate = db.prepare(
    `INSERT INTO visit_templates (template_key, version, quadrant, tier, name_zh, name_en, goal_zh, goal_en, measures_zh, measures_en,
                                  resources_zh, resources_en, frequency_days, owner_role, created_by, created_at)
     VALUES (@key, @version, @quadrant, @tier, @nameZh, @nameEn, @goalZh, @goalEn, @measuresZh, @measuresEn,
             @resourcesZh, @resourcesEn, @frequencyDays, @ownerRole, @createdBy, @at)`,
  );
  const candidates = db.prepare<[string], VisitCandidate>(
    `SELECT c.id, c.name, c.owner_id, s.name AS owner_name, coalesce(c.tier_override, r.tier) AS tier, r.quadrant
       FROM json_each(?) j
       JOIN customers c ON c.id = j.value
       LEFT JOIN segment_results r ON r.customer_id = c.id
       LEFT JOIN staff s ON s.id = c.owner_id
      ORDER BY j.key`,
  );
  const staffByRole = db.prepare<[string], { id: number; name: string }>("SELECT id, name FROM staff WHERE active = 1 AND role = ? ORDER BY id");
  const staffName = db.prepare<[number], string>('SELECT name FROM staff WHERE id = ?').pluck();
  const insertPlan = db.prepare(
    `INSERT INTO visit_plans (customer_id, template_id, owner_id, tier, quadrant, planned_date, goal, measures, resources, batch_id, created_at, updated_at)
     VALUES (@customerId, @templateId, @ownerId, @tier, @quadrant, @plannedDate, @goal, @measures, @resources, @batchId, @at, @at)`,
  );
  const list = db.prepare<[FilterParams & { lang: string; limit: number }], VisitPlan>(`${PLAN_SELECT} ${FILTER} ORDER BY p.planned_date, c.name, p.id LIMIT @limit`);
  const count = db.prepare<[FilterParams], number>(`SELECT count(*) FROM visit_plans p ${FILTER}`).pluck();
  const ownerCounts = db.prepare<[{ today: string }], { ownerId: number | null; ownerName: string | null; planned: number; done: number; overdue: number }>(
    `SELECT p.owner_id AS ownerId, s.name AS ownerName,
            sum(p.status = 'planned') AS planned, sum(p.status <> 'planned') AS done,
            sum(p.status = 'planned' AND p.planned_date < @today) AS overdue
       FROM visit_plans p LEFT JOIN staff s ON s.id = p.owner_id
      GROUP BY p.owner_id ORDER BY s.name`,
  );
  const planById = db.prepare<[{ id: number; lang: string }], VisitPlan>(`${PLAN_SELECT} WHERE p.id = @id`);
  const record = db.prepare(
    `UPDATE visit_plans SET status = @status, done_date = @doneDate, outcome = @outcome, next_step = @nextStep,
            interaction_id = coalesce(@interactionId, interaction_id), updated_at = @at WHERE id = @id`,
  );
  const insertVisit = db.prepare(
    `INSERT INTO interactions (customer_id, occurred_at, channel, summary, staff_id, next_follow_up, created_at)
     VALUES (@customerId, @occurredAt, 'visit', @summary, @staffId, NULL, @at)`,
  );
  const sheetCustomer = db.prepare<[number], { name: string; code: string; kind: 'company' | 'person'; phone: string | null; address: string | null; tier: Tier | null; quadrant: Quadrant | null; lifecycle: LifecycleStage | null; ownerName: string | null }>(
    `SELECT c.name, c.code, c.kind, c.phone, c.address, coalesce(c.tier_override, r.tier) AS tier, r.quadrant, r.lifecycle, s.name AS ownerName
       FROM customers c LEFT JOIN segment_results r ON r.customer_id = c.id LEFT JOIN staff s ON s.id = c.owner_id WHERE c.id = ?`,
  );
  const sheetContacts = db.prepare<[number], { name: string; title: string | null; phone: string | null; isPrimary: number }>(
    'SELECT name, title, phone, is_primary AS isPrimary FROM contacts WHERE customer_id = ? ORDER BY is_primary DESC, id LIMIT 6',
  );
  const sheetOrders = db.prepare<[number], { orderDate: string; amountCents: number; items: string | null }>(
    'SELECT order_date AS orderDate, amount_cents AS amountCents, coalesce(items, category) AS items FROM orders WHERE customer_id = ? ORDER BY order_date DESC, id DESC LIMIT 5',
  );
  const sheetTotals = db.prepare<[number], { orderCount: number; totalCents: number; lastOrderDate: string | null }>(
    'SELECT order_count AS orderCount, total_cents AS totalCents, last_order_date AS lastOrderDate FROM customer_rollups WHERE customer_id = ?',
  );
  const openComplaints = db.prepare<[number], { openedAt: string; category: string | null; severity: ComplaintSeverity; description: string | null }>(
    'SELECT opened_at AS openedAt, category, severity, description FROM complaints WHERE customer_id = ? AND resolved_at IS NULL ORDER BY opened_at DESC LIMIT 5',
  );

  return {
    latestTemplates: () => latestTemplates.all().map(toTemplate),
    versionsOf: (key: string) => versionsOf.all(key).map(toTemplate),
    templateById: (id: number) => {
      const r = templateById.get(id);
      return r ? toTemplate(r) : null;
    },
    latestByKey: (key: string) => {
      const r = latestByKey.get(key);
      return r ? toTemplate(r) : null;
    },
    insertTemplate: (key: string, version: number, f: VisitTemplateFields, createdBy: string, at: string): number =>
      Number(insertTemplate.run({ ...f, key, version, createdBy, at }).lastInsertRowid),
    candidates: (ids: readonly number[]) => candidates.all(JSON.stringify(ids)),
    staffByRole: (role: StaffRole) => staffByRole.all(role),
    staffName: (id: number) => staffName.get(id) ?? null,
    insertPlan: (p: NewPlan) => Number(insertPlan.run(p).lastInsertRowid),
    list: (f: PlanFilter, lang: string, limit: number) => list.all({ ...filterParams(f), lang, limit }),
    count: (f: PlanFilter) => count.get(filterParams(f)) ?? 0,
    ownerCounts: (today: string) => ownerCounts.all({ today }),
    plan: (id: number, lang: string) => planById.get({ id, lang }) ?? null,
    record: (r: { id: number; status: VisitStatus; doneDate: string; outcome: string | null; nextStep: string | null; interactionId: number | null; at: string }) => record.run(r),
    logVisit: (v: { customerId: number; occurredAt: string; summary: string; staffId: number | null; at: string }) => Number(insertVisit.run(v).lastInsertRowid),

    /** Everything but the plan and the warnings of one sheet. */
    sheetParts(customerId: number): Omit<VisitSheet, 'plan' | 'warnings'> | null {
      const customer = sheetCustomer.get(customerId);
      if (!customer) return null;
      return {
        customer,
        contacts: sheetContacts.all(customerId).map((c) => ({ ...c, isPrimary: c.isPrimary === 1 })),
        orders: sheetOrders.all(customerId),
        totals: sheetTotals.get(customerId) ?? { orderCount: 0, totalCents: 0, lastOrderDate: null },
        complaints: openComplaints.all(customerId),
      };
    },

    /** Open churn warnings of one customer, as the visit sheet lists them: rule id and evidence in the sheet's language. */
    openWarnings(customerId: number, language: string): VisitSheet['warnings'] {
      const lang = language === 'en' ? 'en' : 'zh-CN';
      return openWarningsFor(db, customerId).map((w) => ({ rule: w.rule, evidence: formatEvidence(w.evidence, lang) }));
    },
  };
}
