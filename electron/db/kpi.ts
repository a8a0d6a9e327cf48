import type { Database, Statement } from 'better-sqlite3';
import type { CompletenessField } from '../../shared/domain/completeness';
import type { Tier } from '../../shared/domain/enums';
import { addMonths, firstDay, nextFirstDay } from '../../shared/kpi/months';

/**
 * The dashboard's data layer: the inputs of every KPI for a range of months, read in a
 * few aggregate queries from the rollups (customer_monthly, customer_rollups), the latest
 * segmentation results, alerts, complaints, visit plans and the survey tables. Never
 * reads orders. Each query exists twice: for all customers and for one segment (effective
 * tier); the segment filter is an `IN` over a materialised id list.
 */

/** The effective tier of a customer (a manual override wins), as the segment filter. */
const SEGMENT = `SELECT c.id FROM customers c JOIN segment_results sr ON sr.customer_id = c.id WHERE coalesce(c.tier_override, sr.tier) = @tier`;

/** SQL that is true when a profile field is filled (shared/domain/completeness.ts isFilled). */
const FILLED: Record<CompletenessField, string> = {
  industry: "trim(coalesce(c.industry, '')) <> ''",
  region: "trim(coalesce(c.region, '')) <> ''",
  owner: 'c.owner_id IS NOT NULL',
  cooperationStart: "trim(coalesce(c.cooperation_start, '')) <> ''",
  contact: "trim(coalesce(pc.name, '')) <> ''",
  contactTitle: "trim(coalesce(pc.title, '')) <> ''",
  phone: "trim(coalesce(c.phone, '')) <> ''",
  email: "trim(coalesce(c.email, '')) <> ''",
  address: "trim(coalesce(c.address, '')) <> ''",
  tags: 'EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.customer_id = c.id)',
};

export interface KpiRange {
  /** The oldest month read (the first activity window starts here). */
  from: string;
  /** The newest month read (the selected month). */
  to: string;
  /** The months from..to concatenated ('YYYY-MM' each, 7 characters): bit i of an activity mask is month i. */
  monthList: string;
  tier: Tier | null;
  /** Now, ISO UTC: open/overdue states of the current month are read at this instant. */
  now: string;
}

export interface AtRiskRecord {
  id: number;
  code: string;
  name: string;
  tier: Tier;
  value_cents: number;
  predicted_cents: number | null;
  p_alive: number | null;
  last_order_date: string | null;
  open_alerts: number;
}

export interface ActionRecord {
  id: number;
  plan: string;
  measure: string;
  owner: string | null;
  due_date: string | null;
  status: string;
  done_on: string | null;
}

type Params = Record<string, string | number | null>;

/** Where the activity pass's SQL function writes: one per connection, filled by one read at a time. */
interface ActivitySink {
  masks: Int32Array;
  interactions: Float64Array;
}
const activitySinks = new WeakMap<Database, ActivitySink>();

/**
 * Registers patron_kpi_activity once per connection (redefining a function expires the
 * connection's prepared statements and fails while one runs): each customer_monthly row
 * of the range sets its month's bit in the customer's mask and adds its interactions.
 */
function activitySink(db: Database): ActivitySink {
  const known = activitySinks.get(db);
  if (known) return known;
  const sink: ActivitySink = { masks: new Int32Array(0), interactions: new Float64Array(0) };
  db.function('patron_kpi_activity', { deterministic: false, directOnly: true }, (id: number, bit: number, orders: number, interactions: number) => {
    if (orders > 0) sink.masks[id] = (sink.masks[id] ?? 0) | (1 << bit);
    if (interactions > 0) sink.interactions[bit] = (sink.interactions[bit] ?? 0) + interactions;
    return 0;
  });
  activitySinks.set(db, sink);
  return sink;
}

export function kpiQueries(db: Database) {
  const maxCustomerId = db.prepare('SELECT max(id) FROM customers').pluck();
  activitySink(db);
  const cache = new Map<string, Statement>();
  /** Prepares a statement once per segment variant: `{seg}` becomes the segment filter on `col` or nothing. */
  const stmt = (sql: string, segmented: boolean, col = 'customer_id'): Statement => {
    const key = `${segmented ? 1 : 0}${col}${sql}`;
    let s = cache.get(key);
    if (!s) {
      s = db.prepare(sql.replaceAll('{seg}', segmented ? `AND ${col} IN (${SEGMENT})` : ''));
      cache.set(key, s);
    }
    return s;
  };
  const run = <T>(sql: string, p: Params & { tier: Tier | null }, col?: string): T[] => {
    const params = p.tier === null ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'tier')) : p;
    return stmt(sql, p.tier !== null, col).raw().all(params) as T[];
  };
  /** One row as an array of numbers (every single-row query here is an aggregate). */
  const one = (sql: string, p: Params & { tier: Tier | null }, col?: string): number[] => {
    const params = p.tier === null ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'tier')) : p;
    return stmt(sql, p.tier !== null, col).raw().get(params) as number[];
  };
  const ids = (sql: string, p: Params): number[] => db.prepare<Params, number>(sql).pluck().all(p);

  return {
    /**
     * The whole activity history of the range in one pass over the customer_monthly
     * index: per customer a bit mask of the months it ordered in (bit i = i-th month from
     * `from`), counted per distinct mask, and the interactions per month. Every row goes
     * to an SQL function inside one count(), so no row array is made and nothing is
     * sorted (a GROUP BY customer_id over the ~900,000 rows of 15 months at 10M orders
     * cost more than the rest of the dashboard).
     */
    activity(r: KpiRange): { masks: [mask: number, customers: number][]; interactions: [month: string, count: number][] } {
      const months = r.monthList.length / 7;
      if (months > 30) throw new RangeError(`an activity range of ${String(months)} months does not fit a bit mask`);
      const maxId = (maxCustomerId.get() as number | null) ?? 0;
      const sink = activitySink(db);
      sink.masks = new Int32Array(maxId + 1);
      sink.interactions = new Float64Array(months);
      try {
        // One index range per month with its bit as a parameter: no date arithmetic per row.
        for (let bit = 0; bit < months; bit++) {
          one('SELECT count(patron_kpi_activity(customer_id, @bit, order_count, interaction_count)) FROM customer_monthly WHERE month = @month {seg}', {
            bit,
            month: r.monthList.slice(bit * 7, bit * 7 + 7),
            tier: r.tier,
          });
        }
        const counts = new Map<number, number>();
        for (const mask of sink.masks) if (mask !== 0) counts.set(mask, (counts.get(mask) ?? 0) + 1);
        const interactions: [string, number][] = [];
        sink.interactions.forEach((n, i) => {
          if (n > 0) interactions.push([addMonths(r.from, i), n]);
        });
        return { masks: [...counts], interactions };
      } finally {
        sink.masks = new Int32Array(0);
        sink.interactions = new Float64Array(0);
      }
    },

    /** Customers by the month of their first order (up to the end of the range). */
    firstOrdersByMonth(r: KpiRange): [string, number][] {
      return run('SELECT substr(first_order_date, 1, 7), count(*) FROM customer_rollups WHERE first_order_date < @end {seg} GROUP BY 1', { end: nextFirstDay(r.to), tier: r.tier });
    },

    /** Customers with orders and their total spend (historical value, today). */
    value(tier: Tier | null): [number, number] {
      const [n = 0, cents = 0] = one('SELECT count(*), total(total_cents) FROM customer_rollups WHERE order_count > 0 {seg}', { tier });
      return [n, cents];
    },

    /** Customers with a predicted lifetime value and its total (latest segmentation run). */
    predicted(tier: Tier | null): [number, number] {
      const [n = 0, cents = 0] = one('SELECT count(predicted_cents), total(predicted_cents) FROM segment_results WHERE true {seg}', { tier });
      return [n, cents];
    },

    /** Profiles and, per required field, how many have it filled (today). */
    completeness(fields: readonly CompletenessField[], tier: Tier | null): { profiles: number; filled: number[] } {
      if (fields.length === 0) return { profiles: one('SELECT count(*) FROM customers WHERE true {seg}', { tier }, 'id')[0] ?? 0, filled: [] };
      const row = one(
        `SELECT count(*), ${fields.map((f) => `coalesce(sum(${FILLED[f]}), 0)`).join(', ')}
           FROM customers c LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1 WHERE true {seg}`,
        { tier },
        'c.id',
      );
      return { profiles: row[0] ?? 0, filled: row.slice(1) };
    },

    /** Complaints opened per month. */
    complaintsByMonth(r: KpiRange): [string, number][] {
      return run('SELECT substr(opened_at, 1, 7), count(*) FROM complaints WHERE opened_at >= @start AND opened_at < @end {seg} GROUP BY 1', { start: firstDay(r.from), end: nextFirstDay(r.to), tier: r.tier });
    },

    /**
     * Complaints opened from a month before the range on (a deadline can fall in the next
     * month) with what their resolution deadline needs: the stored deadline, or severity
     * and hours to compute it for older rows that have none.
     */
    slaInputs(r: KpiRange): [openedAt: string, severity: string, hours: number | null, dueAt: string | null, resolvedAt: string | null][] {
      return run('SELECT opened_at, severity, resolution_hours, resolution_due_at, resolved_at FROM complaints WHERE opened_at >= @start AND opened_at < @end {seg}', {
        start: firstDay(addMonths(r.from, -1)),
        end: nextFirstDay(r.to),
        tier: r.tier,
      });
    },

    /** Alerts that were open at some point of the range (raised, due and closed times), for open/overdue at each month end. */
    alertsInRange(r: KpiRange): [string, string, string | null][] {
      return run('SELECT raised_at, due_at, closed_at FROM alerts WHERE raised_at < @end AND (closed_at IS NULL OR closed_at >= @start) {seg}', { start: firstDay(r.from), end: nextFirstDay(r.to), tier: r.tier });
    },

    /** Visits planned per month and how many were done (fully or partly). */
    visitsByMonth(r: KpiRange): [string, number, number][] {
      return run("SELECT substr(planned_date, 1, 7), count(*), coalesce(sum(status IN ('yes', 'partial')), 0) FROM visit_plans WHERE planned_date >= @start AND planned_date < @end {seg} GROUP BY 1", {
        start: firstDay(r.from),
        end: nextFirstDay(r.to),
        tier: r.tier,
      });
    },

    /** Survey forms sent per month. */
    formsSentByMonth(r: KpiRange): [string, number][] {
      return run('SELECT substr(sent_at, 1, 7), count(*) FROM survey_forms WHERE sent_at >= @start AND sent_at < @end {seg} GROUP BY 1', { start: firstDay(r.from), end: nextFirstDay(r.to), tier: r.tier });
    },

    /** Responses per month and their 0–10 recommendation answers (histogram). */
    npsByMonth(r: KpiRange): [string, number | null, number][] {
      return run('SELECT substr(responded_on, 1, 7), nps, count(*) FROM survey_responses WHERE responded_on >= @start AND responded_on < @end {seg} GROUP BY 1, 2', {
        start: firstDay(r.from),
        end: nextFirstDay(r.to),
        tier: r.tier,
      });
    },

    /** 5-point answers per month, dimension and score (histogram). */
    scoresByMonth(r: KpiRange): [string, string, number, number][] {
      return run(
        `SELECT substr(r.responded_on, 1, 7), q.dimension, a.score, count(*)
           FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id
          WHERE r.responded_on >= @start AND r.responded_on < @end AND a.score IS NOT NULL {seg} GROUP BY 1, 2, 3`,
        { start: firstDay(r.from), end: nextFirstDay(r.to), tier: r.tier },
        'r.customer_id',
      );
    },

    /** Improvement actions by status, and the open ones past their due date. */
    actionCounts(today: string): { open: number; overdue: number; done: number; cancelled: number } {
      const [open, overdue, done, cancelled] = db
        .prepare<[string], number[]>(
          `SELECT coalesce(sum(status IN ('todo', 'doing')), 0), coalesce(sum(status IN ('todo', 'doing') AND due_date < ?), 0),
                  coalesce(sum(status = 'done'), 0), coalesce(sum(status = 'cancelled'), 0) FROM improvement_actions`,
        )
        .raw()
        .get(today) as number[];
      return { open: open ?? 0, overdue: overdue ?? 0, done: done ?? 0, cancelled: cancelled ?? 0 };
    },

    /** Improvement actions that are open or were done in the month (for the report). */
    actions(start: string, end: string): ActionRecord[] {
      return db
        .prepare<[string, string], ActionRecord>(
          `SELECT a.id, p.title AS plan, a.measure, s.name AS owner, a.due_date, a.status, a.done_on
             FROM improvement_actions a JOIN improvement_plans p ON p.id = a.plan_id LEFT JOIN staff s ON s.id = a.owner_id
            WHERE a.status IN ('todo', 'doing') OR (a.done_on >= ? AND a.done_on < ?)
            ORDER BY a.status = 'done', a.due_date IS NULL, a.due_date, a.id LIMIT 500`,
        )
        .all(start, end);
    },

    /** High-value customers (effective tier) at risk: probability alive below the threshold or an open warning; most valuable first. */
    atRisk(pAliveBelow: number, limit: number): AtRiskRecord[] {
      return db
        .prepare<[number, number], AtRiskRecord>(
          `SELECT c.id, c.code, c.name, coalesce(c.tier_override, sr.tier) AS tier, sr.value_cents, sr.predicted_cents, sr.p_alive, r.last_order_date,
                  (SELECT count(*) FROM alerts a WHERE a.customer_id = c.id AND a.status IN ('open', 'in_progress')) AS open_alerts
             FROM segment_results sr JOIN customers c ON c.id = sr.customer_id LEFT JOIN customer_rollups r ON r.customer_id = c.id
            WHERE coalesce(c.tier_override, sr.tier) = 'high'
              AND (sr.p_alive < ? OR EXISTS (SELECT 1 FROM alerts a WHERE a.customer_id = c.id AND a.status IN ('open', 'in_progress')))
            ORDER BY sr.value_cents DESC, c.id LIMIT ?`,
        )
        .all(pAliveBelow, limit);
    },

    /** Segmentation runs (as-of day and summary JSON), oldest first, for the tier distribution over time. */
    runs(): { id: number; as_of: string; summary: string }[] {
      return db.prepare<[], { id: number; as_of: string; summary: string }>('SELECT id, as_of, summary FROM segment_runs ORDER BY as_of, id').all();
    },

    /** Complaints opened in the month with their SLA state (for the report). */
    complaintsIn(start: string, end: string) {
      return db
        .prepare<
          [string, string],
          { id: number; code: string; name: string; opened_at: string; severity: string; category: string | null; resolution_hours: number | null; resolution_due_at: string | null; resolved_at: string | null; escalated_at: string | null }
        >(
          `SELECT k.id, c.code, c.name, k.opened_at, k.severity, k.category, k.resolution_hours, k.resolution_due_at, k.resolved_at, k.escalated_at
             FROM complaints k JOIN customers c ON c.id = k.customer_id WHERE k.opened_at >= ? AND k.opened_at < ? ORDER BY k.opened_at, k.id LIMIT 5000`,
        )
        .all(start, end);
    },

    /** Customers by their activity in month `m` (the same windows as activity). */
    activityIds(m: string, window: number, which: 'active' | 'retained' | 'lost' | 'ordering'): number[] {
      const cond = {
        active: 'max(month >= @endFrom)',
        retained: 'max(month < @m) AND max(month >= @endFrom)',
        lost: 'max(month < @m) AND NOT max(month >= @endFrom)',
        ordering: 'max(month = @m)',
      }[which];
      return db
        .prepare<{ from: string; m: string; endFrom: string }, number>(`SELECT customer_id FROM customer_monthly WHERE month >= @from AND month <= @m AND order_count > 0 GROUP BY customer_id HAVING ${cond}`)
        .pluck()
        .all({ from: addMonths(m, -window), m, endFrom: addMonths(m, -window + 1) });
    },

    /** Complaints opened in [start, end) with their customer and deadline inputs. */
    complaintsOpenedFrom(start: string, end: string): [number, string, string, number | null, string | null, string | null][] {
      return db
        .prepare<[string, string], [number, string, string, number | null, string | null, string | null]>(
          'SELECT customer_id, opened_at, severity, resolution_hours, resolution_due_at, resolved_at FROM complaints WHERE opened_at >= ? AND opened_at < ?',
        )
        .raw()
        .all(start, end);
    },

    /** The customers behind the dashboard's figures (its click-through), each list in id order. */
    idsWithFirstOrderBefore: (end: string): number[] => ids('SELECT customer_id FROM customer_rollups WHERE first_order_date < @end ORDER BY 1', { end }),
    idsWithOrders: (): number[] => ids('SELECT customer_id FROM customer_rollups WHERE order_count > 0 ORDER BY 1', {}),
    idsWithPrediction: (): number[] => ids('SELECT customer_id FROM segment_results WHERE predicted_cents IS NOT NULL ORDER BY 1', {}),
    idsRespondedBetween: (start: string, end: string): number[] =>
      ids('SELECT DISTINCT customer_id FROM survey_responses WHERE responded_on >= @start AND responded_on < @end ORDER BY 1', { start, end }),
    idsComplainedBetween: (start: string, end: string): number[] =>
      ids('SELECT DISTINCT customer_id FROM complaints WHERE opened_at >= @start AND opened_at < @end ORDER BY 1', { start, end }),
    idsWithOpenAlertsAt: (at: string): number[] =>
      ids('SELECT DISTINCT customer_id FROM alerts WHERE raised_at < @at AND (closed_at IS NULL OR closed_at >= @at) ORDER BY 1', { at }),
    idsWithOverdueAlertsAt: (at: string): number[] =>
      ids('SELECT DISTINCT customer_id FROM alerts WHERE raised_at < @at AND (closed_at IS NULL OR closed_at >= @at) AND due_at < @at ORDER BY 1', { at }),
    idsVisitedBetween: (start: string, end: string): number[] =>
      ids('SELECT DISTINCT customer_id FROM visit_plans WHERE planned_date >= @start AND planned_date < @end ORDER BY 1', { start, end }),

    incompleteIds(fields: readonly CompletenessField[]): number[] {
      if (fields.length === 0) return [];
      return db
        .prepare<[], number>(`SELECT c.id FROM customers c LEFT JOIN contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1 WHERE NOT (${fields.map((f) => FILLED[f]).join(' AND ')}) ORDER BY c.id`)
        .pluck()
        .all();
    },

    tierIds(tier: Tier): number[] {
      return db.prepare<{ tier: string }, number>(`${SEGMENT} ORDER BY c.id`).pluck().all({ tier });
    },
  };
}

