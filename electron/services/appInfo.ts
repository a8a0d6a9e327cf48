import { statSync } from 'node:fs';
import type { AppInfo, DbStats } from '../../shared/ipc/contract/app';
import { schemaVersion } from '../db/migrate';
import { rowCounts } from '../db/stats';
import type { ServiceContext } from './context';

function fileBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      // no WAL file yet
    }
  }
  return total;
}

export function appInfoService(ctx: ServiceContext) {
  return {
    info(): AppInfo {
      return {
        name: 'Patron',
        version: ctx.appVersion,
        schemaVersion: schemaVersion(ctx.db),
        dbPath: ctx.dbPath,
        systemLocale: ctx.systemLocale,
        runtime: ctx.runtime,
      };
    },
    stats(): DbStats {
      return { schemaVersion: schemaVersion(ctx.db), fileBytes: fileBytes(ctx.dbPath), counts: rowCounts(ctx.db) };
    },
  };
}
