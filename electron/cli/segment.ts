import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultSegmentSettings, segmentSettingsSchema } from '../../shared/analytics/settings';
import { isIsoDate, localToday } from '../../shared/domain/dates';
import { tiers } from '../../shared/domain/enums';
import { openDatabase } from '../db/connection';
import { writeAtomically } from '../export/safeWrite';
import { segmentQueries } from '../db/segments';
import { settingsQueries } from '../db/settings';
import { runSegmentation } from '../services/segmentRun';
import { SEGMENT_SETTINGS_KEY } from '../services/segments';
import { parse, requireDb } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const segmentUsage = 'patron segment --db FILE [--as-of YYYY-MM-DD] [--out FILE.csv|FILE.json] [--json]';

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);

/** Runs one segmentation with the database's saved settings, stores it as a 'cli' run and prints the figures. */
export async function segmentCommand(argv: string[], out: Streams): Promise<number> {
  const v = parse('segment', argv, { db: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('segment', v.db);
  const asOf = v['as-of'] ?? localToday();
  if (!isIsoDate(asOf)) throw new CliError(`patron segment: --as-of must be a date as YYYY-MM-DD, got "${asOf}"`, 2);
  const { db } = openDatabase(file);
  try {
    const saved = segmentSettingsSchema.safeParse(settingsQueries(db).get(SEGMENT_SETTINGS_KEY));
    const settings = saved.success ? saved.data : defaultSegmentSettings;
    const result = runSegmentation(db, { asOf, trigger: 'cli', settings });
    const s = result.summary;
    if (v.out) await writeResults(resolve(v.out), db);
    const report = {
      file,
      runId: result.runId,
      asOf,
      customers: s.customers,
      tiers: Object.fromEntries(tiers.map((t) => [t, { customers: s.tiers[t], share: pct(s.tiers[t], s.customers) }])),
      quadrants: s.quadrants,
      lifecycle: s.lifecycle,
      thresholds: s.thresholds,
      clv: result.clv,
      ms: result.timings,
      ...(v.out ? { out: resolve(v.out) } : {}),
    };
    if (v.json) {
      printJson(out, report);
    } else {
      printTable(out, [
        ['customers', s.customers],
        ...tiers.map((t): [string, string] => [`tier ${t}`, `${s.tiers[t]} (${pct(s.tiers[t], s.customers)} %)`]),
        ...Object.entries(s.quadrants).map(([q, n]): [string, number] => [`quadrant ${q}`, n]),
        ...Object.entries(s.lifecycle).map(([l, n]): [string, number] => [`lifecycle ${l}`, n]),
        ...Object.entries(result.clv).map(([kind, c]): [string, string] => [`clv ${kind}`, c.ok ? `fitted on ${c.customers} customers` : `not available: ${c.detail}`]),
      ]);
      if (v.out) out.stdout.write(`Per-customer results written to ${resolve(v.out)}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}

const csvCell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

function writeResults(path: string, db: ReturnType<typeof openDatabase>['db']): Promise<void> {
  const q = segmentQueries(db);
  const columns = new Map(q.customerColumns().map((c) => [c.customer_id, c]));
  const rows = q.results().map((r) => ({ ...r, effective_tier: columns.get(r.customer_id)?.effective_tier ?? r.tier, tier_override: columns.get(r.customer_id)?.tier_override ?? null }));
  let text: string;
  if (path.endsWith('.json')) text = `${JSON.stringify(rows, null, 2)}\n`;
  else {
    const header = Object.keys(rows[0] ?? { customer_id: null });
    text = `${[header.join(','), ...rows.map((r) => header.map((h) => csvCell((r as Record<string, string | number | null>)[h])).join(','))].join('\n')}\n`;
  }
  return writeAtomically(path, db.name, (temporary) => writeFileSync(temporary, text));
}
