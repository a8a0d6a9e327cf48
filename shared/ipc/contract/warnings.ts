import { z } from 'zod';
import { alertActionSchema, alertInteractionSchema, alertSchema, inboxCountsSchema, todaySchema } from '../../warnings/dto';
import { warningSettingsSchema } from '../../warnings/settings';
import { call, empty, jobStarted, read } from './define';

/** What the Today inbox and the navigation badges show. */
const inboxTables = ['alerts', 'warning_runs', 'complaints', 'care_done', 'interactions', 'contacts', 'settings', 'segment_results', 'customers'];

/** Churn warnings: the rules' runs, the Today inbox, one customer's alerts and acting on them. */
export const warningsContract = {
  'warnings:today': read(empty, todaySchema, inboxTables),
  'warnings:counts': read(empty, inboxCountsSchema, inboxTables),
  'warnings:run': call(empty, jobStarted),
  'warnings:settings': read(empty, warningSettingsSchema, ['settings']),
  'warnings:saveSettings': call(warningSettingsSchema, warningSettingsSchema),
  'warnings:forCustomer': read(z.object({ customerId: z.number().int().positive() }).strict(), z.object({ alerts: z.array(alertSchema) }), ['alerts', 'warning_runs']),
  'warnings:setStatus': call(alertActionSchema, alertSchema),
  'warnings:logInteraction': call(alertInteractionSchema, alertSchema),
};
