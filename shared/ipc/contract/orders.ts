import { orderAmountEditSchema, orderAmountSavedSchema } from '../../domain/orderEdit';
import { call } from './define';

/** An order amount typed in yuan on the profile; answers with its audit batch, which customers:revert undoes. */
export const ordersContract = {
  'orders:setAmount': call(orderAmountEditSchema, orderAmountSavedSchema),
};
