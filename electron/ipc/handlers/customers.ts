import type { customersContract } from '../../../shared/ipc/contract/customers';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const customersHandlers = (services: Services): HandlersFor<typeof customersContract> => ({
  'customers:list': () => services.customers.list(),
  'customers:rows': (req) => services.customers.rows(req.ids),
  'customers:get': (req) => services.customers.get(req.id),
  'customers:update': (req) => services.customers.update(req.id, req.patch),
  'customers:bulkUpdate': (req) => services.customers.bulkUpdate(req.ids, req.patch),
  'customers:revert': (req) => services.undo.revert(req.batchId),
  'customers:activity': (req) => services.profile.activity(req.id),
  'customers:staff': () => ({ staff: services.profile.staff() }),
  'interactions:log': (req) => services.profile.logInteraction(req.customerId, req.interaction),
});
