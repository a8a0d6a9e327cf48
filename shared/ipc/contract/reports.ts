import { z } from 'zod';
import { dashboardRequestSchema, dashboardSchema } from '../../kpi/dashboard';
import { customersBehindRequestSchema, reportExportRequestSchema, reportSchema } from '../../kpi/report';
import { reportSettingsSchema } from '../../kpi/targets';
import { call, empty, read } from './define';

/** Every table a KPI reads. */
const kpiTables = [
  'customers',
  'orders',
  'interactions',
  'complaints',
  'alerts',
  'visit_plans',
  'segment_runs',
  'segment_results',
  'survey_forms',
  'survey_responses',
  'improvement_actions',
  'contacts',
  'settings',
];

/** The Reports dashboard of KPIs against targets, the monthly report, and the customers behind a figure. */
export const reportsContract = {
  'reports:dashboard': read(dashboardRequestSchema, dashboardSchema, kpiTables),
  'reports:report': call(z.object({ month: dashboardRequestSchema.shape.month }).strict(), reportSchema),
  'reports:customers': call(customersBehindRequestSchema, z.object({ ids: z.array(z.number().int()) })),
  'reports:settings': call(empty, reportSettingsSchema),
  'reports:saveSettings': call(reportSettingsSchema, reportSettingsSchema),
  'reports:exportXlsx': call(reportExportRequestSchema, z.object({ path: z.string().nullable() })),
};
