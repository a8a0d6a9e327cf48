import type { loyaltyContract } from '../../../shared/ipc/contract/loyalty';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const loyaltyHandlers = (services: Services): HandlersFor<typeof loyaltyContract> => ({
  'loyalty:profile': (req) => services.loyalty.profile(req.customerId),
  'loyalty:redeem': (req) => services.loyalty.redeem(req.customerId, req.rewardCode),
  'loyalty:adjust': (req) => services.loyalty.adjust(req.customerId, req.points, req.reason),
  'loyalty:setLevel': (req) => services.loyalty.setLevel(req.customerId, req.level),
  'loyalty:setReferrer': (req) => services.loyalty.setReferrer(req.customerId, req.referrerCode),
  'loyalty:settings': () => services.loyalty.settings(),
  'loyalty:saveSettings': (req) => services.loyalty.saveSettings(req),
  'loyalty:sync': () => services.loyalty.sync(),
  'loyalty:distribution': () => services.loyalty.distribution(),
});
