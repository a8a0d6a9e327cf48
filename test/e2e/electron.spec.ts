import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

/** Path of the Electron binary if `npm ci` (or a first `npm start`) downloaded it; never triggers a download. */
function electronBinary(): string | null {
  try {
    const dir = join(root, 'node_modules', 'electron');
    const exe = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const reason = 'Electron binary not installed (node_modules/electron/dist is missing; it downloads from github.com on the first `npm start`). These specs run on a machine that has it.';
if (!binary) console.log(`[electron.spec] SKIPPED: ${reason}`);

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, reason);

  test.beforeAll(() => {
    // The app loads the Electron-ABI SQLite driver from .native/; build it if missing (npm start does the same).
    const res = spawnSync(process.execPath, [join(root, 'electron/tools/native.mjs'), 'electron'], { cwd: root, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`could not build the Electron SQLite driver:\n${res.stdout}\n${res.stderr}`);
  });

  test('first start creates the demo database and shows customers; the window is locked down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patron-electron-'));
    const db = join(dir, 'patron.sqlite');
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [root, '--db', db], cwd: root, env: { ...process.env, PATRON_ERRORS_TO_STDERR: '1' } });
    try {
      const win = await app.firstWindow();
      await expect(win.getByTestId('customer-count')).toContainText(/2,000/);
      // What the page can reach: no Node (nodeIntegration off, sandbox), only the two bridge functions.
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await win.evaluate(() => Object.keys(window.patron ?? {}).sort())).toEqual(['invoke', 'on']);
      const opened = await win.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a database from a newer Patron is refused with a message and left unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patron-electron-'));
    const db = join(dir, 'future.sqlite');
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(db);
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(db);
    const res = spawnSync(binary ?? '', [root, '--db', db], { env: { ...process.env, PATRON_ERRORS_TO_STDERR: '1' }, encoding: 'utf8', timeout: 60_000 });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/newer version of Patron/);
    expect(readFileSync(db).equals(before)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
