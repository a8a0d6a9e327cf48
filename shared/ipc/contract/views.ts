import { z } from 'zod';
import { saveViewRequestSchema, savedViewSchema } from '../../domain/views';
import { call, empty, idRequest, read } from './define';

/** Saved grid views (columns, filters, sort) per user. */
export const viewsContract = {
  'views:list': read(empty, z.object({ views: z.array(savedViewSchema), user: z.string() }), ['saved_views']),
  'views:save': call(saveViewRequestSchema, z.object({ views: z.array(savedViewSchema) })),
  'views:remove': call(idRequest, z.object({ views: z.array(savedViewSchema) })),
};
