import { z } from 'zod';
import { orderSummarySchema } from './profile';

import { centsSchema } from './valueRules';

/** A new amount for one order, in integer cents (the profile's editor reads yuan with yuanInputSchema). */
export const orderAmountEditSchema = z
  .object({
    id: z.number().int().positive(),
    amountCents: centsSchema,
  })
  .strict();

/** The saved order and the audit batch of the change, which customers:revert undoes. */
export const orderAmountSavedSchema = orderSummarySchema.extend({ batchId: z.string() });
export type OrderAmountSaved = z.infer<typeof orderAmountSavedSchema>;

/** The audit field an order amount change is recorded under (entity 'order'). */
export const orderAmountField = 'amountCents';
