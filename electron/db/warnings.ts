import type { Database } from 'better-sqlite3';
import type { Tier } from '../../shared/domain/enums';
import { emptyWarningColumns, slotOf, type WarningColumns } from '../../shared/warnings/columns';
import { formatEvidence } from '../../shared/warnings/evidence';
import { lastCompleteMonths, type Evidence, type WarningHit } from '../../shared/warnings/rules';
import { warningRules, type AlertStatus, type WarningRule } from '../../shared/warnings/settings';

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

/** One number per customer × rule (the map keys of a run's open and quiet alerts). */
const alertKey = (customerId: number, rule: WarningRule) => customerId * 8 + warningRules.indexOf(rule);

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
  // One row per customer in id order (the side queries below find their slot by binary
  // search). better-sqlite3 pays per value handed over, so id, lost and tier rank travel
  // as one integer: id × 8 + 4 × lost + rank (rank 0 high … 3 not tiered). The owner is
  // not read at all: a raised alert takes it in SQL.
  const base = db
    .prepare<[], [number, string | null, string | null, number | null]>(
      `SELECT c.id * 8 + 4 * (c.status = 'lost')
                + CASE coalesce(c.tier_override, sr.tier) WHEN 'high' THEN 0 WHEN 'regular' THEN 1 WHEN 'potential' THEN 2 ELSE 3 END,
              r.last_order_date, substr(r.last_interaction_at, 1, 10), sr.p_alive
         FROM customers c
         LEFT JOIN customer_rollups r ON r.customer_id = c.id
         LEFT JOIN segment_results sr ON sr.customer_id = c.id
        ORDER BY c.id`,
    )
    .raw();
  // Only customers whose amount fell from the first month to the second can match the
  // order-drop rule at any threshold, so SQLite hands over just those (a fraction of all
  // buyers); the rule itself (shared/warnings/columns.ts) still decides. One pass over the
  // middle month through the index customer_monthly_month, the other two months by
  // primary key: no sort of the whole three-month window, unlike a GROUP BY over it.
  const monthly = db
    .prepare<{ m1: string; m2: string; m3: string }, [number, number, number, number]>(
      `SELECT b.customer_id, a.amount_cents, b.amount_cents, CASE WHEN c.order_count > 0 THEN c.amount_cents ELSE 0 END
         FROM customer_monthly b
         JOIN customer_monthly a ON a.customer_id = b.customer_id AND a.month = @m1
         LEFT JOIN customer_monthly c ON c.customer_id = b.customer_id AND c.month = @m3
        WHERE b.month = @m2 AND b.order_count > 0 AND b.amount_cents > 0 AND a.order_count > 0 AND a.amount_cents > b.amount_cents`,
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
         -- A survey response counts by its lowest 5-point score; an NPS detractor (0–6) ranks
         -- as 0, below any threshold. The form number goes into the evidence.
         UNION ALL
         SELECT r.customer_id, CASE WHEN r.nps <= 6 THEN 0 ELSE r.min_score END, r.responded_on, f.form_no, r.min_score, r.nps
           FROM survey_responses r JOIN survey_forms f ON f.id = r.form_id
          WHERE r.responded_on >= ? AND (r.min_score IS NOT NULL OR r.nps <= 6)
       ) GROUP BY customer_id`,
    )
    .raw();

  const openKeys = db.prepare<[], [number, number, WarningRule, string]>(`SELECT id, customer_id, rule, evidence FROM alerts a WHERE ${OPEN}`).raw();
  const quietKeys = db
    .prepare<[string], [number, WarningRule]>("SELECT customer_id, rule FROM alerts WHERE status IN ('resolved', 'dismissed') AND closed_by <> 'auto' AND closed_at >= ?")
    .raw();
  // The assignee is the customer's owner at the moment the alert is raised.
  const insert = db.prepare<{ customer: number; rule: string; evidence: string; now: string; due: string; priority: number }>(
    `INSERT INTO alerts (customer_id, rule, evidence, raised_at, due_at, assignee_id, priority, updated_at)
     VALUES (@customer, @rule, @evidence, @now, @due, (SELECT owner_id FROM customers WHERE id = @customer), @priority, @now)`,
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
  // Marks open alerts that fell due (before the end of today) and were not announced yet;
  // returns one row per alert so the caller can say how many are overdue already.
  const claimDue = db
    .prepare<{ now: string; end: string; at: string }, [number]>(
      `UPDATE alerts SET due_notified_at = @at WHERE status IN ('open', 'in_progress') AND due_notified_at IS NULL AND due_at < @end RETURNING due_at < @now`,
    )
    .raw();

  const readColumns = db.transaction((asOf: string, feedbackSince: string): WarningColumns => {
    const rows = base.all();
    const cols = emptyWarningColumns(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [packed, lastOrder, lastContact, pAlive] = rows[i] as (typeof rows)[number];
      const flags = ((packed % 8) + 8) % 8; // ids are positive; this keeps a negative one intact too
      cols.id[i] = (packed - flags) / 8;
      cols.lost[i] = flags >> 2;
      cols.priority[i] = flags & 3;
      cols.lastOrderDate[i] = lastOrder;
      cols.lastInteractionDate[i] = lastContact;
      cols.pAlive[i] = pAlive ?? NaN;
    }
    const [m1, m2, m3] = lastCompleteMonths(asOf);
    for (const [id, a, b, c] of monthly.all({ m1, m2, m3 })) {
      const slot = slotOf(cols, id);
      if (slot < 0) continue;
      cols.months[slot * 3] = a;
      cols.months[slot * 3 + 1] = b;
      cols.months[slot * 3 + 2] = c;
    }
    for (const [id, n, oldest] of openComplaints.all()) {
      const slot = slotOf(cols, id);
      if (slot < 0) continue;
      cols.openComplaints[slot] = n;
      cols.oldestOpenComplaint[slot] = oldest;
    }
    for (const [id, score, day, formNo, minScore, nps] of lowScores.all(feedbackSince, feedbackSince)) {
      const slot = slotOf(cols, id);
      if (slot < 0) continue;
      cols.lowScore[slot] = score;
      cols.lowScoreDate[slot] = day;
      if (formNo !== null) cols.lowScoreSurvey[slot] = { formNo, minScore, nps };
    }
    return cols;
  });

  return {
    /**
     * Every customer's rule inputs for `asOf` as columns, from the rollups, segment
     * results and complaints, read in one snapshot (a read transaction, so an import
     * or edit committing meanwhile cannot show the rules half of its changes).
     */
    columns: (asOf: string, feedbackSince: string): WarningColumns => readColumns(asOf, feedbackSince),

    /**
     * Raises new alerts, refreshes the evidence of open ones and closes open
     * alerts whose condition cleared (or whose rule is off), in one transaction.
     * A manually closed alert keeps its rule quiet for that customer since `quietSince`.
     */
    write(
      hits: readonly WarningHit[],
      opts: { now: string; dueAt: string; quietSince: string; disabled: ReadonlySet<WarningRule>; checkCancelled: () => void },
    ): WriteOutcome {
      return db.transaction((): WriteOutcome => {
        const open = new Map<number, { id: number; rule: WarningRule; evidence: string }>();
        for (const [id, customer, rule, evidence] of openKeys.all()) open.set(alertKey(customer, rule), { id, rule, evidence });
        const quiet = new Set(quietKeys.all(opts.quietSince).map(([customer, rule]) => alertKey(customer, rule)));
        let raised = 0;
        let updated = 0;
        let closed = 0;
        let n = 0;
        for (const h of hits) {
          if (++n % 5000 === 0) opts.checkCancelled();
          const key = alertKey(h.customerId, h.rule);
          const evidence = JSON.stringify(h.evidence);
          const existing = open.get(key);
          if (existing) {
            open.delete(key);
            if (existing.evidence !== evidence) {
              refresh.run(evidence, h.priority, opts.now, existing.id);
              updated++;
            }
          } else if (!quiet.has(key)) {
            insert.run({ customer: h.customerId, rule: h.rule, evidence, now: opts.now, due: opts.dueAt, priority: h.priority });
            raised++;
          }
        }
        for (const { id, rule } of open.values()) {
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
    /** Open alerts that fell due (overdue, or due before `endOfToday`) and were never announced: marks them announced, counts them. */
    claimDueNotices(now: string, endOfToday: string, at: string): { overdue: number; today: number } {
      const rows = claimDue.all({ now, end: endOfToday, at });
      const overdue = rows.filter(([isOverdue]) => isOverdue === 1).length;
      return { overdue, today: rows.length - overdue };
    },
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
