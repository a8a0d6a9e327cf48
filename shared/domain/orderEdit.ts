import { z } from 'zod';
import { orderSummarySchema } from './profile';

/** The largest order amount accepted, in cents (¥10 billion): far above any real order, well inside exact integers. */
export const maxOrderCents = 1_000_000_000_000;

/** A new amount for one order, in integer cents (the profile's editor reads yuan with yuanInputSchema). */
export const orderAmountEditSchema = z
  .object({
    id: z.number().int().positive(),
    amountCents: z.number().int('whole cents').min(0).max(maxOrderCents),
  })
  .strict();
export type OrderAmountEdit = z.infer<typeof orderAmountEditSchema>;

/** The saved order and the audit batch of the change, which customers:revert undoes. */
export const orderAmountSavedSchema = orderSummarySchema.extend({ batchId: z.string() });
export type OrderAmountSaved = z.infer<typeof orderAmountSavedSchema>;

/** The audit field an order amount change is recorded under (entity 'order'). */
export const orderAmountField = 'amountCents';
