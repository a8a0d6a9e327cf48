import { z } from 'zod';
import { contactSchema } from '../../domain/customer';
import { contactInputSchema } from '../../domain/profile';
import { call, idRequest } from './define';

/** A customer's contacts. Each write answers with its audit batch, which customers:revert undoes. */
export const contactsContract = {
  'contacts:add': call(z.object({ customerId: z.number().int().positive(), contact: contactInputSchema }).strict(), contactSchema.extend({ batchId: z.string() })),
  'contacts:update': call(z.object({ id: z.number().int().positive(), contact: contactInputSchema }).strict(), contactSchema.extend({ batchId: z.string() })),
  'contacts:remove': call(idRequest, z.object({ removed: z.boolean(), batchId: z.string() })),
};
