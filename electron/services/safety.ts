import { basename, dirname, extname, join } from 'node:path';
import { writeVerifiedBackup } from '../db/backup';
import type { ServiceContext } from './context';

/** Operations that rewrite many rows at once; each is preceded by a verified backup. */
export type BulkOperation = 'import' | 'import-revert' | 'merge' | 'merge-undo' | 'bulk-edit' | 'restore';

/** `<folder of the database>/backups`, beside the file it protects. */
export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}

/**
 * Takes a verified backup before a bulk write and returns its path. Throws (so the
 * bulk write does not start) when the backup cannot be written.
 */
export function backupBeforeBulk(ctx: ServiceContext, operation: BulkOperation): string {
  const base = basename(ctx.dbPath, extname(ctx.dbPath));
  const folder = backupFolder(ctx.dbPath);
  let target = join(folder, `${base}-${stamp(ctx.now())}-${operation}.sqlite`);
  for (let n = 2; ; n++) {
    try {
      writeVerifiedBackup(ctx.db, target);
      return target;
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('backup target already exists')) throw err;
      target = join(folder, `${base}-${stamp(ctx.now())}-${operation}-${n}.sqlite`);
    }
  }
}
