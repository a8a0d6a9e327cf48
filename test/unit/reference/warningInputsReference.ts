/**
 * The object-per-customer reading of the warning rule inputs before the columnar
 * rewrite (issue 7 speed goal), kept as the oracle of test/unit/warningColumns.test.ts
 * and as the same-run "before" of the warnings bench. Evaluate its result with
 * evaluateAll from shared/warnings/rules.ts (unchanged).
 */
import type { Database } from 'better-sqlite3';
import type { CustomerStatus, Tier } from '../../../shared/domain/enums';
import { lastCompleteMonths, type WarningInput } from '../../../shared/warnings/rules';

export function referenceWarningInputs(db: Database): (asOf: string, feedbackSince: string) => WarningInput[] & { owners: Map<number, number | null> } {
  const base = db
    .prepare<[], [number, CustomerStatus, number | null, Tier | null, string | null, string | null, number | null]>(
      `SELECT c.id, c.status, c.owner_id, coalesce(c.tier_override, sr.tier), r.last_order_date, substr(r.last_interaction_at, 1, 10), sr.p_alive
         FROM customers c
         LEFT JOIN customer_rollups r ON r.customer_id = c.id
         LEFT JOIN segment_results sr ON sr.customer_id = c.id
        ORDER BY c.id`,
    )
    .raw();
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
  const lowScores = db
    .prepare<[string, string], [number, number, string | null, string | null, number | null, number | null]>(
      `SELECT customer_id, min(score), day, form_no, min_score, nps FROM (
         SELECT customer_id, satisfaction AS score, substr(coalesce(resolved_at, opened_at), 1, 10) AS day, NULL AS form_no, satisfaction AS min_score, NULL AS nps
           FROM complaints WHERE satisfaction IS NOT NULL AND substr(coalesce(resolved_at, opened_at), 1, 10) >= ?
         UNION ALL
         SELECT r.customer_id, CASE WHEN r.nps <= 6 THEN 0 ELSE r.min_score END, r.responded_on, f.form_no, r.min_score, r.nps
           FROM survey_responses r JOIN survey_forms f ON f.id = r.form_id
          WHERE r.responded_on >= ? AND (r.min_score IS NOT NULL OR r.nps <= 6)
       ) GROUP BY customer_id`,
    )
    .raw();

  return (asOf, feedbackSince) => {
    const [m1, m2, m3] = lastCompleteMonths(asOf);
    const amounts = new Map<number, [number, number, number]>();
    for (const [id, a, b, c] of monthly.all({ m1, m2, m3 })) amounts.set(id, [a, b, c]);
    const complaints = new Map(openComplaints.all().map(([id, n, oldest]) => [id, { n, oldest }]));
    const scores = new Map(
      lowScores.all(feedbackSince, feedbackSince).map(([id, score, day, formNo, minScore, nps]) => [id, { score, day, survey: formNo === null ? null : { formNo, minScore, nps } }]),
    );
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
  };
}
