import type { Database } from 'better-sqlite3';

/**
 * A small database whose KPIs for 2026-10 are computed by hand in dashboard.test.ts.
 * Six customers; orders by month: c1 Jul+Oct, c2 Aug, c3 Jul, c4 Sep+Oct, c5 none, c6 Oct.
 */
export function fillKpiFixture(db: Database): void {
  db.exec(`
    INSERT INTO staff (id, name) VALUES (1, '王经理');
    INSERT INTO customers (id, code, kind, name, industry, phone) VALUES
      (1, 'C1', 'person', '甲', '零售', '13800000001'),
      (2, 'C2', 'person', '乙', '零售', NULL),
      (3, 'C3', 'person', '丙', NULL, NULL),
      (4, 'C4', 'person', '丁', NULL, NULL),
      (5, 'C5', 'person', '戊', NULL, NULL),
      (6, 'C6', 'person', '己', NULL, NULL);
    INSERT INTO orders (customer_id, order_date, amount_cents) VALUES
      (1, '2026-07-05', 10000), (1, '2026-10-10', 20000), (2, '2026-08-15', 5000), (3, '2026-07-20', 7000),
      (4, '2026-09-01', 1000), (4, '2026-10-02', 3000), (6, '2026-10-30', 4000);
    INSERT INTO interactions (customer_id, occurred_at, channel) VALUES
      (1, '2026-10-03T02:00:00Z', 'phone'), (1, '2026-10-04T02:00:00Z', 'email'), (2, '2026-10-11T02:00:00Z', 'visit'), (5, '2026-10-12T02:00:00Z', 'phone'),
      (1, '2026-09-03T02:00:00Z', 'phone');
    INSERT INTO complaints (customer_id, opened_at, severity, resolution_due_at, resolved_at) VALUES
      (1, '2026-10-05T02:00:00Z', 'medium', '2026-10-07T02:00:00Z', '2026-10-06T00:00:00Z'),
      (2, '2026-10-20T00:00:00Z', 'high', '2026-10-25T00:00:00Z', '2026-10-28T00:00:00Z');
    INSERT INTO alerts (customer_id, rule, evidence, raised_at, due_at, status, closed_at, updated_at) VALUES
      (3, 'inactive', '{}', '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', 'open', NULL, '2026-10-01T00:00:00Z'),
      (2, 'inactive', '{}', '2026-10-10T00:00:00Z', '2026-12-01T00:00:00Z', 'open', NULL, '2026-10-10T00:00:00Z'),
      (1, 'complaint', '{}', '2026-09-01T00:00:00Z', '2026-09-02T00:00:00Z', 'resolved', '2026-09-15T00:00:00Z', '2026-09-15T00:00:00Z');
    INSERT INTO visit_plans (customer_id, template_id, planned_date, goal, measures, resources, status, done_date) VALUES
      (1, 1, '2026-10-08', 'g', 'm', 'r', 'yes', '2026-10-08'),
      (2, 1, '2026-10-09', 'g', 'm', 'r', 'partial', '2026-10-09'),
      (4, 1, '2026-10-10', 'g', 'm', 'r', 'no', '2026-10-10'),
      (4, 1, '2026-11-10', 'g', 'm', 'r', 'planned', NULL);
    INSERT INTO survey_forms (id, form_no, template_id, customer_id, channel, language, issued_on, sent_at) VALUES
      (1, 'SV-1', 1, 1, 'paper', 'zh-CN', '2026-10-01', '2026-10-01T01:00:00Z'),
      (2, 'SV-2', 1, 2, 'paper', 'zh-CN', '2026-10-01', '2026-10-01T01:00:00Z'),
      (3, 'SV-3', 1, 3, 'paper', 'zh-CN', '2026-10-01', '2026-10-02T01:00:00Z'),
      (4, 'SV-4', 1, 4, 'paper', 'zh-CN', '2026-10-01', '2026-10-03T01:00:00Z');
    INSERT INTO survey_responses (id, form_id, customer_id, responded_on, nps, mean_score, min_score) VALUES
      (1, 1, 1, '2026-10-12', 10, 4.5, 4),
      (2, 2, 2, '2026-10-14', 5, 2.5, 2);
    INSERT INTO survey_answers (response_id, question_id, score)
      SELECT 1, id, CASE dimension WHEN 'quality' THEN 5 ELSE 4 END FROM survey_questions WHERE template_id = 1 AND dimension IN ('quality', 'response');
    INSERT INTO survey_answers (response_id, question_id, score)
      SELECT 2, id, CASE dimension WHEN 'quality' THEN 3 ELSE 2 END FROM survey_questions WHERE template_id = 1 AND dimension IN ('quality', 'response');
    INSERT INTO improvement_plans (id, title, reason) VALUES (1, '提升响应速度', '响应速度 CSAT 3.0 < 3.5 (2026-10)');
    INSERT INTO improvement_actions (plan_id, measure, due_date, status, done_on) VALUES
      (1, '24 小时内回电', '2026-11-01', 'todo', NULL),
      (1, '培训客服', '2026-10-20', 'done', '2026-10-15');
    INSERT INTO segment_runs (id, started_at, finished_at, as_of, trigger, settings, clv, summary, customers) VALUES
      (1, '2026-09-30T00:00:00Z', '2026-09-30T00:00:01Z', '2026-09-30', 'cli', '{}', '{}', '{"tiers":{"high":1,"regular":3,"potential":1}}', 5),
      (2, '2026-10-31T00:00:00Z', '2026-10-31T00:00:01Z', '2026-10-31', 'cli', '{}', '{}', '{"tiers":{"high":2,"regular":2,"potential":1}}', 5);
    INSERT INTO segment_results (customer_id, run_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle, value_cents, predicted_cents, p_alive) VALUES
      (1, 2, 5, 5, 5, 5, 'high', 'high-high', 'maturity', 30000, 50000, 0.2),
      (4, 2, 4, 4, 4, 4, 'high', 'high-high', 'growth', 4000, 30000, 0.9),
      (2, 2, 3, 3, 3, 3, 'regular', 'low-low', 'decline', 5000, NULL, 0.1),
      (3, 2, 2, 2, 2, 2, 'regular', 'low-low', 'decline', 7000, NULL, 0.05),
      (6, 2, 1, 1, 1, 1, 'potential', 'low-low', 'acquisition', 4000, NULL, 0.95);
    INSERT INTO segment_run_tiers (run_id, customer_id, tier) VALUES
      (1, 1, 'high'), (1, 2, 'regular'), (1, 3, 'regular'), (1, 4, 'regular'), (1, 6, 'potential'),
      (2, 1, 'high'), (2, 2, 'regular'), (2, 3, 'regular'), (2, 4, 'high'), (2, 6, 'potential');
    INSERT INTO settings (key, value) VALUES ('profile.completeness', '{"required":["industry","phone"]}');
  `);
}
