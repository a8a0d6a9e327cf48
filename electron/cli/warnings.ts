import { isIsoDate, localToday } from '../../shared/domain/dates';
import { formatEvidence } from '../../shared/warnings/evidence';
import { openDatabase } from '../db/connection';
import { warningQueries } from '../db/warnings';
import { runWarnings } from '../services/warningRun';
import { WARNING_SETTINGS_KEY } from '../services/warnings';
import { settingsQueries } from '../db/settings';
import { defaultWarningSettings, warningSettingsSchema } from '../../shared/warnings/settings';
import { parse, requireDb } from './args';
import { CliError, printJson, type Streams } from './output';

export const warningsUsage = 'patron warnings --db FILE [--as-of YYYY-MM-DD] [--json]';

/**
 * Runs every warning rule for a day with the database's saved settings (alerts are
 * raised, refreshed and closed as in the app) and prints the open alerts, most urgent first.
 * With --as-of the run happens at 00:00 UTC of that day, so a fixture can be stepped day by day.
 */
export function warningsCommand(argv: string[], out: Streams): number {
  const v = parse('warnings', argv, { db: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('warnings', v.db);
  const asOf = v['as-of'] ?? localToday();
  if (!isIsoDate(asOf)) throw new CliError(`patron warnings: --as-of must be a date as YYYY-MM-DD, got "${asOf}"`, 2);
  const now = v['as-of'] ? `${asOf}T00:00:00.000Z` : new Date().toISOString();
  const { db } = openDatabase(file);
  try {
    const saved = warningSettingsSchema.safeParse(settingsQueries(db).get(WARNING_SETTINGS_KEY));
    const settings = saved.success ? saved.data : defaultWarningSettings;
    const result = runWarnings(db, { asOf, now, trigger: 'cli', settings });
    const q = warningQueries(db);
    const alerts = [...q.overdue(now, 1e9), ...q.dueFrom(now, 1e9)].map((a) => ({
      id: a.id,
      customerId: a.customer_id,
      customer: a.customer_name,
      code: a.customer_code,
      tier: a.tier,
      rule: a.rule,
      evidence: JSON.parse(a.evidence) as unknown,
      evidenceText: formatEvidence(JSON.parse(a.evidence) as Parameters<typeof formatEvidence>[0]),
      raisedAt: a.raised_at,
      dueAt: a.due_at,
      assignee: a.assignee_name,
      status: a.status,
    }));
    if (v.json) {
      printJson(out, { file, asOf, customers: result.customers, raised: result.raised, closed: result.closed, open: result.open, ms: result.timings, alerts });
    } else {
      out.stdout.write(`${asOf}: ${result.open} open alerts (${result.raised} raised, ${result.closed} closed) over ${result.customers} customers in ${result.timings.read + result.timings.evaluate} ms\n`);
      for (const a of alerts) out.stdout.write(`${a.dueAt.slice(0, 16).replace('T', ' ')}  ${(a.tier ?? '-').padEnd(9)} ${a.code.padEnd(10)} ${a.customer}  [${a.rule}] ${a.evidenceText}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}
