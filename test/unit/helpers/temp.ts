import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir, removed after the current test. */
export function tempDir(prefix = 'patron-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function tempDbPath(name = 'patron.sqlite'): string {
  return join(tempDir(), name);
}

/** Hash of the file and of any -wal/-shm companions, to prove a file was left untouched. */
export function fileFingerprint(file: string): string {
  const h = createHash('sha256');
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    h.update(`${suffix}:`);
    if (existsSync(file + suffix)) h.update(readFileSync(file + suffix));
    else h.update('absent');
  }
  return h.digest('hex');
}
