import { localToday } from '../../shared/domain/dates';
import { openDatabase } from '../db/connection';
import { loyaltyQueries } from '../db/loyalty';
import { runLoyaltySync } from '../services/loyaltySync';
import { parse, requireDb } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const pointsUsage = 'patron points --db FILE --customer ID|CODE [--sync] [--limit N] [--json]';

/** Prints one customer's points ledger (newest first), balance and level; --sync brings the ledger up to date first. */
export function pointsCommand(argv: string[], out: Streams): number {
  const v = parse('points', argv, {
    db: { type: 'string' },
    customer: { type: 'string' },
    sync: { type: 'boolean', default: false },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const file = requireDb('points', v.db);
  if (!v.customer) throw new CliError('patron points: --customer ID|CODE is required', 2);
  const limit = v.limit === undefined ? 1_000_000 : Number(v.limit);
  if (!Number.isInteger(limit) || limit <= 0) throw new CliError(`patron points: --limit must be a positive whole number, got "${v.limit ?? ''}"`, 2);
  const { db } = openDatabase(file);
  try {
    const q = loyaltyQueries(db);
    const customer = q.customerByCode(v.customer) ?? (/^\d+$/.test(v.customer) ? q.customerRef(Number(v.customer)) : undefined);
    if (!customer) throw new CliError(`patron points: no customer has the id or code "${v.customer}"`);
    const synced = v.sync ? runLoyaltySync(db, { asOf: localToday(), actor: 'cli' }) : null;
    const account = q.account(customer.id);
    const entries = q.entries(customer.id, limit);
    const report = {
      customer,
      level: account?.level ?? 'basic',
      levelManual: account?.level_manual === 1,
      balance: account?.balance ?? 0,
      ledgerSum: q.ledgerSum(customer.id),
      entryCount: q.entryCount(customer.id),
      entries: entries.map((e) => ({ id: e.id, onDate: e.on_date, kind: e.kind, points: e.points, refId: e.ref_id, rewardCode: e.reward_code, reason: e.reason })),
      ...(synced ? { synced } : {}),
    };
    if (v.json) {
      printJson(out, report);
      return 0;
    }
    printTable(out, [
      ['customer', `${customer.code} ${customer.name} (id ${customer.id})`],
      ['level', `${report.level}${report.levelManual ? ' (set by hand)' : ''}`],
      ['balance', report.balance],
      ['entries', report.entryCount],
    ]);
    if (entries.length > 0) {
      out.stdout.write('\ndate        kind      points  ref      reason\n');
      for (const e of entries) {
        out.stdout.write(`${e.on_date}  ${e.kind.padEnd(8)} ${String(e.points).padStart(7)}  ${String(e.ref_id ?? '').padEnd(7)}  ${e.reward_code ? `${e.reward_code} ` : ''}${e.reason ?? ''}\n`);
      }
    }
    return 0;
  } finally {
    db.close();
  }
}
