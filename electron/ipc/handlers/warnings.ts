import type { warningsContract } from '../../../shared/ipc/contract/warnings';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const warningsHandlers = (services: Services): HandlersFor<typeof warningsContract> => ({
  'warnings:today': () => services.warnings.today(),
  'warnings:counts': () => services.warnings.counts(),
  'warnings:run': () => services.warnings.run('manual'),
  'warnings:settings': () => services.warnings.settings(),
  'warnings:saveSettings': (req) => services.warnings.saveSettings(req),
  'warnings:forCustomer': (req) => ({ alerts: services.warnings.forCustomer(req.customerId) }),
  'warnings:setStatus': (req) => services.warnings.setStatus(req),
  'warnings:logInteraction': (req) => services.warnings.logInteraction(req.id, req.channel, req.summary),
});
