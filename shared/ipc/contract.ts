import { z } from 'zod';
import { contactSchema, customerDetailSchema, customerPatchSchema, customerRowSchema } from '../domain/customer';
import { languages } from '../i18n/language';
import type { Channel, EventName } from './channels';
// — Backups, restore and integrity —
import {
  archiveResultSchema,
  backupInfoSchema,
  backupListSchema,
  backupSettingsSchema,
  integrityReportSchema,
  recoveryResultSchema,
  recoveryStatusSchema,
  restoreResultSchema,
} from '../domain/backups';
// — Import and export —
import { importChannels } from '../import/contract';
// — Customer profiles: editing, views, duplicates, audit —
import { maxRefreshIds } from '../domain/rowRefresh';
import { batchResultSchema, bulkEditRequestSchema } from '../domain/bulkEdit';
import { completenessRulesSchema } from '../domain/completeness';
import { duplicatePairSchema, mergeRecordSchema, mergeRequestSchema } from '../domain/duplicates';
import { contactInputSchema, interactionInputSchema, interactionSchema, profileActivitySchema, staffOptionSchema } from '../domain/profile';
import { saveViewRequestSchema, savedViewSchema } from '../domain/views';
import { orderAmountEditSchema, orderAmountSavedSchema } from '../domain/orderEdit';
// — Segmentation and lifetime value —
import { segmentSettingsSchema } from '../analytics/settings';
import { segmentOverviewSchema, segmentPreviewSchema, segmentSelectorSchema } from '../domain/segments';
import { rollupRepairResultSchema } from '../domain/rollups';
// — Warnings, complaints and care reminders —
import {
  alertActionSchema,
  alertInteractionSchema,
  alertSchema,
  careDoneSchema,
  complaintInputSchema,
  complaintResolveSchema,
  complaintSchema,
  inboxCountsSchema,
  todaySchema,
} from '../warnings/dto';
import { warningSettingsSchema } from '../warnings/settings';
// — Visit plans and printing —
import { printRequestSchema, printResultSchema } from '../print/contract';
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
} from '../domain/visits';
// — Satisfaction surveys —
import {
  actionDraftSchema,
  actionStatusRequestSchema,
  enterRequestSchema,
  enterResultSchema,
  formListRequestSchema,
  formLookupSchema,
  improvementPlanSchema,
  issueRequestSchema,
  issueResultSchema,
  phoneFormRequestSchema,
  planListRequestSchema,
  planStatusRequestSchema,
  printFormsRequestSchema,
  printFormsSchema,
  resultsRequestSchema,
  saveTemplateRequestSchema as saveSurveyTemplateRequestSchema,
  surveyFormSchema,
  surveyResultsSchema,
  surveyTemplateSchema,
} from '../domain/surveys';
// — Dashboard and reports —
import { dashboardRequestSchema, dashboardSchema } from '../kpi/dashboard';
import { customersBehindRequestSchema, reportExportRequestSchema, reportSchema } from '../kpi/report';
import { reportSettingsSchema } from '../kpi/targets';
// — Loyalty: levels, points, referrals —
import {
  adjustRequestSchema,
  levelDistributionSchema,
  loyaltyProfileSchema,
  loyaltySettingsSchema,
  redeemRequestSchema,
  setLevelRequestSchema,
  setReferrerRequestSchema,
} from '../domain/loyalty';

/**
 * The one IPC contract: every call `'domain:verb'` with the zod schema its
 * request must pass and the schema of what it answers. Main validates each
 * request against it; the renderer's client and the unit tests derive their
 * types from it; the HTTP bridge serves the very same table.
 */
const call = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });

const empty = z.object({}).strict();
const idRequest = z.object({ id: z.number().int().positive() }).strict();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  systemLocale: z.string(),
  runtime: z.enum(['electron', 'node']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const dbStatsSchema = z.object({
  schemaVersion: z.number().int(),
  fileBytes: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});
export type DbStats = z.infer<typeof dbStatsSchema>;

export const settingsSchema = z.object({
  /** null until the first start has picked one from the OS locale. */
  language: z.enum(languages).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const runningJobSchema = z.object({ id: z.string(), kind: z.string(), done: z.number().int(), total: z.number().int() });
export type RunningJobInfo = z.infer<typeof runningJobSchema>;

export const contract = {
  'app:info': call(empty, appInfoSchema),
  'db:stats': call(empty, dbStatsSchema),
  'settings:get': call(empty, settingsSchema),
  'settings:set': call(settingsSchema.partial().strict(), settingsSchema),
  'customers:list': call(empty, z.object({ rows: z.array(customerRowSchema), asOf: z.string() })),
  'customers:get': call(idRequest, customerDetailSchema),
  'customers:update': call(z.object({ id: z.number().int().positive(), patch: customerPatchSchema }).strict(), customerDetailSchema.extend({ batchId: z.string().nullable() })),
  'jobs:list': call(empty, z.object({ jobs: z.array(runningJobSchema) })),
  'jobs:cancel': call(z.object({ id: z.string().min(1) }).strict(), z.object({ cancelled: z.boolean() })),
  // — Backups, restore and integrity —
  'backups:list': call(empty, backupListSchema),
  'backups:create': call(empty, backupInfoSchema),
  'backups:restore': call(z.object({ name: z.string().min(1).max(255) }).strict(), restoreResultSchema),
  'backups:check': call(empty, integrityReportSchema),
  'backups:configure': call(backupSettingsSchema.strict(), backupSettingsSchema),
  'backups:archive': call(empty, archiveResultSchema),
  'recovery:status': call(empty, recoveryStatusSchema),
  'recovery:restore': call(empty, recoveryResultSchema),
  // — Import and export —
  ...importChannels,
  // — Customer profiles: editing, views, duplicates, audit —
  'customers:rows': call(z.object({ ids: z.array(z.number().int().positive()).max(maxRefreshIds) }).strict(), z.object({ rows: z.array(customerRowSchema) })),
  'customers:bulkUpdate': call(bulkEditRequestSchema, batchResultSchema),
  'customers:revert': call(z.object({ batchId: z.string().min(1).max(100) }).strict(), batchResultSchema),
  'customers:activity': call(idRequest, profileActivitySchema),
  'customers:staff': call(empty, z.object({ staff: z.array(staffOptionSchema) })),
  // Each contact write answers with its audit batch, which customers:revert undoes.
  'contacts:add': call(z.object({ customerId: z.number().int().positive(), contact: contactInputSchema }).strict(), contactSchema.extend({ batchId: z.string() })),
  'contacts:update': call(z.object({ id: z.number().int().positive(), contact: contactInputSchema }).strict(), contactSchema.extend({ batchId: z.string() })),
  'contacts:remove': call(idRequest, z.object({ removed: z.boolean(), batchId: z.string() })),
  // An order amount typed in yuan on the profile; answers with its audit batch, which customers:revert undoes.
  'orders:setAmount': call(orderAmountEditSchema, orderAmountSavedSchema),
  'interactions:log': call(z.object({ customerId: z.number().int().positive(), interaction: interactionInputSchema }).strict(), interactionSchema),
  'duplicates:find': call(empty, z.object({ pairs: z.array(duplicatePairSchema) })),
  'duplicates:merge': call(mergeRequestSchema, mergeRecordSchema),
  'duplicates:undoMerge': call(z.object({ batchId: z.string().min(1).max(100) }).strict(), mergeRecordSchema),
  'duplicates:recent': call(empty, z.object({ merges: z.array(mergeRecordSchema) })),
  'views:list': call(empty, z.object({ views: z.array(savedViewSchema), user: z.string() })),
  'views:save': call(saveViewRequestSchema, z.object({ views: z.array(savedViewSchema) })),
  'views:remove': call(idRequest, z.object({ views: z.array(savedViewSchema) })),
  'completeness:get': call(empty, completenessRulesSchema),
  'completeness:set': call(completenessRulesSchema, completenessRulesSchema),
  // — Segmentation and lifetime value —
  'segments:overview': call(empty, segmentOverviewSchema),
  'segments:ids': call(segmentSelectorSchema, z.object({ ids: z.array(z.number().int()) })),
  'segments:run': call(empty, z.object({ jobId: z.string(), alreadyRunning: z.boolean() })),
  'segments:settings': call(empty, segmentSettingsSchema),
  'segments:saveSettings': call(segmentSettingsSchema, segmentSettingsSchema),
  'segments:preview': call(segmentSettingsSchema, segmentPreviewSchema),
  'segments:repairRollups': call(empty, rollupRepairResultSchema),
  // — Warnings, complaints and care reminders —
  'warnings:today': call(empty, todaySchema),
  'warnings:counts': call(empty, inboxCountsSchema),
  'warnings:run': call(empty, z.object({ jobId: z.string(), alreadyRunning: z.boolean() })),
  'warnings:settings': call(empty, warningSettingsSchema),
  'warnings:saveSettings': call(warningSettingsSchema, warningSettingsSchema),
  'warnings:forCustomer': call(z.object({ customerId: z.number().int().positive() }).strict(), z.object({ alerts: z.array(alertSchema) })),
  'warnings:setStatus': call(alertActionSchema, alertSchema),
  'warnings:logInteraction': call(alertInteractionSchema, alertSchema),
  'care:done': call(careDoneSchema, z.object({ done: z.boolean() })),
  'complaints:list': call(z.object({ which: z.enum(['open', 'all']) }).strict(), z.object({ complaints: z.array(complaintSchema) })),
  'complaints:log': call(complaintInputSchema, complaintSchema),
  'complaints:respond': call(idRequest, complaintSchema),
  'complaints:resolve': call(complaintResolveSchema, complaintSchema),
  'complaints:escalate': call(z.object({ id: z.number().int().positive(), staffId: z.number().int().positive() }).strict(), complaintSchema),
  'complaints:escalationTargets': call(empty, z.object({ staff: z.array(staffOptionSchema) })),
  // — Visit plans and printing —
  'visits:templates': call(empty, z.object({ templates: z.array(visitTemplateSchema) })),
  'visits:templateVersions': call(z.object({ key: z.string().min(1).max(100) }).strict(), z.object({ versions: z.array(visitTemplateSchema) })),
  'visits:saveTemplate': call(saveTemplateRequestSchema, visitTemplateSchema),
  'visits:preview': call(generateRequestSchema, generatePreviewSchema),
  'visits:create': call(generateRequestSchema, generateResultSchema),
  'visits:list': call(listRequestSchema, listResponseSchema),
  'visits:record': call(recordRequestSchema, visitPlanSchema),
  'visits:sheets': call(sheetsRequestSchema, sheetsResponseSchema),
  'visits:printSettings': call(empty, printSettingsSchema),
  'visits:savePrintSettings': call(printSettingsSchema, printSettingsSchema),
  'print:pdf': call(printRequestSchema, printResultSchema),
  'print:print': call(printRequestSchema, z.object({ sent: z.boolean() })),
  // — Satisfaction surveys —
  'surveys:templates': call(empty, z.object({ templates: z.array(surveyTemplateSchema) })),
  'surveys:templateVersions': call(z.object({ key: z.string().min(1).max(100) }).strict(), z.object({ versions: z.array(surveyTemplateSchema) })),
  'surveys:saveTemplate': call(saveSurveyTemplateRequestSchema, surveyTemplateSchema),
  'surveys:issue': call(issueRequestSchema, issueResultSchema),
  'surveys:phoneForm': call(phoneFormRequestSchema.extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(), surveyFormSchema),
  'surveys:forms': call(formListRequestSchema.extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(), z.object({ forms: z.array(surveyFormSchema) })),
  'surveys:lookup': call(z.object({ formNo: z.string().trim().min(1).max(40), lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(), formLookupSchema),
  'surveys:enter': call(enterRequestSchema.extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(), enterResultSchema),
  'surveys:printForms': call(printFormsRequestSchema.extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(), printFormsSchema),
  'surveys:results': call(resultsRequestSchema, surveyResultsSchema),
  'surveys:plans': call(planListRequestSchema, z.object({ plans: z.array(improvementPlanSchema) })),
  'surveys:addAction': call(actionDraftSchema, improvementPlanSchema),
  'surveys:setActionStatus': call(actionStatusRequestSchema, improvementPlanSchema),
  'surveys:setPlanStatus': call(planStatusRequestSchema, improvementPlanSchema),
  // — Dashboard and reports —
  'reports:dashboard': call(dashboardRequestSchema, dashboardSchema),
  'reports:report': call(z.object({ month: dashboardRequestSchema.shape.month }).strict(), reportSchema),
  'reports:customers': call(customersBehindRequestSchema, z.object({ ids: z.array(z.number().int()) })),
  'reports:settings': call(empty, reportSettingsSchema),
  'reports:saveSettings': call(reportSettingsSchema, reportSettingsSchema),
  'reports:exportXlsx': call(reportExportRequestSchema, z.object({ path: z.string().nullable() })),
  // — Loyalty: levels, points, referrals —
  'loyalty:profile': call(z.object({ customerId: z.number().int().positive() }).strict(), loyaltyProfileSchema),
  'loyalty:redeem': call(redeemRequestSchema, loyaltyProfileSchema),
  'loyalty:adjust': call(adjustRequestSchema, loyaltyProfileSchema),
  'loyalty:setLevel': call(setLevelRequestSchema, loyaltyProfileSchema),
  'loyalty:setReferrer': call(setReferrerRequestSchema, loyaltyProfileSchema),
  'loyalty:settings': call(empty, loyaltySettingsSchema),
  'loyalty:saveSettings': call(loyaltySettingsSchema, loyaltySettingsSchema),
  'loyalty:sync': call(empty, z.object({ jobId: z.string(), alreadyRunning: z.boolean() })),
  'loyalty:distribution': call(empty, levelDistributionSchema),
} satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

// Both lists must name the same channels: a channel in one but not the other fails to compile.
type ContractChannel = keyof typeof contract;
export const contractCoversChannels: [Channel] extends [ContractChannel] ? ([ContractChannel] extends [Channel] ? true : never) : never = true;

export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof contract)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof contract)[C]['response']>;

export const eventSchemas = {
  /**
   * `customerIds`, when given, says the change touched only those customers' grid rows
   * (ids gone from the database were deleted), so the grid refreshes just them.
   */
  'db:changed': z.object({ tables: z.array(z.string()).min(1), customerIds: z.array(z.number().int()).optional() }),
  'job:progress': z.object({ id: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  // — Backups, restore and integrity —
  // — Import and export —
  // — Customer profiles: editing, views, duplicates, audit —
  // — Segmentation and lifetime value —
  // — Warnings, complaints and care reminders —
  // — Visit plans and printing —
  // — Satisfaction surveys —
  // — Dashboard and reports —
  // — Loyalty: levels, points, referrals —
} satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof eventSchemas)[E]>;

/** The whole API a window sees: the preload (Electron) or the test preload (HTTP bridge) provides it. */
export interface PatronBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
