import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';

/**
 * Writes a consistent copy of a live database with `VACUUM INTO` (never a raw file
 * copy, which can catch a half-written page or miss the WAL) and proves it readable
 * with `PRAGMA quick_check`. A copy that fails the check is removed and reported.
 */
export function writeVerifiedBackup(db: Db, target: string, opts: { nativeBinding?: string } = {}): void {
  if (existsSync(target)) throw new Error(`backup target already exists: ${target}`);
  mkdirSync(dirname(target), { recursive: true });
  db.prepare('VACUUM INTO ?').run(target);
  let verdict: unknown;
  const copy = new Database(target, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding });
  try {
    verdict = copy.pragma('quick_check', { simple: true });
  } finally {
    copy.close();
  }
  if (verdict !== 'ok') {
    rmSync(target, { force: true });
    throw new Error(`backup ${target} failed its quick check: ${String(verdict)}`);
  }
}
