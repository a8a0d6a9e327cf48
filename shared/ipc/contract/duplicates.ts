import { z } from 'zod';
import { duplicatePairSchema, mergeRecordSchema, mergeRequestSchema } from '../../domain/duplicates';
import { call, empty } from './define';

/** Likely duplicate customers, merging two, and undoing a merge. */
export const duplicatesContract = {
  'duplicates:find': call(empty, z.object({ pairs: z.array(duplicatePairSchema) })),
  'duplicates:merge': call(mergeRequestSchema, mergeRecordSchema),
  'duplicates:undoMerge': call(z.object({ batchId: z.string().min(1).max(100) }).strict(), mergeRecordSchema),
  'duplicates:recent': call(empty, z.object({ merges: z.array(mergeRecordSchema) })),
};
