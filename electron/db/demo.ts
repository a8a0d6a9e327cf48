import type { Database } from 'better-sqlite3';

/** The demo generator's writes (electron/services/demo): one prepared statement per kind of row. */
export function demoWrites(db: Database) {
  return {
    staff: db.prepare('INSERT INTO staff (id, name, email, phone, role, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)'),
    tag: db.prepare("INSERT INTO tags (id, name, kind) VALUES (?, ?, 'need')"),
    customer: db.prepare(
      `INSERT INTO customers (id, code, kind, name, industry, region, source, owner_id, cooperation_start, status, phone, email, address, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    contact: db.prepare(
      `INSERT INTO contacts (customer_id, name, title, phone, email, wechat, birthday, is_primary, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    customerTag: db.prepare('INSERT INTO customer_tags (customer_id, tag_id) VALUES (?, ?)'),
    complaint: db.prepare(
      `INSERT INTO complaints (customer_id, opened_at, channel, category, severity, description, staff_id, first_response_at, resolved_at, resolution, satisfaction, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

export const DEMO_ORDER_COLUMNS = ['customer_id', 'order_no', 'order_date', 'amount_cents', 'quantity', 'items', 'category', 'channel', 'created_at'] as const;
export const DEMO_INTERACTION_COLUMNS = ['customer_id', 'occurred_at', 'channel', 'summary', 'staff_id', 'next_follow_up', 'created_at'] as const;

/** True when the database has no staff, customers, tags or orders yet (demo data only goes into an empty one). */
export function isEmptyForDemo(db: Database): boolean {
  const row = db.prepare('SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM customers) + (SELECT count(*) FROM tags) + (SELECT count(*) FROM orders) AS n').get() as { n: number };
  return row.n === 0;
}

/**
 * Referrals of the demo: the customers who first ordered most recently (`recent` of
 * them) and a few who have not ordered yet (`waiting`), each referred by the customer
 * with the id before theirs.
 */
export function insertDemoReferrals(db: Database, p: { at: string; recent: number; waiting: number }): void {
  db.prepare(
    `INSERT INTO referrals (customer_id, referrer_id, created_at)
     SELECT id, id - 1, @at FROM (
       SELECT customer_id AS id FROM customer_rollups WHERE first_order_date IS NOT NULL AND customer_id > 1 ORDER BY first_order_date DESC, customer_id LIMIT @recent)
     UNION ALL
     SELECT id, id - 1, @at FROM (
       SELECT c.id FROM customers c WHERE c.id > 1 AND NOT EXISTS (SELECT 1 FROM customer_rollups r WHERE r.customer_id = c.id AND r.order_count > 0)
        ORDER BY c.id LIMIT @waiting)`,
  ).run(p);
}

/** The demo's survey writes, and the questions of the standard template (version 1) they answer. */
export function demoSurveyWrites(db: Database) {
  return {
    questions: db
      .prepare<[], { id: number; kind: string; dimension: string | null }>(
        "SELECT q.id, q.kind, q.dimension FROM survey_questions q JOIN survey_templates t ON t.id = q.template_id WHERE t.template_key = 'standard' AND t.version = 1 ORDER BY q.position",
      )
      .all(),
    form: db.prepare(
      `INSERT INTO survey_forms (id, form_no, template_id, customer_id, channel, language, issued_on, sent_at, batch_id, created_by, created_at)
       VALUES (?, ?, (SELECT template_id FROM survey_questions WHERE id = ?), ?, ?, ?, ?, ?, ?, 'demo', ?)`,
    ),
    response: db.prepare(
      "INSERT INTO survey_responses (form_id, customer_id, responded_on, nps, mean_score, min_score, entered_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'demo', ?, ?)",
    ),
    answer: db.prepare('INSERT INTO survey_answers (response_id, question_id, score, text) VALUES (?, ?, ?, ?)'),
    plan: db.prepare(
      "INSERT INTO improvement_plans (title, reason, customer_id, owner_id, status, created_by, created_at, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, 'demo', ?, ?, ?)",
    ),
    link: db.prepare("INSERT INTO improvement_links (plan_id, source, source_id) VALUES (?, 'survey', ?)"),
    action: db.prepare(
      'INSERT INTO improvement_actions (plan_id, measure, owner_id, due_date, resources, acceptance, status, done_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    nameOf: db.prepare<[number], string>('SELECT name FROM customers WHERE id = ?').pluck(),
  };
}

/**
 * Settings for filling a new file that is thrown away on failure: no journal, no
 * fsync, no per-row constraint checks (generated rows are valid by construction; the
 * tests run foreign_key_check and integrity_check, which covers CHECK constraints).
 */
export function startFastFill(db: Database): void {
  // better-sqlite3's defensive mode forbids journal_mode=OFF, hence the brief unsafe mode.
  db.unsafeMode(true);
  db.pragma('journal_mode = OFF');
  db.unsafeMode(false);
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
}

/** Back to the app's WAL journal, with planner statistics for the new rows. */
export function finishFastFill(db: Database): void {
  db.pragma('journal_mode = WAL');
  // Sampled statistics are all the planner needs, at a fraction of a full scan's cost.
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE');
}
