import { existsSync, lstatSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { bindingOption } from './nativeBinding';

/** A backup that could not be written; the message says why in plain words, the live database is untouched. */
export class BackupWriteError extends Error {
  readonly target: string;
  constructor(target: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupWriteError';
    this.target = target;
  }
}

function plainReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return 'the disk is full';
    case 'SQLITE_READONLY':
    case 'EROFS':
      return 'the folder is on a read-only disk';
    case 'SQLITE_CANTOPEN':
    case 'EACCES':
    case 'EPERM':
      return `the file cannot be created there (${message})`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `the folder cannot be created because a file is in the way (${message})`;
    default:
      return message;
  }
}

/** True for a path we may delete after a failed write: a regular file we created (never a device such as /dev/full). */
function isOurLeftover(path: string, existedBefore: boolean): boolean {
  if (existedBefore || !existsSync(path)) return false;
  return lstatSync(path).isFile();
}

/**
 * Writes a consistent copy of a live database with `VACUUM INTO` (never a raw file
 * copy, which can catch a half-written page or miss the WAL) and proves it readable
 * with `PRAGMA quick_check`. A copy that fails (disk full, read-only folder, failed
 * check) is removed with anything SQLite left beside it, and reported as a
 * BackupWriteError; the live database is only read.
 */
export function writeVerifiedBackup(db: Db, target: string, opts: { nativeBinding?: string } = {}): void {
  // VACUUM INTO accepts an existing *empty* file, so an existing name is only refused when it holds something.
  const targetExisted = existsSync(target);
  if (targetExisted && statSync(target).size > 0) throw new Error(`backup target already exists: ${target}`);
  const journal = `${target}-journal`;
  const journalExisted = existsSync(journal);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (err) {
    throw new BackupWriteError(target, `cannot write the backup ${target}: ${plainReason(err)}`, { cause: err });
  }
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (err) {
    if (isOurLeftover(target, targetExisted)) rmSync(target, { force: true });
    if (isOurLeftover(journal, journalExisted)) rmSync(journal, { force: true });
    throw new BackupWriteError(target, `cannot write the backup ${target}: ${plainReason(err)}. The database itself was not changed.`, { cause: err });
  }
  let verdict: unknown;
  try {
    const copy = new Database(target, { readonly: true, fileMustExist: true, ...bindingOption(opts.nativeBinding) });
    try {
      verdict = copy.pragma('quick_check', { simple: true });
    } finally {
      copy.close();
    }
  } catch (err) {
    verdict = err instanceof Error ? err.message : String(err);
  }
  if (verdict !== 'ok') {
    if (isOurLeftover(target, targetExisted)) rmSync(target, { force: true });
    throw new BackupWriteError(target, `backup ${target} failed its quick check: ${String(verdict)}`);
  }
}

/**
 * Copies every page of `source` (a closed, verified backup) into the open
 * database `db` with SQLite's online backup API, in one write transaction on the
 * destination: other handles on `db` see the old or the new contents, never a
 * mix, and their prepared statements re-prepare by themselves. Async because
 * better-sqlite3 runs the backup between event-loop turns.
 */
export async function copyIntoLive(source: string, destinationPath: string, opts: { nativeBinding?: string } = {}): Promise<void> {
  const src = new Database(source, { readonly: true, fileMustExist: true, ...bindingOption(opts.nativeBinding) });
  try {
    // A huge step count copies everything in one step, so the destination is locked for as short as possible.
    await src.backup(destinationPath, { progress: () => 1 << 30 });
  } finally {
    src.close();
  }
}
