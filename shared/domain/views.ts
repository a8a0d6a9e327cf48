import { z } from 'zod';

/** What a saved view restores in the grid. The grid's own state objects are kept as they are. */
export const viewStateSchema = z
  .object({
    columns: z
      .array(
        z.object({
          colId: z.string(),
          width: z.number().optional(),
          hide: z.boolean().nullable().optional(),
          pinned: z.enum(['left', 'right']).nullable().optional(),
          sort: z.enum(['asc', 'desc']).nullable().optional(),
          sortIndex: z.number().int().nullable().optional(),
        }),
      )
      .max(200),
    filter: z.record(z.string(), z.unknown()),
    quickFilter: z.string().max(200).optional(),
  })
  .strict();
export type ViewState = z.infer<typeof viewStateSchema>;

export const savedViewSchema = z.object({ id: z.number().int(), name: z.string(), state: viewStateSchema, updatedAt: z.string() });
export type SavedView = z.infer<typeof savedViewSchema>;

export const saveViewRequestSchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(100), state: viewStateSchema }).strict();
