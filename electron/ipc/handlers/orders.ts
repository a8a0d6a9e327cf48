import type { ordersContract } from '../../../shared/ipc/contract/orders';
import type { Services } from '../../services';
import type { HandlersFor } from './define';

export const ordersHandlers = (services: Services): HandlersFor<typeof ordersContract> => ({
  'orders:setAmount': (req) => services.orders.setAmount(req.id, req.amountCents),
});
