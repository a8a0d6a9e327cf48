import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { channels } from '../../shared/ipc/channels';
import { fileFingerprint, tempDir } from './helpers/temp';

const root = resolve(import.meta.dirname, '../..');
const bundle = join(root, 'out/main/index.js');
const register = join(root, 'test/fixtures/electron/register.mjs');

interface Recorded {
  call: string;
  [key: string]: unknown;
}

/** The Node build of the SQLite driver, placed where a packaged app keeps its own (resources/native). */
function resourcesWithDriver(): string {
  const resources = tempDir();
  mkdirSync(join(resources, 'native'));
  const driver = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node');
  copyFileSync(driver, join(resources, 'native', 'better_sqlite3.node'));
  return resources;
}

/** Runs the built main bundle under plain Node with the recording `electron` double; returns what it recorded. */
function runApp(dbPath: string, calls: [string, unknown, string?][]): { status: number | null; records: Recorded[]; stderr: string } {
  const dir = tempDir();
  const recordFile = join(dir, 'calls.jsonl');
  writeFileSync(recordFile, '');
  const run = spawnSync(process.execPath, ['--import', register, bundle, '--db', dbPath], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PATRON_ELECTRON_RECORD: recordFile, PATRON_ELECTRON_CALLS: JSON.stringify(calls), PATRON_RESOURCES: resourcesWithDriver(), PATRON_USER_DATA: dir, PATRON_ERRORS_TO_STDERR: '' },
  });
  const records = readFileSync(recordFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Recorded);
  return { status: run.status, records, stderr: run.stderr };
}

/** Every package the bundle loads at start, following its own chunks. */
function packagesLoadedBy(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/^import [^'"]*["']([^"']+)["']/gm)) {
    const spec = m[1] ?? '';
    if (spec.startsWith('.')) for (const p of packagesLoadedBy(join(dirname(file), spec), seen)) packages.add(p);
    else packages.add(spec);
  }
  return packages;
}

/** What the renderer got back: the database thread's answers come as JSON text, refusals of the main process as objects. */
const answers = (records: Recorded[]) =>
  records
    .filter((r) => r.call === 'answer')
    .map((r) => (typeof r.answer === 'string' ? JSON.parse(r.answer) : r.answer) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } });

describe('the built main bundle, without an Electron binary', () => {
  beforeAll(() => {
    // The same build `npm run build` makes (a few seconds); this step runs before the e2e build.
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'pipe' });
  }, 180_000);

  it('opens the database in its thread, binds every channel, opens a locked-down window, answers through the thread and backs up on quit', () => {
    const db = join(tempDir(), 'shop.sqlite');
    openDatabase(db, { create: true }).db.close();
    const { status, records, stderr } = runApp(db, [
      ['app:info', {}],
      ['customers:get', { id: 'one' }],
      ['app:info', {}, 'https://example.com/'],
      ['settings:set', { language: 'en' }],
    ]);
    expect(stderr).not.toMatch(/Error/);
    // The window process never loads the SQLite driver: the database lives in out/main/db-thread.js.
    expect(packagesLoadedBy(bundle)).toContain('electron');
    expect(packagesLoadedBy(bundle)).not.toContain('better-sqlite3');
    expect(packagesLoadedBy(join(root, 'out/main/db-thread.js'))).toContain('better-sqlite3');
    expect(status).toBe(0);
    const bound = records.filter((r) => r.call === 'ipcMain.handle').map((r) => r.channel);
    expect([...bound].sort()).toEqual([...channels].sort());
    const windows = records.filter((r) => r.call === 'BrowserWindow');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false },
    });
    expect(records.some((r) => r.call === 'session.setPermissionRequestHandler')).toBe(true);
    expect(records.some((r) => r.call === 'session.webRequest.onBeforeRequest')).toBe(true);
    const [info, invalid, foreign, saved] = answers(records);
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron', systemLocale: 'en-US' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(saved).toMatchObject({ ok: true });
    // The thread's event reaches the window.
    expect(records.some((r) => r.call === 'webContents.send' && r.event === 'db:changed')).toBe(true);
    // Something changed, so the thread took the backup on quit before the app exited.
    expect(readdirSync(join(dirname(db), 'backups')).some((f) => f.endsWith('-quit.sqlite'))).toBe(true);
    expect(records.at(-1)).toEqual({ call: 'app.exit', code: 0 });
  });

  it('shows the recovery screen for a damaged file: only the recovery calls answer, the file stays as it was', () => {
    const db = join(tempDir(), 'damaged.sqlite');
    writeFileSync(db, 'this is not a database, just some text that is long enough to not be empty');
    const before = fileFingerprint(db);
    const { status, records } = runApp(db, [
      ['recovery:status', {}],
      ['customers:list', {}],
    ]);
    expect(status).toBe(0);
    expect(records.filter((r) => r.call === 'BrowserWindow')).toHaveLength(1);
    const [recovery, refused] = answers(records);
    expect(recovery).toMatchObject({ ok: true, value: { damaged: true, file: db, newestGoodBackup: null } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fileFingerprint(db)).toBe(before);
  });

  it('refuses a database from a newer Patron with a message, opens no window and leaves the file untouched', () => {
    const db = join(tempDir(), 'newer.sqlite');
    const opened = openDatabase(db, { create: true }).db;
    opened.pragma('user_version = 999');
    opened.close();
    const before = fileFingerprint(db);
    const { status, records } = runApp(db, [['app:info', {}]]);
    expect(status).toBe(1);
    expect(records.find((r) => r.call === 'dialog.showErrorBox')).toMatchObject({ title: 'Patron cannot open this database', message: expect.stringMatching(/newer version of Patron/) as unknown });
    expect(records.some((r) => r.call === 'BrowserWindow' || r.call === 'ipcMain.handle')).toBe(false);
    expect(existsSync(join(dirname(db), 'backups'))).toBe(false);
    expect(fileFingerprint(db)).toBe(before);
  });
});
