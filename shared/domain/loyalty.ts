import { z } from 'zod';
import { isIsoDate } from './dates';

/** Member levels (会员等级), lowest first. */
export const loyaltyLevels = ['basic', 'silver', 'gold', 'diamond'] as const;
export type LoyaltyLevel = (typeof loyaltyLevels)[number];

const ledgerKinds = ['earn', 'bonus', 'referral', 'redeem', 'adjust', 'expire'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/** What a level is computed from: points earned or money spent, both over the last 12 calendar months. */
export const levelBases = ['points12m', 'spend12m'] as const;
export type LevelBasis = (typeof levelBases)[number];

/** How fractional points of one order are rounded (the bonus of that order too). */
export const roundingModes = ['floor', 'round', 'ceil'] as const;
export type RoundingMode = (typeof roundingModes)[number];

const isoDate = z.string().refine(isIsoDate, { message: 'must be a date as YYYY-MM-DD' });
/** Multipliers and rates carry at most two decimals so that points stay exact integer arithmetic. */
const twoDecimals = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-9, { message: 'must have at most two decimals' });

const levelRuleSchema = z.object({
  level: z.enum(loyaltyLevels),
  /** Points, or whole yuan for the spend basis; basic is always 0. */
  threshold: z.number().int().min(0).max(1_000_000_000),
  benefits: z.string().trim().max(500),
});
export type LevelRule = z.infer<typeof levelRuleSchema>;

const campaignSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(60),
    from: isoDate,
    to: isoDate,
    multiplier: twoDecimals(1, 10),
  })
  .refine((c) => c.from <= c.to, { message: 'must end on or after its start', path: ['to'] });
export type Campaign = z.infer<typeof campaignSchema>;

const rewardSchema = z.object({
  code: z.string().trim().min(1, 'must not be empty').max(30),
  name: z.string().trim().min(1, 'must not be empty').max(80),
  points: z.number().int().positive().max(10_000_000),
});
export type Reward = z.infer<typeof rewardSchema>;

export const loyaltySettingsSchema = z
  .object({
    /** Orders before this date never earn (null: all history earns). */
    programStart: isoDate.nullable(),
    /** Points per yuan spent. */
    earnRate: twoDecimals(0, 100),
    rounding: z.enum(roundingModes),
    /** Applied to orders in the month of the primary contact's birthday (1 = no bonus). */
    birthdayMultiplier: twoDecimals(1, 10),
    campaigns: z.array(campaignSchema).max(50),
    levelBasis: z.enum(levelBases),
    /** Exactly one rule per level, in level order, thresholds rising. */
    levels: z.array(levelRuleSchema).length(loyaltyLevels.length),
    rewards: z.array(rewardSchema).max(100),
    /** Points the referrer gets on the referred customer's first order. */
    referralReward: z.number().int().min(0).max(10_000_000),
    /** Points expire this many months after they were earned, oldest first (0 = never). */
    expiryMonths: z.number().int().min(0).max(120),
  })
  .superRefine((s, ctx) => {
    s.levels.forEach((rule, i) => {
      if (rule.level !== loyaltyLevels[i]) ctx.addIssue({ code: 'custom', path: ['levels', i, 'level'], message: `must be ${String(loyaltyLevels[i])}` });
      if (i === 0 && rule.threshold !== 0) ctx.addIssue({ code: 'custom', path: ['levels', 0, 'threshold'], message: 'the basic level starts at 0' });
      const prev = s.levels[i - 1];
      if (prev && rule.threshold <= prev.threshold) ctx.addIssue({ code: 'custom', path: ['levels', i, 'threshold'], message: 'must be above the level below' });
    });
    const codes = new Set<string>();
    s.rewards.forEach((r, i) => {
      if (codes.has(r.code)) ctx.addIssue({ code: 'custom', path: ['rewards', i, 'code'], message: 'is used twice' });
      codes.add(r.code);
    });
  });
export type LoyaltySettings = z.infer<typeof loyaltySettingsSchema>;

export const defaultLoyaltySettings: LoyaltySettings = {
  programStart: null,
  earnRate: 1,
  rounding: 'floor',
  birthdayMultiplier: 2,
  campaigns: [],
  levelBasis: 'spend12m',
  levels: [
    { level: 'basic', threshold: 0, benefits: '' },
    { level: 'silver', threshold: 5_000, benefits: '' },
    { level: 'gold', threshold: 20_000, benefits: '' },
    { level: 'diamond', threshold: 50_000, benefits: '' },
  ],
  rewards: [
    { code: 'GIFT', name: '礼品卡 Gift card', points: 1_000 },
    { code: 'VOUCHER', name: '代金券 Voucher', points: 5_000 },
    { code: 'VIP', name: 'VIP 服务包 VIP service pack', points: 20_000 },
  ],
  referralReward: 500,
  expiryMonths: 0,
};

/** The level a figure reaches: the highest level whose threshold it meets (a threshold counts as reached). */
export function levelFor(metric: number, levels: readonly LevelRule[], basis: LevelBasis): LoyaltyLevel {
  // Spend thresholds are whole yuan; the metric is cents.
  const unit = basis === 'spend12m' ? 100 : 1;
  let result: LoyaltyLevel = 'basic';
  for (const rule of levels) if (metric >= rule.threshold * unit) result = rule.level;
  return result;
}

/** Points for an amount in cents at `rate` points per yuan: exact integer arithmetic, then the rounding mode. */
export function pointsFor(amountCents: number, rate: number, rounding: RoundingMode): number {
  if (amountCents <= 0) return 0;
  const scaled = amountCents * Math.round(rate * 100); // points × 10,000
  switch (rounding) {
    case 'floor':
      return Math.floor(scaled / 10_000);
    case 'round':
      return Math.floor((scaled + 5_000) / 10_000);
    case 'ceil':
      return Math.floor((scaled + 9_999) / 10_000);
  }
}

const ledgerEntrySchema = z.object({
  id: z.number().int(),
  onDate: z.string(),
  kind: z.enum(ledgerKinds),
  points: z.number().int(),
  /** Order id (earn, bonus) or referred customer id (referral). */
  refId: z.number().int().nullable(),
  rewardCode: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

const levelChangeSchema = z.object({
  id: z.number().int(),
  onDate: z.string(),
  from: z.enum(loyaltyLevels),
  to: z.enum(loyaltyLevels),
  reason: z.enum(['recompute', 'manual', 'automatic']),
  metric: z.number().int().nullable(),
  actor: z.string(),
});

const customerRefSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/** Everything the profile's loyalty section shows. */
export const loyaltyProfileSchema = z.object({
  customerId: z.number().int(),
  level: z.enum(loyaltyLevels),
  levelManual: z.boolean(),
  benefits: z.string(),
  balance: z.number().int(),
  /** Ledger entries in total (the list below holds the newest ones). */
  entryCount: z.number().int(),
  entries: z.array(ledgerEntrySchema),
  levelHistory: z.array(levelChangeSchema),
  referrer: customerRefSchema.nullable(),
  referred: z.array(customerRefSchema.extend({ rewarded: z.boolean() })),
  rewards: z.array(rewardSchema),
});
export type LoyaltyProfile = z.infer<typeof loyaltyProfileSchema>;

const customerId = z.number().int().positive();
export const redeemRequestSchema = z.object({ customerId, rewardCode: z.string().min(1).max(30) }).strict();
export const adjustRequestSchema = z
  .object({
    customerId,
    points: z.number().int().min(-10_000_000).max(10_000_000).refine((n) => n !== 0, { message: 'must not be 0' }),
    reason: z.string().trim().min(1, 'must not be empty').max(200),
  })
  .strict();
export const setLevelRequestSchema = z.object({ customerId, level: z.enum(loyaltyLevels).nullable() }).strict();
/** The referrer by customer code (what staff can read off a card); null removes it. */
export const setReferrerRequestSchema = z.object({ customerId, referrerCode: z.string().trim().min(1).max(50).nullable() }).strict();

export interface LoyaltySyncResult {
  earned: number;
  bonuses: number;
  referrals: number;
  expired: number;
  levelChanges: number;
  ms: number;
}

export const levelDistributionSchema = z.object({
  levels: z.array(z.object({ level: z.enum(loyaltyLevels), customers: z.number().int(), manual: z.number().int(), points: z.number().int() })),
  customers: z.number().int(),
  lastSyncAt: z.string().nullable(),
  running: z.boolean(),
});
export type LevelDistribution = z.infer<typeof levelDistributionSchema>;

/** The same day `months` calendar months earlier, clamped to the month's end (2026-03-31 minus 1 → 2026-02-28). */
export function monthsBefore(isoDate: string, months: number): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7)) - 1 - months;
  const d = Number(isoDate.slice(8, 10));
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
