import { z } from 'zod';
import { printRequestSchema, printResultSchema } from '../../print/contract';
import { call } from './define';

/** Printing a page of the app (visit sheets, survey forms, the report) to PDF or a printer. */
export const printContract = {
  'print:pdf': call(printRequestSchema, printResultSchema),
  'print:print': call(printRequestSchema, z.object({ sent: z.boolean() })),
};
