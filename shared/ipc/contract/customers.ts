import { z } from 'zod';
import { batchResultSchema, bulkEditRequestSchema } from '../../domain/bulkEdit';
import { customerDetailSchema, customerPatchSchema, customerRowSchema } from '../../domain/customer';
import { interactionInputSchema, interactionSchema, profileActivitySchema, staffOptionSchema } from '../../domain/profile';
import { maxRefreshIds } from '../../domain/rowRefresh';
import { call, empty, idRequest, read } from './define';

/** Every table a grid row is built from (electron/db/customers.ts), open warnings included. */
const gridTables = ['customers', 'contacts', 'orders', 'tags', 'customer_tags', 'staff', 'segment_results', 'loyalty_accounts', 'referrals', 'alerts'];
const profileTables = ['customers', 'contacts', 'orders', 'interactions', 'complaints', 'customer_tags', 'tags', 'audit_log', 'staff'];

/** Customer profiles: the grid's rows, one profile, edits and their undo, the activity trail. */
export const customersContract = {
  'customers:list': read(empty, z.object({ rows: z.array(customerRowSchema), asOf: z.string() }), gridTables),
  'customers:rows': read(z.object({ ids: z.array(z.number().int().positive()).max(maxRefreshIds) }).strict(), z.object({ rows: z.array(customerRowSchema) }), gridTables),
  'customers:get': read(idRequest, customerDetailSchema, profileTables),
  'customers:update': call(z.object({ id: z.number().int().positive(), patch: customerPatchSchema }).strict(), customerDetailSchema.extend({ batchId: z.string().nullable() })),
  'customers:bulkUpdate': call(bulkEditRequestSchema, batchResultSchema),
  'customers:revert': call(z.object({ batchId: z.string().min(1).max(100) }).strict(), batchResultSchema),
  'customers:activity': read(idRequest, profileActivitySchema, profileTables),
  'customers:staff': read(empty, z.object({ staff: z.array(staffOptionSchema) }), ['staff']),
  'interactions:log': call(z.object({ customerId: z.number().int().positive(), interaction: interactionInputSchema }).strict(), interactionSchema),
};
