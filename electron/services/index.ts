import { appInfoService } from './appInfo';
import type { ServiceContext } from './context';
import { customerService } from './customers';
import { settingsService } from './settings';
// — Backups, restore and integrity —
import { backupService } from './backups';
// — Import and export —
import { exportService } from './exports';
import { importService } from './imports';
// — Customer profiles: editing, views, duplicates, audit —
import { completenessService } from './completeness';
import { duplicateService } from './duplicates';
import { orderEditService } from './orderEdits';
import { profileService } from './profile';
import { undoService } from './undo';
import { viewService } from './views';
// — Segmentation and lifetime value —
import { segmentService } from './segments';
// — Warnings, complaints and care reminders —
import { complaintService } from './complaints';
import { warningService, warningSettingsReader, watchEdits } from './warnings';
// — Visit plans and printing —
import { printService } from './print';
import { visitService } from './visits';
// — Satisfaction surveys —
import { surveyService } from './surveys';
// — Dashboard and reports —
import { reportService } from './reports';
// — Loyalty: levels, points, referrals —
import { loyaltyService } from './loyalty';

export type { ServiceContext } from './context';

/** Every use case of the app, bound to one database. Knows nothing of Electron. */
export function createServices(ctx: ServiceContext) {
  const segments = segmentService(ctx);
  // Services other services call are made here first, each area below its marker.
  // — Warnings, complaints and care reminders —
  const complaints = complaintService(ctx, warningSettingsReader(ctx));
  const warnings = warningService(ctx, complaints);
  segments.onRunFinished(() => warnings.afterSegmentation());
  // In the app, edits re-run the rules shortly after (tests and the CLI run them explicitly).
  if (ctx.runtime === 'electron') watchEdits(ctx, (tables) => warnings.afterEdit(tables));
  // — Visit plans and printing —
  const visits = visitService(ctx, { segmentIds: (selector) => segments.ids(selector).ids });
  // — Satisfaction surveys —
  const surveys = surveyService(ctx, { segmentIds: (selector) => segments.ids(selector).ids, businessName: () => visits.printSettings().businessName });
  // — Dashboard and reports —
  // — Loyalty: levels, points, referrals —
  const loyalty = loyaltyService(ctx);

  /** Imports change customers and orders: every area that derives data from them recomputes. */
  const afterImport = (): void => {
    segments.afterImport();
    // — Warnings, complaints and care reminders —
    warnings.afterImport();
    // — Satisfaction surveys —
    // — Dashboard and reports —
    // — Loyalty: levels, points, referrals —
    loyalty.afterImport();
  };

  return {
    app: appInfoService(ctx),
    settings: settingsService(ctx),
    customers: customerService(ctx),
    jobs: { list: () => ctx.jobs.running(), cancel: (id: string) => ctx.jobs.cancel(id) },
    // — Backups, restore and integrity —
    backups: backupService(ctx),
    // — Import and export —
    imports: importService(ctx, { afterDataChanged: afterImport }),
    exports: exportService(ctx),
    // — Customer profiles: editing, views, duplicates, audit —
    undo: undoService(ctx),
    profile: profileService(ctx),
    orders: orderEditService(ctx),
    duplicates: duplicateService(ctx),
    views: viewService(ctx),
    completeness: completenessService(ctx),
    // — Segmentation and lifetime value —
    segments,
    // — Warnings, complaints and care reminders —
    warnings,
    complaints,
    // — Visit plans and printing —
    visits,
    print: printService(ctx),
    // — Satisfaction surveys —
    surveys,
    // — Dashboard and reports —
    reports: reportService(ctx),
    // — Loyalty: levels, points, referrals —
    loyalty,
  };
}

export type Services = ReturnType<typeof createServices>;
