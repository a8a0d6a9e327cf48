import { appInfoService } from './appInfo';
import type { ServiceContext } from './context';
import { customerService } from './customers';
import { settingsService } from './settings';
// — Backups, restore and integrity —
// — Import and export —
import { exportService } from './exports';
import { importService } from './imports';
// — Customer profiles: editing, views, duplicates, audit —
// — Segmentation and lifetime value —

export type { ServiceContext } from './context';

/** Every use case of the app, bound to one database. Knows nothing of Electron. */
export function createServices(ctx: ServiceContext) {
  return {
    app: appInfoService(ctx),
    settings: settingsService(ctx),
    customers: customerService(ctx),
    jobs: { list: () => ctx.jobs.running(), cancel: (id: string) => ctx.jobs.cancel(id) },
    // — Backups, restore and integrity —
    // — Import and export —
    imports: importService(ctx),
    exports: exportService(ctx),
    // — Customer profiles: editing, views, duplicates, audit —
    // — Segmentation and lifetime value —
  };
}

export type Services = ReturnType<typeof createServices>;
