import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { defaultLoyaltySettings, loyaltySettingsSchema, monthsBefore, type LoyaltySettings, type LoyaltySyncResult } from '../../shared/domain/loyalty';
import { loyaltyQueries } from '../db/loyalty';
import { settingsQueries } from '../db/settings';
import { recomputeLevels } from './loyaltyLevels';

/** Settings-table keys: the programme's knobs, and how far the order sync has got. */
export const LOYALTY_SETTINGS_KEY = 'loyalty';
export const LOYALTY_SYNC_STATE_KEY = 'loyalty.sync';
export const LOYALTY_JOB = 'loyalty-sync';
/** Tables a sync writes, announced as `db:changed`. */
export const LOYALTY_TABLES = ['points_ledger', 'loyalty_accounts', 'loyalty_level_history', 'audit_log', 'settings'];

const syncStateSchema = z.object({ orderId: z.number().int(), start: z.string().nullable(), at: z.string() });
export type SyncState = z.infer<typeof syncStateSchema>;

export function readLoyaltySettings(db: Database): LoyaltySettings {
  const parsed = loyaltySettingsSchema.safeParse(settingsQueries(db).get(LOYALTY_SETTINGS_KEY));
  return parsed.success ? parsed.data : defaultLoyaltySettings;
}

export function readSyncState(db: Database): SyncState | null {
  const parsed = syncStateSchema.safeParse(settingsQueries(db).get(LOYALTY_SYNC_STATE_KEY));
  return parsed.success ? parsed.data : null;
}

export interface LoyaltySyncParams {
  asOf: string;
  actor: string;
  /** Read from the database when absent (the CLI passes none). */
  settings?: LoyaltySettings;
  /** The audit batch of the sync's entries (a fresh one when absent; the demo passes a fixed one to stay deterministic). */
  batchId?: string;
}

/**
 * Brings the ledger up to date with the orders, in one transaction: one earn
 * entry per order since the last sync (unique by order id, so a repeat is a
 * no-op), birthday and campaign bonuses for those orders, referral rewards
 * for referred customers whose first order has arrived, expiry, balances,
 * one audit row per entry, and every automatic level. Only orders after the
 * last synced order id are read, so a sync after an import touches just the
 * new orders; a changed programme start rescans all orders (still idempotent).
 */
export function runLoyaltySync(db: Database, params: LoyaltySyncParams, hooks: { now?: () => Date; progress?: (done: number, total: number) => void; checkCancelled?: () => void } = {}): LoyaltySyncResult {
  const started = performance.now();
  const now = hooks.now ?? (() => new Date());
  const progress = hooks.progress ?? (() => undefined);
  const checkCancelled = hooks.checkCancelled ?? (() => undefined);
  const settings = params.settings ?? readLoyaltySettings(db);
  const q = loyaltyQueries(db);
  const store = settingsQueries(db);
  const at = now().toISOString();
  const STEPS = 5;
  return db.transaction((): LoyaltySyncResult => {
    progress(0, STEPS);
    const state = readSyncState(db);
    const afterOrder = state && state.start === settings.programStart ? state.orderId : 0;
    const lastOrder = q.maxOrderId();
    const before = q.maxEntryId();
    const start = settings.programStart ?? '0000-01-01';
    const earned = q.earnFromOrders({ afterOrder, start: settings.programStart, rate: settings.earnRate, rounding: settings.rounding, at });
    progress(1, STEPS);
    checkCancelled();
    const bonuses = q.bonuses({ after: before, birthdayMultiplier: settings.birthdayMultiplier, campaigns: settings.campaigns, rounding: settings.rounding, at });
    const referrals = q.referralRewards({ start, points: settings.referralReward, at });
    progress(2, STEPS);
    checkCancelled();
    const expired = settings.expiryMonths > 0 ? q.expire({ cutoff: monthsBefore(params.asOf, settings.expiryMonths), asOf: params.asOf, at }) : 0;
    q.applyBalances(before, at);
    q.auditEntries(before, at, params.actor, params.batchId ?? `loyalty-sync-${randomUUID()}`);
    progress(3, STEPS);
    checkCancelled();
    const levelChanges = recomputeLevels(q, settings, { asOf: params.asOf, actor: params.actor, at });
    progress(4, STEPS);
    checkCancelled();
    store.set(LOYALTY_SYNC_STATE_KEY, { orderId: lastOrder, start: settings.programStart, at } satisfies SyncState, at);
    progress(STEPS, STEPS);
    return { earned, bonuses, referrals, expired, levelChanges, ms: Math.round(performance.now() - started) };
  }).immediate();
}
