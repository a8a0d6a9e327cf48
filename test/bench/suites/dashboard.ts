import { openDatabase } from '../../../electron/db/connection';
import { dashboardData, reportData } from '../../../electron/services/reports';
import { addMonths } from '../../../shared/kpi/months';
import { result, rssMb, timeIt, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

/**
 * The dashboard's data for a month (every KPI over 12 months, tiers over time, customers
 * at risk) on the shared demo database (goal ≤ 500 ms at 100k customers / 10M orders),
 * against one plain count over customer_monthly's trend range; and the report's extra lists.
 */
export function dashboardSuite(env: BenchEnv): BenchResult[] {
  const results: BenchResult[] = [];
  // Reads only: the shared file is opened as it is.
  const { db } = openDatabase(env.file);
  const month = addMonths(env.summary.asOf.slice(0, 7), -1);
  const now = `${env.summary.asOf}T12:00:00.000Z`;
  const rows = db.prepare('SELECT count(*) FROM customer_monthly WHERE month >= ? AND month <= ?').pluck();
  const from = addMonths(month, -14);
  let n = 0;
  const baseMs = timeIt(env.reps, () => {
    n = rows.get(from, month) as number;
  });
  let kpis = 0;
  const dashMs = timeIt(env.reps, () => {
    kpis = dashboardData(db, { month, tier: null }, now).kpis.length;
  });
  results.push(result('dashboard.data', env.customers, dashMs, baseMs, rssMb(), `${kpis} KPIs × 12 months for ${month} (goal ≤ 500 ms); baseline = count(*) over the ${n} customer_monthly rows of the range`));
  const tierMs = timeIt(env.reps, () => {
    dashboardData(db, { month, tier: 'high' }, now);
  });
  results.push(result('dashboard.data-segment', env.customers, tierMs, dashMs, rssMb(), 'the same for the high-value segment only; baseline = dashboard.data'));
  const reportMs = timeIt(env.reps, () => {
    reportData(db, month, now);
  });
  results.push(result('dashboard.report', env.customers, reportMs, dashMs, rssMb(), 'the manager report data (dashboard + migration, complaints with SLA, actions); baseline = dashboard.data'));
  db.close();
  return results;
}
