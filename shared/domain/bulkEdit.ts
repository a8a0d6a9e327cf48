import { z } from 'zod';
import { tagListSchema } from './customer';
import { customerStatuses, tiers } from './enums';

/** Bulk edit of selected customers: any of owner, status, tier override, and tags to add or remove. */
const bulkPatchSchema = z
  .object({
    ownerId: z.number().int().positive().nullable(),
    status: z.enum(customerStatuses),
    tierOverride: z.enum(tiers).nullable(),
    addTags: tagListSchema,
    removeTags: tagListSchema,
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'must change at least one field' });
export type BulkPatch = z.infer<typeof bulkPatchSchema>;

export const bulkEditRequestSchema = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(200_000),
    patch: bulkPatchSchema,
  })
  .strict();

/** A write that can be undone: the batch of audit rows it wrote (null when nothing changed). */
export const batchResultSchema = z.object({ batchId: z.string().nullable(), changed: z.number().int() });
export type BatchResult = z.infer<typeof batchResultSchema>;
