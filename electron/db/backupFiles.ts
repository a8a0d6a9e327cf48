import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { bindingOption } from './nativeBinding';
import { countedTables } from './stats';

export interface BackupFile {
  name: string;
  path: string;
  takenAt: Date;
  reason: string;
}

/** `<folder of the database>/backups`, beside the file it protects. */
export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

const NAME = /^(.+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([a-z]+(?:-[a-z]+)*)(?:-\d+)?\.sqlite$/;

/** The backups of the database `dbPath` in `folder`, newest first, recognised by their file names. */
export function backupFilesIn(folder: string, dbPath: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  const base = basename(dbPath, extname(dbPath));
  const found: BackupFile[] = [];
  for (const name of readdirSync(folder)) {
    const m = NAME.exec(name);
    if (m?.[1] !== base) continue;
    const [, , y, mo, d, h, mi, s, reason] = m;
    const takenAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
    if (Number.isNaN(takenAt.getTime()) || !reason) continue;
    found.push({ name, path: join(folder, name), takenAt, reason });
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name));
}

export interface BackupSummary {
  bytes: number;
  schemaVersion: number | null;
  counts: Record<string, number> | null;
}

/**
 * Backups never change once written, so a summary is computed once per file (keyed
 * by size and mtime): counting 10M orders in each of 20 backups at every listing
 * would make the Settings page wait for seconds.
 */
const summaries = new Map<string, { key: string; summary: BackupSummary }>();

/** Size, schema version and row counts of a backup file, read-only; nulls when it cannot be read. */
export function summarizeBackup(file: string, opts: { nativeBinding?: string } = {}): BackupSummary {
  const stat = statSync(file);
  const key = `${String(stat.size)}:${String(stat.mtimeMs)}`;
  const cached = summaries.get(file);
  if (cached?.key === key) return cached.summary;
  const summary = readSummary(file, stat.size, opts);
  if (summaries.size > 500) summaries.clear();
  summaries.set(file, { key, summary });
  return summary;
}

function readSummary(file: string, bytes: number, opts: { nativeBinding?: string }): BackupSummary {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...bindingOption(opts.nativeBinding) });
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const counts: Record<string, number> = {};
    for (const t of countedTables) {
      // Table names come from a fixed list, never from input.
      if (present.has(t)) counts[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    }
    return { bytes, schemaVersion, counts };
  } catch {
    return { bytes, schemaVersion: null, counts: null };
  } finally {
    db?.close();
  }
}
