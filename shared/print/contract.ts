import { z } from 'zod';

/** Paper sizes a print layout supports (A4 by default). */
export const papers = ['A4', 'Letter'] as const;
export type Paper = (typeof papers)[number];

/** A print route of the renderer (`#/print/<layout>?…`) to print or save as PDF. */
export const printRequestSchema = z
  .object({
    route: z.string().min(8).max(20_000),
    paper: z.enum(papers).default('A4'),
    /** File name without extension (a time stamp is added). */
    fileName: z.string().regex(/^[\w\u4e00-\u9fff-]{1,80}$/).default('patron-print'),
  })
  .strict();
export type PrintRequest = z.output<typeof printRequestSchema>;

export const printResultSchema = z.object({ path: z.string().nullable(), bytes: z.number().int() });
export type PrintResult = z.infer<typeof printResultSchema>;
