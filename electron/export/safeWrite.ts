import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { PatronError } from '../../shared/ipc/errors';
import { backupFolder } from '../db/backupFiles';

/**
 * Every file Patron writes for the user (CSV/.xlsx exports, the report workbook, PDFs,
 * the archive, the CLI's outputs) goes through this module: the target is checked
 * against the open database and its backups, and the bytes go to a temporary file in
 * the same folder that is renamed into place only when complete, so a failed write
 * leaves whatever was at the target before exactly as it was.
 */
function refused(file: string, reason: string): PatronError {
  return new PatronError('invalid_request', `cannot write ${file}: ${reason}`, [{ path: 'file', message: reason }]);
}

/** The files SQLite keeps beside a database; writing any of them would corrupt it. */
const DATABASE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

/** Case-insensitive file systems are the default on Windows and macOS. */
const foldCase = process.platform === 'win32' || process.platform === 'darwin';
const same = (a: string, b: string) => (foldCase ? a.toLowerCase() === b.toLowerCase() : a === b);

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** The path with its folder's symlinks resolved (the file itself need not exist). */
function realLocation(file: string): string {
  const abs = resolve(file);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

const inside = (child: string, folder: string) => {
  const rel = relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
};

/**
 * Checks that `file` may be written while `database` (its path, or null when there is
 * none) is open, and returns its absolute path. Refused: the database, its -wal, -shm
 * and -journal files (by name and by identity, so a link to them is refused too), any
 * file in its backups folder, a directory or other non-regular file, and a file whose
 * folder does not exist.
 */
export function checkWriteTarget(file: string, database: string | null): string {
  const abs = resolve(file);
  if (file.endsWith('/') || file.endsWith(sep)) throw refused(abs, 'it names a folder, not a file');
  const existing = statOrNull(abs);
  if (existing?.isDirectory()) throw refused(abs, 'it is a folder');
  if (existing && !existing.isFile()) throw refused(abs, 'it is not a regular file');
  const folder = statOrNull(dirname(abs));
  if (!folder?.isDirectory()) throw refused(abs, `the folder ${dirname(abs)} does not exist`);
  if (database && database !== ':memory:') {
    const real = realLocation(abs);
    const dbReal = realLocation(database);
    for (const suffix of DATABASE_COMPANIONS) {
      const companion = `${dbReal}${suffix}`;
      const sameFile = existing !== null && statOrNull(companion)?.ino === existing.ino && statOrNull(companion)?.dev === existing.dev;
      if (same(real, companion) || sameFile) throw refused(abs, suffix === '' ? 'it is the open database' : `it is the open database's ${suffix.slice(1)} file`);
    }
    const backups = realLocation(backupFolder(dbReal));
    if (inside(foldCase ? real.toLowerCase() : real, foldCase ? backups.toLowerCase() : backups)) throw refused(abs, 'it is in the database\'s backups folder');
  }
  return abs;
}

/** A fresh name beside `file`, hidden on Unix, that no other writer picks. */
function temporaryBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
}

function flushToDisk(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks `file` (checkWriteTarget), lets `write` fill a temporary file in the same
 * folder, flushes it to disk and renames it over `file`. When `write` throws, the
 * temporary file is removed and `file` is untouched.
 */
export async function writeAtomically<T>(file: string, database: string | null, write: (temporary: string) => Promise<T> | T): Promise<T> {
  const target = checkWriteTarget(file, database);
  const temporary = temporaryBeside(target);
  try {
    const result = await write(temporary);
    flushToDisk(temporary);
    renameSync(temporary, target);
    return result;
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
}
