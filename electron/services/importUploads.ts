import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files the browser wizard uploads go into imports/<timestamp>-<id>/ beside the
 * database. Import history keeps only the file's name (and a backup of the
 * database before each import), never these copies, so only the most recent
 * uploads are kept: enough for a wizard in progress and a retry, not a
 * growing pile of customer data on disk.
 */
export const UPLOADS_KEPT = 10;

/** Folder names the upload writes: UTC timestamp without separators, dash, 8 hex digits. */
const UPLOAD_FOLDER = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/**
 * Removes upload folders beyond the newest `keep`;
 * `current` is never removed. Other files and folders in imports/ are left alone.
 * Returns the names removed.
 */
export function pruneUploads(root: string, current: string, keep = UPLOADS_KEPT): string[] {
  let names: string[];
  try {
    names = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && UPLOAD_FOLDER.test(e.name) && e.name !== current)
      .map((e) => e.name);
  } catch {
    return [];
  }
  // Oldest first: by modification time (several uploads can share a millisecond timestamp), then name.
  const age = new Map(names.map((n) => [n, statSync(join(root, n)).mtimeMs]));
  names.sort((a, b) => (age.get(a) ?? 0) - (age.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const removed = names.slice(0, Math.max(0, names.length - (keep - 1)));
  for (const name of removed) rmSync(join(root, name), { recursive: true, force: true });
  return removed;
}
