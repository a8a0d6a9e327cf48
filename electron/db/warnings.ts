import type { Database } from 'better-sqlite3';
import type { CustomerStatus, Tier } from '../../shared/domain/enums';
import { formatEvidence } from '../../shared/warnings/evidence';
import { lastCompleteMonths, type Evidence, type WarningHit, type WarningInput } from '../../shared/warnings/rules';
import type { AlertStatus, WarningRule } from '../../shared/warnings/settings';

/** An alert row with the names the pages show. */
export interface AlertRecord {
  id: number;
  customer_id: number;
  customer_name: string;
  customer_code: string;
  tier: Tier | null;
  rule: WarningRule;
  evidence: string;
  raised_at: string;
  due_at: string;
  assignee_id: number | null;
  assignee_name: string | null;
  priority: number;
  status: AlertStatus;
  note: string | null;
  closed_at: string | null;
  closed_by: string | null;
}

/** What issue 8's printed visit sheet lists per customer. */
export interface OpenWarning {
  rule: WarningRule;
  evidence: Evidence;
  /** The evidence as one line (English); formatEvidence(evidence, 'zh-CN') gives Chinese. */
  evidenceText: string;
  raisedAt: string;
  dueAt: string;
  status: AlertStatus;
}

export interface WarningRunRecord {
  id: number;
  started_at: string;
  finished_at: string;
  as_of: string;
  trigger: string;
  raised: number;
  closed: number;
  open: number;
  eval_ms: number;
  write_ms: number;
}

export interface WriteOutcome {
  raised: number;
  closed: number;
  updated: number;
  open: number;
}

const ALERT_SELECT = `
  SELECT a.id, a.customer_id, c.name AS customer_name, c.code AS customer_code, coalesce(c.tier_override, sr.tier) AS tier,
         a.rule, a.evidence, a.raised_at, a.due_at, a.assignee_id, s.name AS assignee_name, a.priority, a.status, a.note, a.closed_at, a.closed_by
    FROM alerts a
    JOIN customers c ON c.id = a.customer_id
    LEFT JOIN segment_results sr ON sr.customer_id = a.customer_id
    LEFT JOIN staff s ON s.id = a.assignee_id`;
const OPEN = "a.status IN ('open', 'in_progress')";

/**
 * The warning job's data layer: reads every customer's rule inputs from the
 * rollups in one pass (never from orders), and writes alerts (raise, refresh,
 * auto-close) in one transaction.
 */
export function warningQueries(db: Database) {
  const base = db
    .prepare<[], [number, CustomerStatus, number | null, Tier | null, string | null, string | null, number | null]>(
      `SELECT c.id, c.status, c.owner_id, coalesce(c.tier_override, sr.tier), r.last_order_date, substr(r.last_interaction_at, 1, 10), sr.p_alive
         FROM customers c
         LEFT JOIN customer_rollups r ON r.customer_id = c.id
         LEFT JOIN segment_results sr ON sr.customer_id = c.id
        ORDER BY c.id`,
    )
    .raw();
  // Only customers whose amount fell from the first month to the second can match the
  // order-drop rule at any threshold, so SQLite hands over just those (a fraction of all
  // buyers); the rule itself (shared/warnings/rules.ts) still decides.
  const monthly = db
    .prepare<{ m1: string; m2: string; m3: string }, [number, number, number, number]>(
      `SELECT customer_id,
              sum(CASE WHEN month = @m1 THEN amount_cents ELSE 0 END) AS a,
              sum(CASE WHEN month = @m2 THEN amount_cents ELSE 0 END) AS b,
              sum(CASE WHEN month = @m3 THEN amount_cents ELSE 0 END) AS c
         FROM customer_monthly WHERE month IN (@m1, @m2, @m3) AND order_count > 0
        GROUP BY customer_id HAVING a > 0 AND b > 0 AND b < a`,
    )
    .raw();
  const openComplaints = db
    .prepare<[], [number, number, string]>('SELECT customer_id, count(*), min(opened_at) FROM complaints WHERE resolved_at IS NULL GROUP BY customer_id')
    .raw();
  // The lowest score per customer within the window, and the day it was given (SQLite
  // returns the bare column from the row that holds the minimum).
  const lowScores = db
    .prepare<[string, string], [number, number, string | null, string | null, number | null, number | null]>(
      `SELECT customer_id, min(score), day, form_no, min_score, nps FROM (
         SELECT customer_id, satisfaction AS score, substr(coalesce(resolved_at, opened_at), 1, 10) AS day, NULL AS form_no, satisfaction AS min_score, NULL AS nps
           FROM complaints WHERE satisfaction IS NOT NULL AND substr(coalesce(resolved_at, opened_at), 1, 10) >= ?
         -- — Satisfaction surveys —
         -- A survey response counts by its lowest 5-point score; an NPS detractor (0–6) ranks
         -- as 0, below any threshold. The form number goes into the evidence.
         UNION ALL
         SELECT r.customer_id, CASE WHEN r.nps <= 6 THEN 0 ELSE r.min_score END, r.responded_on, f.form_no, r.min_score, r.nps
           FROM survey_responses r JOIN survey_forms f ON f.id = r.form_id
          WHERE r.responded_on >= ? AND (r.min_score IS NOT NULL OR r.nps <= 6)
       ) GROUP BY customer_id`,
    )
    .raw();

  const openKeys = db.prepare<[], [number, number, string, string]>(`SELECT id, customer_id, rule, evidence FROM alerts a WHERE ${OPEN}`).raw();
  const quietKeys = db
    .prepare<[string], [number, string]>("SELECT customer_id, rule FROM alerts WHERE status IN ('resolved', 'dismissed') AND closed_by <> 'auto' AND closed_at >= ?")
    .raw();
  const insert = db.prepare<[number, string, string, string, string, number | null, number, string]>(
    'INSERT INTO alerts (customer_id, rule, evidence, raised_at, due_at, assignee_id, priority, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const refresh = db.prepare<[string, number, string, number]>('UPDATE alerts SET evidence = ?, priority = ?, updated_at = ? WHERE id = ?');
  const autoClose = db.prepare<[string, string, string, number]>("UPDATE alerts SET status = 'resolved', note = ?, closed_at = ?, closed_by = 'auto', updated_at = ? WHERE id = ?");
  const countOpen = db.prepare<[], number>(`SELECT count(*) FROM alerts a WHERE ${OPEN}`).pluck();
  const insertRun = db.prepare(
    'INSERT INTO warning_runs (started_at, finished_at, as_of, trigger, raised, closed, open, eval_ms, write_ms) VALUES (@started_at, @finished_at, @as_of, @trigger, @raised, @closed, @open, @eval_ms, @write_ms)',
  );
  const latestRun = db.prepare<[], WarningRunRecord>('SELECT * FROM warning_runs ORDER BY id DESC LIMIT 1');

  const openForCustomer = db.prepare<[number], { rule: WarningRule; evidence: string; raised_at: string; due_at: string; status: AlertStatus }>(
    `SELECT rule, evidence, raised_at, due_at, status FROM alerts a WHERE customer_id = ? AND ${OPEN} ORDER BY due_at, id`,
  );
  const forCustomer = db.prepare<[number, number], AlertRecord>(`${ALERT_SELECT} WHERE a.customer_id = ? ORDER BY (${OPEN}) DESC, a.due_at DESC, a.id DESC LIMIT ?`);
  const byId = db.prepare<[number], AlertRecord>(`${ALERT_SELECT} WHERE a.id = ?`);
  const overdue = db.prepare<[string, number], AlertRecord>(`${ALERT_SELECT} WHERE ${OPEN} AND a.due_at < ? ORDER BY a.priority, a.due_at, a.id LIMIT ?`);
  const dueBetween = db.prepare<[string, string, number], AlertRecord>(`${ALERT_SELECT} WHERE ${OPEN} AND a.due_at >= ? AND a.due_at < ? ORDER BY a.priority, a.due_at, a.id LIMIT ?`);
  const dueFrom = db.prepare<[string, number], AlertRecord>(`${ALERT_SELECT} WHERE ${OPEN} AND a.due_at >= ? ORDER BY a.due_at, a.priority, a.id LIMIT ?`);
  const counts = db.prepare<{ now: string; end: string }, { overdue: number; today: number; upcoming: number }>(
    `SELECT coalesce(sum(due_at < @now), 0) AS overdue, coalesce(sum(due_at >= @now AND due_at < @end), 0) AS today, coalesce(sum(due_at >= @end), 0) AS upcoming FROM alerts a WHERE ${OPEN}`,
  );
  const setStatus = db.prepare<{ id: number; status: AlertStatus; note: string | null; closed_at: string | null; closed_by: string | null; at: string }>(
    'UPDATE alerts SET status = @status, note = coalesce(@note, note), closed_at = @closed_at, closed_by = @closed_by, updated_at = @at WHERE id = @id',
  );
  const setAssignee = db.prepare<[number | null, string, number]>('UPDATE alerts SET assignee_id = ?, updated_at = ? WHERE id = ?');

  return {
    /** Every customer's rule inputs for `asOf`, from the rollups, segment results and complaints. */
    inputs(asOf: string, feedbackSince: string): WarningInput[] & { owners: Map<number, number | null> } {
      const [m1, m2, m3] = lastCompleteMonths(asOf);
      const amounts = new Map<number, [number, number, number]>();
      for (const [id, a, b, c] of monthly.all({ m1, m2, m3 })) amounts.set(id, [a, b, c]);
      const complaints = new Map(openComplaints.all().map(([id, n, oldest]) => [id, { n, oldest }]));
      const scores = new Map(lowScores.all(feedbackSince, feedbackSince).map(([id, score, day, formNo, minScore, nps]) => [id, { score, day, survey: formNo === null ? null : { formNo, minScore, nps } }]));
      const none: [number, number, number] = [0, 0, 0];
      const owners = new Map<number, number | null>();
      const rows = base.all().map(([id, status, owner, tier, lastOrder, lastContact, pAlive]): WarningInput => {
        owners.set(id, owner);
        const c = complaints.get(id);
        const s = scores.get(id);
        return {
          id,
          status,
          tier,
          lastOrderDate: lastOrder,
          lastInteractionDate: lastContact,
          pAlive,
          months: amounts.get(id) ?? none,
          openComplaints: c?.n ?? 0,
          oldestOpenComplaint: c?.oldest ?? null,
          lowScore: s?.score ?? null,
          lowScoreDate: s?.day ?? null,
          lowScoreSurvey: s?.survey ?? null,
        };
      });
      return Object.assign(rows, { owners });
    },

    /**
     * Raises new alerts, refreshes the evidence of open ones and closes open
     * alerts whose condition cleared (or whose rule is off), in one transaction.
     * A manually closed alert keeps its rule quiet for that customer since `quietSince`.
     */
    write(
      hits: readonly WarningHit[],
      opts: { now: string; dueAt: string; quietSince: string; owners: Map<number, number | null>; disabled: ReadonlySet<WarningRule>; checkCancelled: () => void },
    ): WriteOutcome {
      return db.transaction((): WriteOutcome => {
        const open = new Map<string, { id: number; evidence: string }>();
        for (const [id, customer, rule, evidence] of openKeys.all()) open.set(`${customer}:${rule}`, { id, evidence });
        const quiet = new Set(quietKeys.all(opts.quietSince).map(([customer, rule]) => `${customer}:${rule}`));
        let raised = 0;
        let updated = 0;
        let closed = 0;
        let n = 0;
        for (const h of hits) {
          if (++n % 5000 === 0) opts.checkCancelled();
          const key = `${h.customerId}:${h.rule}`;
          const evidence = JSON.stringify(h.evidence);
          const existing = open.get(key);
          if (existing) {
            open.delete(key);
            if (existing.evidence !== evidence) {
              refresh.run(evidence, h.priority, opts.now, existing.id);
              updated++;
            }
          } else if (!quiet.has(key)) {
            insert.run(h.customerId, h.rule, evidence, opts.now, opts.dueAt, opts.owners.get(h.customerId) ?? null, h.priority, opts.now);
            raised++;
          }
        }
        for (const [key, { id }] of open) {
          const rule = key.slice(key.indexOf(':') + 1) as WarningRule;
          autoClose.run(opts.disabled.has(rule) ? 'rule switched off' : 'condition cleared', opts.now, opts.now, id);
          closed++;
        }
        return { raised, closed, updated, open: countOpen.get() ?? 0 };
      })();
    },

    saveRun(r: Omit<WarningRunRecord, 'id'>): number {
      return Number(insertRun.run(r).lastInsertRowid);
    },
    latestRun: (): WarningRunRecord | null => latestRun.get() ?? null,

    /** Open warnings of one customer, oldest due first (for the printed visit sheet). */
    openWarningsFor(customerId: number): OpenWarning[] {
      return openForCustomer.all(customerId).map((r) => {
        const evidence = JSON.parse(r.evidence) as Evidence;
        return { rule: r.rule, evidence, evidenceText: formatEvidence(evidence), raisedAt: r.raised_at, dueAt: r.due_at, status: r.status };
      });
    },
    forCustomer: (customerId: number, limit: number) => forCustomer.all(customerId, limit),
    byId: (id: number) => byId.get(id) ?? null,
    /** Open alerts due before `now`, high-value customers first. */
    overdue: (now: string, limit: number) => overdue.all(now, limit),
    dueBetween: (from: string, to: string, limit: number) => dueBetween.all(from, to, limit),
    dueFrom: (from: string, limit: number) => dueFrom.all(from, limit),
    counts: (now: string, endOfToday: string) => counts.get({ now, end: endOfToday }) ?? { overdue: 0, today: 0, upcoming: 0 },
    setStatus: (p: { id: number; status: AlertStatus; note: string | null; closed_at: string | null; closed_by: string | null; at: string }) => setStatus.run(p),
    setAssignee: (id: number, assigneeId: number | null, at: string) => setAssignee.run(assigneeId, at, id),
  };
}

const prepared = new WeakMap<Database, ReturnType<typeof warningQueries>>();

/**
 * Open warnings of one customer as `{ rule, evidence, evidenceText, raisedAt, dueAt, status }[]`,
 * for the visit sheet (issue 8). Statements are prepared once per connection.
 */
export function openWarningsFor(db: Database, customerId: number): OpenWarning[] {
  let q = prepared.get(db);
  if (!q) prepared.set(db, (q = warningQueries(db)));
  return q.openWarningsFor(customerId);
}
