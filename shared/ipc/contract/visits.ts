import { z } from 'zod';
import {
  generatePreviewSchema,
  generateRequestSchema,
  generateResultSchema,
  listRequestSchema,
  listResponseSchema,
  printSettingsSchema,
  recordRequestSchema,
  saveTemplateRequestSchema,
  sheetsRequestSchema,
  sheetsResponseSchema,
  visitPlanSchema,
  visitTemplateSchema,
} from '../../domain/visits';
import { call, empty, read } from './define';

/** Visit plans from tier templates, recording visits, and the printed visit sheets. */
export const visitsContract = {
  'visits:templates': read(empty, z.object({ templates: z.array(visitTemplateSchema) }), ['visit_templates']),
  'visits:templateVersions': call(z.object({ key: z.string().min(1).max(100) }).strict(), z.object({ versions: z.array(visitTemplateSchema) })),
  'visits:saveTemplate': call(saveTemplateRequestSchema, visitTemplateSchema),
  'visits:preview': call(generateRequestSchema, generatePreviewSchema),
  'visits:create': call(generateRequestSchema, generateResultSchema),
  'visits:list': read(listRequestSchema, listResponseSchema, ['visit_plans', 'visit_templates', 'customers', 'staff']),
  'visits:record': call(recordRequestSchema, visitPlanSchema),
  'visits:sheets': call(sheetsRequestSchema, sheetsResponseSchema),
  'visits:printSettings': read(empty, printSettingsSchema, ['settings']),
  'visits:savePrintSettings': call(printSettingsSchema, printSettingsSchema),
};
