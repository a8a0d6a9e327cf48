import type { Database } from 'better-sqlite3';
import { addDays } from '../../../shared/domain/dates';
import { defaultLoyaltySettings, type LoyaltySettings } from '../../../shared/domain/loyalty';
import { insertDemoReferrals } from '../../db/demo';
import { settingsQueries } from '../../db/settings';
import { LOYALTY_SETTINGS_KEY, runLoyaltySync } from '../loyaltySync';

/** How many referred customers the demo records: a handful, whatever the database size. */
const REFERRALS = 12;

/**
 * Demo loyalty data, derived from the generated rows without random draws (so it
 * is deterministic): a programme that started six days before the as-of date (so
 * the sync writes only that week's orders, keeping `patron demo` at 10M orders
 * within a few seconds), a few referrals, and one synced ledger.
 */
export function writeDemoLoyalty(db: Database, asOf: string): void {
  const start = addDays(asOf, -6);
  const at = `${asOf}T12:00:00.000Z`;
  // Thresholds near the 55th, 75th and 90th percentile of the demo's 12-month spend.
  const settings: LoyaltySettings = {
    ...defaultLoyaltySettings,
    programStart: start,
    campaigns: [{ name: '会员周末 Member weekend', from: addDays(asOf, -2), to: asOf, multiplier: 1.5 }],
    levels: [
      { level: 'basic', threshold: 0, benefits: '积分兑换 · Points for rewards' },
      { level: 'silver', threshold: 20_000, benefits: '95 折 · 5% off' },
      { level: 'gold', threshold: 80_000, benefits: '9 折，生日礼 · 10% off, birthday gift' },
      { level: 'diamond', threshold: 200_000, benefits: '专属客户经理，季度回访 · Dedicated manager, quarterly visit' },
    ],
  };
  settingsQueries(db).set(LOYALTY_SETTINGS_KEY, settings, at);
  // Referred: the customers who first ordered most recently (those inside the programme earn
  // their referrer the reward), and a few who have not ordered yet.
  insertDemoReferrals(db, { at, recent: REFERRALS - 4, waiting: 4 });
  runLoyaltySync(db, { asOf, actor: 'demo', settings, batchId: 'demo-loyalty' }, { now: () => new Date(at) });
}
