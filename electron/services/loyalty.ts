import { localToday } from '../../shared/domain/dates';
import type { LevelDistribution, LoyaltyLevel, LoyaltyProfile, LoyaltySettings } from '../../shared/domain/loyalty';
import { loyaltyLevels } from '../../shared/domain/loyalty';
import { keyedError } from '../../shared/i18n/errors';
import { PatronError } from '../../shared/ipc/errors';
import { auditQueries } from '../db/audit';
import { loyaltyQueries, type LedgerRecord } from '../db/loyalty';
import { settingsQueries } from '../db/settings';
import { nowIso, type ServiceContext } from './context';
import { recomputeLevels } from './loyaltyLevels';
import { LOYALTY_JOB, LOYALTY_SETTINGS_KEY, readLoyaltySettings, readSyncState, type LoyaltySyncParams } from './loyaltySync';

const LIST_LIMIT = 200;
const BUSY_RETRIES = 3;
const BUSY_RETRY_MS = 2_000;
const CHANGED = ['points_ledger', 'loyalty_accounts', 'loyalty_level_history', 'audit_log'];

function entryDto(r: LedgerRecord) {
  return { id: r.id, onDate: r.on_date, kind: r.kind, points: r.points, refId: r.ref_id, rewardCode: r.reward_code, reason: r.reason, createdAt: r.created_at };
}

/** Loyalty use cases: the profile's section, redeem, adjust, manual level, referrer, settings and the sync job. */
export function loyaltyService(ctx: ServiceContext) {
  const q = loyaltyQueries(ctx.db);
  const audit = auditQueries(ctx.db);
  const store = settingsQueries(ctx.db);
  const settings = (): LoyaltySettings => readLoyaltySettings(ctx.db);
  const today = () => localToday(ctx.now());
  const running = () => ctx.jobs.running().find((j) => j.kind === LOYALTY_JOB) ?? null;

  const mustCustomer = (id: number) => {
    const c = q.customerRef(id);
    if (!c) throw keyedError('not_found', 'customerMissing', { id });
    return c;
  };

  const profile = (customerId: number): LoyaltyProfile => {
    mustCustomer(customerId);
    const s = settings();
    const acc = q.account(customerId);
    const level: LoyaltyLevel = acc?.level ?? 'basic';
    return {
      customerId,
      level,
      levelManual: acc?.level_manual === 1,
      benefits: s.levels.find((l) => l.level === level)?.benefits ?? '',
      balance: acc?.balance ?? 0,
      entryCount: q.entryCount(customerId),
      entries: q.entries(customerId, LIST_LIMIT).map(entryDto),
      levelHistory: q.history(customerId, LIST_LIMIT).map((h) => ({ id: h.id, onDate: h.on_date, from: h.from_level, to: h.to_level, reason: h.reason, metric: h.metric, actor: h.actor })),
      referrer: q.referrer(customerId) ?? null,
      referred: q.referred(customerId).map((r) => ({ id: r.id, code: r.code, name: r.name, rewarded: r.rewarded === 1 })),
      rewards: s.rewards,
    };
  };

  /** One manual entry: refused when it would take the balance below zero; audited; the level follows. */
  const addManual = (customerId: number, entry: { kind: 'redeem' | 'adjust'; points: number; rewardCode: string | null; reason: string; refused: (balance: number) => string }) => {
    const at = nowIso(ctx);
    ctx.db.transaction(() => {
      const c = mustCustomer(customerId);
      const balance = q.account(customerId)?.balance ?? 0;
      if (balance + entry.points < 0) throw new PatronError('conflict', `${c.code} ${c.name}: ${entry.refused(balance)}`);
      const id = q.addEntry({ customerId, onDate: today(), kind: entry.kind, points: entry.points, refId: null, rewardCode: entry.rewardCode, reason: entry.reason, createdAt: at });
      audit.record({ actor: ctx.actor, entity: 'points_entry', entityId: id, action: 'insert', field: entry.kind, oldValue: null, newValue: { customerId, points: entry.points, onDate: today(), rewardCode: entry.rewardCode, reason: entry.reason }, at });
      recomputeLevels(q, settings(), { asOf: today(), actor: ctx.actor, at, customerId });
    }).immediate();
    ctx.emit('db:changed', { tables: CHANGED });
    return profile(customerId);
  };

  /**
   * Starts a sync in a worker unless one is under way. A sync that finds the file
   * busy for longer than the busy timeout (a segmentation run or an import writing
   * at the same moment) tries again a little later, a few times.
   */
  const startSync = (attempt = 0): { jobId: string; alreadyRunning: boolean } => {
    const current = running();
    if (current) return { jobId: current.id, alreadyRunning: true };
    const params: LoyaltySyncParams = { asOf: today(), actor: ctx.actor, settings: settings() };
    const { id, outcome } = ctx.jobs.start(LOYALTY_JOB, params);
    void outcome.then((o) => {
      if (o.status !== 'failed') return;
      if (/database is locked|SQLITE_BUSY/i.test(o.message) && attempt < BUSY_RETRIES) {
        ctx.jobs.startLater(BUSY_RETRY_MS * (attempt + 1), () => startSync(attempt + 1));
        return;
      }
      console.error(`loyalty sync failed: ${o.message}`);
    });
    return { jobId: id, alreadyRunning: false };
  };

  return {
    settings,
    profile,
    saveSettings(next: LoyaltySettings): LoyaltySettings {
      store.set(LOYALTY_SETTINGS_KEY, next, nowIso(ctx));
      ctx.emit('db:changed', { tables: ['settings'] });
      // New rates, thresholds or a new start date take effect at once.
      startSync();
      return settings();
    },
    sync: () => startSync(),
    /** Call after an import has committed: new orders earn, levels follow. */
    afterImport: () => startSync(),

    redeem(customerId: number, rewardCode: string): LoyaltyProfile {
      const reward = settings().rewards.find((r) => r.code === rewardCode);
      if (!reward) throw new PatronError('not_found', `reward "${rewardCode}" is not in the reward catalogue`);
      return addManual(customerId, {
        kind: 'redeem',
        points: -reward.points,
        rewardCode: reward.code,
        reason: reward.name,
        refused: (balance) => `redeeming "${reward.name}" needs ${reward.points} points but the balance is ${balance}`,
      });
    },

    adjust(customerId: number, points: number, reason: string): LoyaltyProfile {
      return addManual(customerId, {
        kind: 'adjust',
        points,
        rewardCode: null,
        reason: reason.trim(),
        refused: (balance) => `an adjustment of ${points} points would take the balance of ${balance} below zero`,
      });
    },

    /** A level set by hand is kept by every recompute; null hands the level back to the rules. */
    setLevel(customerId: number, level: LoyaltyLevel | null): LoyaltyProfile {
      const at = nowIso(ctx);
      ctx.db.transaction(() => {
        mustCustomer(customerId);
        const acc = q.account(customerId);
        const from = acc?.level ?? 'basic';
        if (level === null) {
          if (acc?.level_manual !== 1) return;
          q.setLevel(customerId, from, false, at);
          q.addHistory({ customerId, onDate: today(), from, to: from, reason: 'automatic', metric: null, actor: ctx.actor, at });
          recomputeLevels(q, settings(), { asOf: today(), actor: ctx.actor, at, customerId });
          return;
        }
        q.setLevel(customerId, level, true, at);
        q.addHistory({ customerId, onDate: today(), from, to: level, reason: 'manual', metric: null, actor: ctx.actor, at });
      }).immediate();
      ctx.emit('db:changed', { tables: ['loyalty_accounts', 'loyalty_level_history'] });
      return profile(customerId);
    },

    /** Records who referred the customer (by the referrer's code); the reward follows at the next sync. */
    setReferrer(customerId: number, referrerCode: string | null): LoyaltyProfile {
      const at = nowIso(ctx);
      ctx.db.transaction(() => {
        const c = mustCustomer(customerId);
        const old = q.referrer(customerId) ?? null;
        let next: { id: number; code: string } | null = null;
        if (referrerCode === null) {
          q.clearReferral(customerId);
        } else {
          const r = q.customerByCode(referrerCode);
          if (!r) throw new PatronError('not_found', `referrer: no customer has the code "${referrerCode}"`);
          if (r.id === customerId) throw new PatronError('invalid_request', `referrer: ${c.code} cannot refer itself`);
          q.setReferral(customerId, r.id, at);
          next = r;
        }
        if ((old?.code ?? null) !== (next?.code ?? null)) {
          audit.record({ actor: ctx.actor, entity: 'referral', entityId: customerId, action: next ? (old ? 'update' : 'insert') : 'delete', field: 'referrer', oldValue: old?.code ?? null, newValue: next?.code ?? null, at });
        }
      }).immediate();
      ctx.emit('db:changed', { tables: ['referrals', 'audit_log'] });
      // A referred customer who has ordered already earns the referrer's reward now.
      startSync();
      return profile(customerId);
    },

    distribution(): LevelDistribution {
      const rows = new Map(q.distribution().map((r) => [r.level, r]));
      const levels = loyaltyLevels.map((level) => ({ level, customers: rows.get(level)?.customers ?? 0, manual: rows.get(level)?.manual ?? 0, points: rows.get(level)?.points ?? 0 }));
      return { levels, customers: levels.reduce((n, l) => n + l.customers, 0), lastSyncAt: readSyncState(ctx.db)?.at ?? null, running: running() !== null };
    },
  };
}
