import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const mounted: string[] = [];

afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
});

function refusesWrites(dir: string): boolean {
  try {
    writeFileSync(join(dir, '.probe'), 'x');
    return false;
  } catch {
    return true;
  }
}

/**
 * Makes `dir` a folder nobody can write into, also for root (CI runs tests as
 * root, and root ignores file modes): a read-only tmpfs mounted over it when
 * `mount` is allowed, else chmod 0555 (enough for a normal user). Returns the
 * method that really refused a probe write, or null if none did.
 */
export function readOnlyFolder(dir: string): 'read-only tmpfs mount' | 'chmod 0555' | null {
  mkdirSync(dir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir]).status === 0) {
    mounted.push(dir);
    if (refusesWrites(dir)) return 'read-only tmpfs mount';
  }
  chmodSync(dir, 0o555);
  return refusesWrites(dir) ? 'chmod 0555' : null;
}

/** A tiny tmpfs over `dir` so writes run out of space for real; false when mounting is not allowed. */
export function tinyDisk(dir: string, bytes: number): boolean {
  mkdirSync(dir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]).status !== 0) return false;
  mounted.push(dir);
  return true;
}
