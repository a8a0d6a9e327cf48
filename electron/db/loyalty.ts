import type { Database } from 'better-sqlite3';
import type { Campaign, LedgerKind, LevelBasis, LoyaltyLevel, RoundingMode } from '../../shared/domain/loyalty';

export interface AccountRecord {
  customer_id: number;
  balance: number;
  level: LoyaltyLevel;
  level_manual: number;
}

export interface LedgerRecord {
  id: number;
  customer_id: number;
  on_date: string;
  kind: LedgerKind;
  points: number;
  ref_id: number | null;
  reward_code: string | null;
  reason: string | null;
  created_at: string;
}

export interface LevelHistoryRecord {
  id: number;
  on_date: string;
  from_level: LoyaltyLevel;
  to_level: LoyaltyLevel;
  reason: 'recompute' | 'manual' | 'automatic';
  metric: number | null;
  actor: string;
}

export interface NewEntry {
  customerId: number;
  onDate: string;
  kind: LedgerKind;
  points: number;
  refId: number | null;
  rewardCode: string | null;
  reason: string | null;
  createdAt: string;
}

/** The added term that turns integer division into floor, half-up or ceiling for a divisor. */
const roundingAdd = (mode: RoundingMode, divisor: number) => (mode === 'floor' ? 0 : mode === 'round' ? divisor / 2 : divisor - 1);

/**
 * The figure levels are computed from, per customer: cents spent in the 12
 * calendar months up to the as-of month (from the rollup table the order
 * triggers keep, never from the orders), or points earned in the 12 months
 * before the as-of date (earn, bonus and referral entries).
 */
function metricSql(basis: LevelBasis, oneCustomer: boolean): string {
  if (basis === 'spend12m') {
    return `SELECT customer_id, sum(amount_cents) AS metric FROM customer_monthly
             WHERE month BETWEEN @fromMonth AND @toMonth${oneCustomer ? ' AND customer_id = @cid' : ''} GROUP BY customer_id`;
  }
  return `SELECT customer_id, sum(points) AS metric FROM points_ledger
           WHERE kind IN ('earn', 'bonus', 'referral') AND on_date > @fromDate AND on_date <= @asOf${oneCustomer ? ' AND customer_id = @cid' : ''} GROUP BY customer_id`;
}

export interface MetricWindow {
  asOf: string;
  fromDate: string;
  fromMonth: string;
  toMonth: string;
}

export type LoyaltyQueries = ReturnType<typeof loyaltyQueries>;

export function loyaltyQueries(db: Database) {
  const account = db.prepare<[number], AccountRecord>('SELECT customer_id, balance, level, level_manual FROM loyalty_accounts WHERE customer_id = ?');
  const ledgerSum = db.prepare<[number], number>('SELECT COALESCE(sum(points), 0) FROM points_ledger WHERE customer_id = ?').pluck();
  const entryCount = db.prepare<[number], number>('SELECT count(*) FROM points_ledger WHERE customer_id = ?').pluck();
  const entries = db.prepare<[number, number], LedgerRecord>('SELECT * FROM points_ledger WHERE customer_id = ? ORDER BY id DESC LIMIT ?');
  const insertEntry = db.prepare(
    `INSERT INTO points_ledger (customer_id, on_date, kind, points, ref_id, reward_code, reason, created_at)
     VALUES (@customerId, @onDate, @kind, @points, @refId, @rewardCode, @reason, @createdAt)`,
  );
  // UPDATE first: an upsert would check balance >= 0 on the row it tries to insert (a negative entry) before it sees the conflict.
  const addBalance = db.prepare<{ customerId: number; points: number; at: string }>('UPDATE loyalty_accounts SET balance = balance + @points, updated_at = @at WHERE customer_id = @customerId');
  const newAccount = db.prepare<{ customerId: number; points: number; at: string }>('INSERT INTO loyalty_accounts (customer_id, balance, updated_at) VALUES (@customerId, @points, @at)');
  const setLevel = db.prepare<{ customerId: number; level: LoyaltyLevel; manual: number; at: string }>(
    `INSERT INTO loyalty_accounts (customer_id, level, level_manual, updated_at) VALUES (@customerId, @level, @manual, @at)
     ON CONFLICT (customer_id) DO UPDATE SET level = excluded.level, level_manual = excluded.level_manual, updated_at = excluded.updated_at`,
  );
  const insertHistory = db.prepare<{ customerId: number; onDate: string; from: LoyaltyLevel; to: LoyaltyLevel; reason: string; metric: number | null; actor: string; at: string }>(
    `INSERT INTO loyalty_level_history (customer_id, on_date, from_level, to_level, reason, metric, actor, created_at)
     VALUES (@customerId, @onDate, @from, @to, @reason, @metric, @actor, @at)`,
  );
  const history = db.prepare<[number, number], LevelHistoryRecord>(
    'SELECT id, on_date, from_level, to_level, reason, metric, actor FROM loyalty_level_history WHERE customer_id = ? ORDER BY id DESC LIMIT ?',
  );
  const maxEntryId = db.prepare<[], number>('SELECT COALESCE(max(id), 0) FROM points_ledger').pluck();
  const maxOrderId = db.prepare<[], number>('SELECT COALESCE(max(id), 0) FROM orders').pluck();
  const customerRef = db.prepare<[number], { id: number; code: string; name: string }>('SELECT id, code, name FROM customers WHERE id = ?');
  const customerByCode = db.prepare<[string], { id: number; code: string; name: string }>('SELECT id, code, name FROM customers WHERE code = ?');
  const referrer = db.prepare<[number], { id: number; code: string; name: string }>(
    'SELECT c.id, c.code, c.name FROM referrals r JOIN customers c ON c.id = r.referrer_id WHERE r.customer_id = ?',
  );
  const referred = db.prepare<[number], { id: number; code: string; name: string; rewarded: number }>(
    `SELECT c.id, c.code, c.name, EXISTS (SELECT 1 FROM points_ledger p WHERE p.kind = 'referral' AND p.ref_id = c.id) AS rewarded
       FROM referrals r JOIN customers c ON c.id = r.customer_id WHERE r.referrer_id = ? ORDER BY c.code`,
  );
  const setReferral = db.prepare<[number, number, string]>(
    'INSERT INTO referrals (customer_id, referrer_id, created_at) VALUES (?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET referrer_id = excluded.referrer_id, created_at = excluded.created_at',
  );
  const clearReferral = db.prepare<[number]>('DELETE FROM referrals WHERE customer_id = ?');
  const distribution = db.prepare<[], { level: LoyaltyLevel; customers: number; manual: number; points: number }>(
    `SELECT COALESCE(a.level, 'basic') AS level, count(*) AS customers, COALESCE(sum(a.level_manual), 0) AS manual, COALESCE(sum(a.balance), 0) AS points
       FROM customers c LEFT JOIN loyalty_accounts a ON a.customer_id = c.id GROUP BY 1`,
  );

  // Sync statements: whole-table INSERT … SELECT, so a million orders never cross into JavaScript.
  const earnColumns = `INSERT INTO points_ledger (customer_id, on_date, kind, points, ref_id, created_at)
     SELECT customer_id, order_date, 'earn', (amount_cents * CAST(@rate AS INTEGER) + CAST(@add AS INTEGER)) / 10000, id, @at FROM orders`;
  const earnable = 'amount_cents > 0 AND (amount_cents * CAST(@rate AS INTEGER) + CAST(@add AS INTEGER)) / 10000 > 0';
  // After a sync: only orders above the last synced id (a rowid range). A first sync
  // from a programme start reads the start's date range through orders_date instead of
  // walking every order.
  const earnSince = db.prepare<{ afterOrder: number; start: string; rate: number; add: number; at: string }>(
    `${earnColumns} WHERE id > @afterOrder AND order_date >= @start AND ${earnable} ON CONFLICT DO NOTHING`,
  );
  const earnFromDate = db.prepare<{ start: string; rate: number; add: number; at: string }>(
    `${earnColumns} WHERE order_date >= @start AND ${earnable} ON CONFLICT DO NOTHING`,
  );
  const referralRewards = db.prepare<{ start: string; points: number; at: string }>(
    `INSERT INTO points_ledger (customer_id, on_date, kind, points, ref_id, reason, created_at)
     SELECT rf.referrer_id, r.first_order_date, 'referral', CAST(@points AS INTEGER), rf.customer_id, 'referral', @at
       FROM referrals rf JOIN customer_rollups r ON r.customer_id = rf.customer_id
      WHERE r.first_order_date IS NOT NULL AND r.first_order_date >= @start
        AND NOT EXISTS (SELECT 1 FROM points_ledger p WHERE p.kind = 'referral' AND p.ref_id = rf.customer_id)
     ON CONFLICT DO NOTHING`,
  );
  // Oldest points go first: what expires is what was earned before the cutoff and
  // not yet used up by redemptions, negative adjustments or earlier expiries.
  // That is at most the balance, so an expiry never makes it negative.
  const expire = db.prepare<{ cutoff: string; asOf: string; at: string }>(
    `INSERT INTO points_ledger (customer_id, on_date, kind, points, reason, created_at)
     SELECT customer_id, @asOf, 'expire', used - old_points, 'expiry', @at FROM (
       SELECT customer_id,
              sum(CASE WHEN points > 0 AND on_date < @cutoff THEN points ELSE 0 END) AS old_points,
              sum(CASE WHEN points < 0 THEN -points ELSE 0 END) AS used
         FROM points_ledger GROUP BY customer_id)
      WHERE old_points > used`,
  );
  // Existing accounts move by the net of the new entries (which may be negative: an expiry);
  // customers new to the ledger get an account with that net (never negative for them).
  const balancesUpdate = db.prepare<{ after: number; at: string }>(
    `UPDATE loyalty_accounts SET balance = balance + d.points, updated_at = @at
       FROM (SELECT customer_id, sum(points) AS points FROM points_ledger WHERE id > @after GROUP BY customer_id) AS d
      WHERE loyalty_accounts.customer_id = d.customer_id`,
  );
  const balancesInsert = db.prepare<{ after: number; at: string }>(
    `INSERT INTO loyalty_accounts (customer_id, balance, updated_at)
     SELECT customer_id, sum(points), @at FROM points_ledger
      WHERE id > @after AND customer_id NOT IN (SELECT customer_id FROM loyalty_accounts) GROUP BY customer_id`,
  );
  const auditAfter = db.prepare<{ after: number; at: string; actor: string; batch: string }>(
    `INSERT INTO audit_log (at, actor, entity, entity_id, action, field, old_value, new_value, batch_id)
     SELECT @at, @actor, 'points_entry', id, 'insert', kind, NULL,
            json_object('customerId', customer_id, 'points', points, 'onDate', on_date, 'refId', ref_id, 'reason', reason), @batch
       FROM points_ledger WHERE id > @after`,
  );
  const countKind = db.prepare<{ after: number; kind: LedgerKind }, number>('SELECT count(*) FROM points_ledger WHERE id > @after AND kind = @kind').pluck();
  // The new level is worked out in SQL into a scratch table of changes only, and both
  // writes (accounts, history) are one INSERT … SELECT each: a recompute over 100,000
  // customers never moves rows into JavaScript.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS loyalty_level_changes (
    customer_id INTEGER PRIMARY KEY, metric INTEGER NOT NULL, from_level TEXT NOT NULL, to_level TEXT NOT NULL)`);
  const clearChanges = db.prepare('DELETE FROM temp.loyalty_level_changes');
  const writeChangedLevels = db.prepare<{ at: string }>(
    `INSERT INTO loyalty_accounts (customer_id, level, level_manual, updated_at)
     SELECT customer_id, to_level, 0, @at FROM temp.loyalty_level_changes WHERE true
     ON CONFLICT (customer_id) DO UPDATE SET level = excluded.level, level_manual = 0, updated_at = excluded.updated_at`,
  );
  const writeChangeHistory = db.prepare<{ onDate: string; actor: string; at: string }>(
    `INSERT INTO loyalty_level_history (customer_id, on_date, from_level, to_level, reason, metric, actor, created_at)
     SELECT customer_id, @onDate, from_level, to_level, 'recompute', metric, @actor, @at FROM temp.loyalty_level_changes ORDER BY customer_id`,
  );
  const levelStmts = new Map<string, ReturnType<typeof db.prepare>>();
  const findLevelChanges = (basis: LevelBasis, w: MetricWindow, thresholds: readonly number[], cid: number | null): number => {
    const key = `${basis}:${cid === null ? 'all' : 'one'}`;
    let stmt = levelStmts.get(key);
    if (!stmt) {
      stmt = db.prepare(
        `INSERT INTO temp.loyalty_level_changes (customer_id, metric, from_level, to_level)
         WITH m AS (${metricSql(basis, cid !== null)}),
              n AS (SELECT c.id AS customer_id, COALESCE(m.metric, 0) AS metric, COALESCE(a.level, 'basic') AS level
                      FROM customers c LEFT JOIN m ON m.customer_id = c.id LEFT JOIN loyalty_accounts a ON a.customer_id = c.id
                     WHERE COALESCE(a.level_manual, 0) = 0${cid === null ? '' : ' AND c.id = @cid'})
         SELECT customer_id, metric, level, to_level FROM (
           SELECT customer_id, metric, level,
                  CASE WHEN metric >= CAST(@t3 AS INTEGER) THEN 'diamond' WHEN metric >= CAST(@t2 AS INTEGER) THEN 'gold'
                       WHEN metric >= CAST(@t1 AS INTEGER) THEN 'silver' ELSE 'basic' END AS to_level
             FROM n)
          WHERE to_level <> level`,
      );
      levelStmts.set(key, stmt);
    }
    const params: Record<string, string | number> = basis === 'spend12m' ? { fromMonth: w.fromMonth, toMonth: w.toMonth } : { fromDate: w.fromDate, asOf: w.asOf };
    thresholds.slice(1).forEach((t, i) => (params[`t${i + 1}`] = t));
    if (cid !== null) params.cid = cid;
    return stmt.run(params).changes;
  };

  return {
    account: (id: number): AccountRecord | undefined => account.get(id),
    ledgerSum: (id: number): number => ledgerSum.get(id) ?? 0,
    entryCount: (id: number): number => entryCount.get(id) ?? 0,
    entries: (id: number, limit: number): LedgerRecord[] => entries.all(id, limit),
    history: (id: number, limit: number): LevelHistoryRecord[] => history.all(id, limit),
    /** Writes one entry and moves the balance by the same points; call inside the caller's transaction. */
    addEntry(e: NewEntry): number {
      const id = Number(insertEntry.run(e).lastInsertRowid);
      const move = { customerId: e.customerId, points: e.points, at: e.createdAt };
      if (addBalance.run(move).changes === 0) newAccount.run(move);
      return id;
    },
    setLevel: (customerId: number, level: LoyaltyLevel, manual: boolean, at: string) => setLevel.run({ customerId, level, manual: manual ? 1 : 0, at }),
    addHistory: (h: { customerId: number; onDate: string; from: LoyaltyLevel; to: LoyaltyLevel; reason: 'recompute' | 'manual' | 'automatic'; metric: number | null; actor: string; at: string }) => insertHistory.run(h),
    /**
     * Moves every customer without a manual level (or just `cid`) to the level its
     * figure reaches (thresholds in the figure's unit, basic first) and records each
     * change; returns how many changed.
     */
    applyLevels(p: { basis: LevelBasis; window: MetricWindow; thresholds: readonly number[]; cid: number | null; actor: string; at: string }): number {
      clearChanges.run();
      const changed = findLevelChanges(p.basis, p.window, p.thresholds, p.cid);
      if (changed > 0) {
        writeChangedLevels.run({ at: p.at });
        writeChangeHistory.run({ onDate: p.window.asOf, actor: p.actor, at: p.at });
      }
      clearChanges.run();
      return changed;
    },
    maxEntryId: (): number => maxEntryId.get() ?? 0,
    maxOrderId: (): number => maxOrderId.get() ?? 0,
    customerRef: (id: number) => customerRef.get(id),
    customerByCode: (code: string) => customerByCode.get(code),
    referrer: (id: number) => referrer.get(id),
    referred: (id: number) => referred.all(id),
    setReferral: (customerId: number, referrerId: number, at: string) => setReferral.run(customerId, referrerId, at),
    clearReferral: (customerId: number) => clearReferral.run(customerId),
    distribution: () => distribution.all(),

    /** `start` null: all history earns (one pass over the orders in id order). */
    earnFromOrders(p: { afterOrder: number; start: string | null; rate: number; rounding: RoundingMode; at: string }): number {
      const common = { start: p.start ?? '0000-01-01', rate: Math.round(p.rate * 100), add: roundingAdd(p.rounding, 10_000), at: p.at };
      return (p.afterOrder === 0 && p.start !== null ? earnFromDate.run(common) : earnSince.run({ ...common, afterOrder: p.afterOrder })).changes;
    },
    /**
     * One bonus entry per earn entry written after `after` whose order falls in
     * the primary contact's birthday month or in a campaign; the extra
     * multipliers add up (×2 birthday and ×3 campaign give 1 + 1 + 2 = 4 × base).
     */
    bonuses(p: { after: number; birthdayMultiplier: number; campaigns: readonly Campaign[]; rounding: RoundingMode; at: string }): number {
      const params: Record<string, string | number> = { after: p.after, bday: Math.round((p.birthdayMultiplier - 1) * 100), add: roundingAdd(p.rounding, 100), at: p.at };
      const extra = ["(CASE WHEN substr(pc.birthday, 6, 2) = substr(e.on_date, 6, 2) THEN CAST(@bday AS INTEGER) ELSE 0 END)"];
      const reason = ["(CASE WHEN @bday > 0 AND substr(pc.birthday, 6, 2) = substr(e.on_date, 6, 2) THEN 'birthday; ' ELSE '' END)"];
      p.campaigns.forEach((c, i) => {
        Object.assign(params, { [`f${i}`]: c.from, [`t${i}`]: c.to, [`x${i}`]: Math.round((c.multiplier - 1) * 100), [`n${i}`]: `campaign:${c.name}; ` });
        extra.push(`(CASE WHEN e.on_date BETWEEN @f${i} AND @t${i} THEN CAST(@x${i} AS INTEGER) ELSE 0 END)`);
        reason.push(`(CASE WHEN @x${i} > 0 AND e.on_date BETWEEN @f${i} AND @t${i} THEN @n${i} ELSE '' END)`);
      });
      // Built per run from the campaign list (a handful of terms), with every value bound.
      const stmt = db.prepare(
        `INSERT INTO points_ledger (customer_id, on_date, kind, points, ref_id, reason, created_at)
         SELECT customer_id, on_date, 'bonus', (points * extra + CAST(@add AS INTEGER)) / 100, ref_id, substr(reason, 1, length(reason) - 2), @at FROM (
           SELECT e.customer_id, e.on_date, e.points, e.ref_id, ${extra.join(' + ')} AS extra, ${reason.join(' || ')} AS reason
             FROM points_ledger e LEFT JOIN contacts pc ON pc.customer_id = e.customer_id AND pc.is_primary = 1
            WHERE e.id > @after AND e.kind = 'earn')
          WHERE extra > 0 AND (points * extra + CAST(@add AS INTEGER)) / 100 > 0
         ON CONFLICT DO NOTHING`,
      );
      return stmt.run(params).changes;
    },
    referralRewards: (p: { start: string; points: number; at: string }): number => (p.points > 0 ? referralRewards.run(p).changes : 0),
    expire: (p: { cutoff: string; asOf: string; at: string }): number => expire.run(p).changes,
    /** Moves every balance by the entries written after `after` (one grouped upsert). */
    applyBalances(after: number, at: string): void {
      balancesUpdate.run({ after, at });
      balancesInsert.run({ after, at });
    },
    /** One audit row per entry written after `after`. */
    auditEntries: (after: number, at: string, actor: string, batch: string) => auditAfter.run({ after, at, actor, batch }),
    countKind: (after: number, kind: LedgerKind): number => countKind.get({ after, kind }) ?? 0,
  };
}

/**
 * Sets each customer's stored points balance to the sum of its ledger. A merge
 * moves ledger rows from one customer to another (and its undo moves them back)
 * through the generic customer-reference moves, which know nothing of balances.
 */
export function reconcileBalances(db: Database, customerIds: readonly number[], at: string): void {
  const upsert = db.prepare<{ id: number; at: string }>(
    `INSERT INTO loyalty_accounts (customer_id, balance, updated_at)
       SELECT c.id, (SELECT COALESCE(sum(points), 0) FROM points_ledger WHERE customer_id = c.id), @at FROM customers c
        WHERE c.id = @id AND (EXISTS (SELECT 1 FROM points_ledger WHERE customer_id = c.id) OR EXISTS (SELECT 1 FROM loyalty_accounts WHERE customer_id = c.id))
     ON CONFLICT (customer_id) DO UPDATE SET balance = excluded.balance, updated_at = excluded.updated_at`,
  );
  for (const id of customerIds) upsert.run({ id, at });
}
