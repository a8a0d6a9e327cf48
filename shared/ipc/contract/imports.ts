import { z } from 'zod';
import { columnMappingSchema, importOptionsSchema, importReportSchema, importTargets } from '../../import/targets';
import { empty, read } from './define';

const target = z.enum(importTargets);
/** A file the user picked in the main process's open dialog (`import:pickFile`); the renderer never sends a path. */
const handle = z.string().regex(/^[0-9a-f]{32}$/, 'a file handle from import:pickFile');

const importRequest = z.object({ handle, target, mapping: columnMappingSchema.optional(), options: importOptionsSchema.partial().optional() }).strict();

/** Importing CSV/Excel files: inspect, preview, run as a job, the history with revert, saved mappings. */
export const importsContract = {
  'import:inspect': {
    request: z.object({ handle, target, encoding: z.string().min(1).optional(), sheet: z.string().min(1).optional() }).strict(),
    response: z.object({
      file: z.string(),
      format: z.enum(['csv', 'xlsx']),
      encoding: z.string().nullable(),
      detectedEncoding: z.string().nullable(),
      sheets: z.array(z.string()),
      sheet: z.string().nullable(),
      headers: z.array(z.string()),
      rows: z.number().int(),
      sampleRows: z.array(z.array(z.string())),
      suggested: columnMappingSchema,
    }),
  },
  'import:preview': { request: importRequest, response: importReportSchema },
  'import:start': { request: importRequest, response: z.object({ jobId: z.string() }) },
  'import:wait': { request: z.object({ jobId: z.string().min(1) }).strict(), response: importReportSchema },
  'import:pickFile': { request: z.object({}).strict(), response: z.object({ file: z.object({ handle: z.string(), name: z.string() }).nullable() }) },
  'import:history': read(
    empty,
    z.object({
      batches: z.array(
        z.object({
          id: z.number().int(),
          target,
          fileName: z.string(),
          actor: z.string(),
          importedAt: z.string(),
          backupPath: z.string().nullable(),
          newRows: z.number().int(),
          updatedRows: z.number().int(),
          skippedRows: z.number().int(),
          errorRows: z.number().int(),
          revertedAt: z.string().nullable(),
        }),
      ),
    }),
    ['import_batches'],
  ),
  'import:revert': {
    request: z.object({ id: z.number().int().positive() }).strict(),
    response: z.object({ restored: z.number().int(), deleted: z.number().int(), backupPath: z.string() }),
  },
  'import:mappings': {
    request: z.object({ target }).strict(),
    response: z.object({ mappings: z.array(z.object({ id: z.number().int(), name: z.string(), mapping: columnMappingSchema })) }),
  },
  'import:saveMapping': {
    request: z.object({ target, name: z.string().trim().min(1).max(100), mapping: columnMappingSchema }).strict(),
    response: z.object({ saved: z.literal(true) }),
  },
};
