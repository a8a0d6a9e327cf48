import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestVersion, loadMigrations } from '../../electron/db/migrate';
import { fileFingerprint, tempDbPath, tempDir } from './helpers/temp';
import { runCli as run } from './helpers/cli';

const root = resolve(import.meta.dirname, '../..');

describe('patron CLI', () => {
  it('demo creates a database and info reports its version and row counts as JSON', async () => {
    const file = tempDbPath();
    const demo = await run('demo', '--db', file, '--customers', '120', '--orders', '1500', '--as-of', '2026-11-01');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Created demo database');
    const info = await run('info', '--db', file, '--json');
    expect(info.code).toBe(0);
    const report = JSON.parse(info.stdout) as { schemaVersion: number; upToDate: boolean; counts: Record<string, number> };
    expect(report.schemaVersion).toBe(latestVersion(loadMigrations()));
    expect(report.upToDate).toBe(true);
    expect(report.counts.customers).toBe(120);
    expect(report.counts.orders).toBeGreaterThan(1400);
    expect(report.counts.orders).toBeLessThan(1600);
    // Looking leaves no -wal/-shm files behind.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    const text = await run('info', '--db', file);
    expect(text.stdout).toMatch(new RegExp(`schema version\\s+${latestVersion(loadMigrations())} \\(current\\)`));
    expect(text.stdout).toMatch(/customers\s+120/);
  });

  it('demo refuses to overwrite an existing file without --force', async () => {
    const file = tempDbPath();
    expect((await run('demo', '--db', file, '--customers', '20')).code).toBe(0);
    const before = fileFingerprint(file);
    const again = await run('demo', '--db', file, '--customers', '20');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(fileFingerprint(file)).toBe(before);
    expect((await run('demo', '--db', file, '--customers', '30', '--force')).code).toBe(0);
  });

  it('info refuses a database from a newer Patron with a clear message and leaves it unchanged', async () => {
    const file = tempDbPath();
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    raw.pragma('user_version = 99');
    raw.pragma('application_id = 1347703374'); // Patron's marker: a newer Patron file
    raw.close();
    const before = fileFingerprint(file);
    const res = await run('info', '--db', file);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/newer version of Patron \(schema version 99/);
    expect(fileFingerprint(file)).toBe(before);
  });

  it.each([
    [['info'], 2, /--db FILE is required/],
    [['info', '--db'], 2, /--db/],
    [['demo', '--db', '/tmp/x.sqlite', '--customers', 'lots'], 2, /--customers must be a positive whole number/],
    [['demo', '--db', '/tmp/x.sqlite', '--as-of', '2026-13-01'], 2, /--as-of must be a date/],
    [['frobnicate'], 2, /unknown command "frobnicate"/],
    [['info', '--db', '/nonexistent/dir/x.sqlite'], 1, /does not exist. Create a new database with "patron init/],
  ])('patron %j fails with exit %i and says why', async (argv, code, message) => {
    const res = await run(...argv);
    expect(res.code).toBe(code);
    expect(res.stderr).toMatch(message);
  });

  it('runs as `npx patron` (the package bin) in a separate Node process', () => {
    const file = tempDbPath();
    // A fresh npm cache, as on a clean CI machine: the first `npx patron` links the
    // package into the cache and runs its postinstall, which must not touch stdout.
    const env = { ...process.env, npm_config_cache: tempDir() };
    const npx = (args: string[]) => spawnSync('npx', ['--no-install', 'patron', ...args], { cwd: root, encoding: 'utf8', env });
    const demo = npx(['demo', '--db', file, '--customers', '25', '--json']);
    expect(demo.status).toBe(0);
    expect((JSON.parse(demo.stdout) as { customers: number }).customers).toBe(25);
    const info = npx(['info', '--db', file, '--json']);
    expect(info.status).toBe(0);
    expect((JSON.parse(info.stdout) as { counts: { customers: number } }).counts.customers).toBe(25);
    const bad = npx(['info', '--db', `${file}.missing`]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/does not exist/);
  });
});
