import { z } from 'zod';
import {
  adjustRequestSchema,
  levelDistributionSchema,
  loyaltyProfileSchema,
  loyaltySettingsSchema,
  redeemRequestSchema,
  setLevelRequestSchema,
  setReferrerRequestSchema,
} from '../../domain/loyalty';
import { call, empty, jobStarted, read } from './define';

/** Loyalty: member levels, the points ledger, redemptions and referrals. */
export const loyaltyContract = {
  'loyalty:profile': read(
    z.object({ customerId: z.number().int().positive() }).strict(),
    loyaltyProfileSchema,
    ['points_ledger', 'loyalty_accounts', 'loyalty_level_history', 'referrals', 'customers', 'settings'],
  ),
  'loyalty:redeem': call(redeemRequestSchema, loyaltyProfileSchema),
  'loyalty:adjust': call(adjustRequestSchema, loyaltyProfileSchema),
  'loyalty:setLevel': call(setLevelRequestSchema, loyaltyProfileSchema),
  'loyalty:setReferrer': call(setReferrerRequestSchema, loyaltyProfileSchema),
  'loyalty:settings': call(empty, loyaltySettingsSchema),
  'loyalty:saveSettings': call(loyaltySettingsSchema, loyaltySettingsSchema),
  'loyalty:sync': call(empty, jobStarted),
  'loyalty:distribution': read(empty, levelDistributionSchema, ['loyalty_accounts', 'customers']),
};
