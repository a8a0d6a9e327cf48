import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { isWritableLocation } from './connection';
import { bindingOption } from './nativeBinding';

const SQLITE_MAGIC = 'SQLite format 3\0';

export interface CheckLines {
  ok: boolean;
  lines: string[];
}

export interface ForeignKeyProblem {
  table: string;
  rowid: number | null;
  parent: string;
}

/** `PRAGMA quick_check`: O(N), skips index-content checks; what startup and every new backup run. */
export function quickCheck(db: Db): CheckLines {
  const lines = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  return { ok: lines.length === 1 && lines[0] === 'ok', lines };
}

/** `PRAGMA integrity_check`: the thorough check the Settings button and `patron check` run. */
export function integrityCheck(db: Db): CheckLines {
  const lines = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  return { ok: lines.length === 1 && lines[0] === 'ok', lines };
}

export function foreignKeyCheck(db: Db): ForeignKeyProblem[] {
  return (db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]).map((r) => ({
    table: r.table,
    rowid: r.rowid,
    parent: r.parent,
  }));
}

/** Why a database file cannot be trusted, or null when it passed. */
export type FileVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Looks at a database file without changing it: the header first (a zero-byte
 * or foreign file is refused before SQLite touches it), then `quick_check`. The
 * file is opened without any pragma or migration; SQLite removes the -wal/-shm
 * it may create on close, so the file stays byte-identical. A file with a
 * non-empty -wal (left by a crash) is checked as a copy: closing a handle on it
 * would fold the WAL into the file, which must not happen to a damaged one. A
 * file in a read-only place is checked as a copy too: SQLite cannot open a WAL
 * database where it cannot create the -shm, which is no damage.
 */
export function inspectFile(file: string, opts: { nativeBinding?: string } = {}): FileVerdict {
  if (!existsSync(file)) return { ok: false, reason: 'the file does not exist' };
  if (statSync(file).isDirectory()) return { ok: false, reason: 'it is a folder, not a database file' };
  const wal = `${file}-wal`;
  if (((existsSync(wal) && statSync(wal).size > 0) || !isWritableLocation(file)) && statSync(file).size > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'patron-check-'));
    try {
      const copy = join(dir, 'check.sqlite');
      copyFileSync(file, copy);
      if (existsSync(wal)) copyFileSync(wal, `${copy}-wal`);
      return inspectInPlace(copy, opts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return inspectInPlace(file, opts);
}

function inspectInPlace(file: string, opts: { nativeBinding?: string }): FileVerdict {
  const size = statSync(file).size;
  if (size === 0) return { ok: false, reason: 'the file is empty (0 bytes): its contents have been lost' };
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    return { ok: false, reason: 'the file is not an SQLite database (its header is missing or overwritten)' };
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // A file shorter than the page count its header promises was cut off (a copy or disk that stopped half way).
  if (pages > 0 && size < pageSize * pages && !existsSync(`${file}-wal`)) {
    return { ok: false, reason: `the file is truncated: ${size} bytes where the header promises ${pageSize * pages}` };
  }
  let db: Db | null = null;
  try {
    db = new Database(file, { fileMustExist: true, ...bindingOption(opts.nativeBinding) });
    const check = quickCheck(db);
    if (!check.ok) return { ok: false, reason: `the quick check found damage: ${check.lines.slice(0, 5).join('; ')}` };
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `SQLite cannot read it: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    db?.close();
  }
}
