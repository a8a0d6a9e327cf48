import { appInfoService } from './appInfo';
import { backupService } from './backups';
import { complaintService } from './complaints';
import { completenessService } from './completeness';
import type { ServiceContext } from './context';
import { customerService } from './customers';
import { duplicateService } from './duplicates';
import { exportService } from './exports';
import { importService } from './imports';
import { loyaltyService } from './loyalty';
import { orderEditService } from './orderEdits';
import { printService } from './print';
import { profileService } from './profile';
import { reportService } from './reports';
import { segmentService } from './segments';
import { settingsService } from './settings';
import { surveyService } from './surveys';
import { undoService } from './undo';
import { viewService } from './views';
import { visitService } from './visits';
import { warningService, warningSettingsReader, watchEdits } from './warnings';

export type { ServiceContext } from './context';

/**
 * The places one domain's event starts work in others. Each is a list of
 * listeners the domains below add themselves to, so a new reaction is one line.
 */
interface CrossDomainHooks {
  /** An import changed customers and orders: every area deriving data from them recomputes. */
  afterImport: (() => void)[];
}

/** Every use case of the app, bound to one database. Knows nothing of Electron. */
export function createServices(ctx: ServiceContext) {
  const hooks: CrossDomainHooks = { afterImport: [] };

  const segments = segmentService(ctx);
  const complaints = complaintService(ctx, warningSettingsReader(ctx));
  const warnings = warningService(ctx, complaints);
  const loyalty = loyaltyService(ctx);
  const visits = visitService(ctx, { segmentIds: (selector) => segments.ids(selector).ids });
  const surveys = surveyService(ctx, { segmentIds: (selector) => segments.ids(selector).ids, businessName: () => visits.printSettings().businessName });

  hooks.afterImport.push(segments.afterImport, warnings.afterImport, loyalty.afterImport);
  // New segments change which customers the warning rules look at.
  segments.onRunFinished(() => warnings.afterSegmentation());
  // In the app, edits re-run the rules shortly after (tests and the CLI run them explicitly).
  if (ctx.runtime === 'electron') watchEdits(ctx, (tables) => warnings.afterEdit(tables));

  return {
    app: appInfoService(ctx),
    settings: settingsService(ctx),
    customers: customerService(ctx),
    jobs: { list: () => ctx.jobs.running(), cancel: (id: string) => ctx.jobs.cancel(id) },
    backups: backupService(ctx),
    imports: importService(ctx, { afterDataChanged: () => hooks.afterImport.forEach((listener) => listener()) }),
    exports: exportService(ctx),
    undo: undoService(ctx),
    profile: profileService(ctx),
    orders: orderEditService(ctx),
    duplicates: duplicateService(ctx),
    views: viewService(ctx),
    completeness: completenessService(ctx),
    segments,
    warnings,
    complaints,
    visits,
    print: printService(ctx),
    surveys,
    reports: reportService(ctx),
    loyalty,
  };
}

export type Services = ReturnType<typeof createServices>;
