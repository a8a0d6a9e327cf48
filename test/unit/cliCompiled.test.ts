import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../../electron/cli/main';
import { latestVersion, loadMigrations } from '../../electron/db/migrate';
import { buildCli, cliBuildIsStale, CLI_DIR } from '../../electron/tools/buildCli.mjs';
import { tempDbPath, tempDir } from './helpers/temp';
import { runCli as run } from './helpers/cli';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'electron/cli/patron.mjs');
const patron = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: tempDir(), encoding: 'utf8' });

describe('patron --help', () => {
  it('every command answers --help (and -h) with its own usage, exit 0, before checking anything else', async () => {
    expect(commandNames.length).toBeGreaterThanOrEqual(15);
    for (const name of commandNames) {
      for (const flag of ['--help', '-h']) {
        // Even beside options the command would refuse: --help wins and nothing runs.
        const r = await run(name, '--db', '/nonexistent/x.sqlite', '--frobnicate', flag);
        expect(r.code, `${name} ${flag}`).toBe(0);
        expect(r.stdout, name).toMatch(new RegExp(`^patron ${name}: .+\\n\\nusage: patron ${name} `));
        expect(r.stderr).toBe('');
      }
    }
  });

  it('patron --help lists every command with its usage', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const name of commandNames) expect(r.stdout).toContain(`\n  ${name.padEnd(8)} `);
    expect(r.stdout.match(/^ {11}patron \S+/gm)).toHaveLength(commandNames.length);
  });
});

describe('the compiled CLI (.build/cli)', () => {
  it('the bin runs compiled JavaScript with its migrations, job threads and every --help', async () => {
    if (cliBuildIsStale()) await buildCli();
    expect(existsSync(join(CLI_DIR, 'patron.js'))).toBe(true);
    expect(existsSync(join(CLI_DIR, 'worker.js'))).toBe(true);
    expect(readdirSync(join(CLI_DIR, 'jobs'))).toEqual(expect.arrayContaining(['import.js', 'export.js', 'segment.js', 'archive.js']));
    expect(readdirSync(join(CLI_DIR, 'migrations')).filter((f) => f.endsWith('.sql'))).toHaveLength(latestVersion(loadMigrations()));
    // No TypeScript at run time: the compiled entry has no tsx in it.
    expect(readFileSync(bin, 'utf8')).not.toMatch(/tsx/);

    const file = tempDbPath();
    expect(patron('demo', '--db', file, '--customers', '30', '--orders', '300', '--json').status).toBe(0);
    const info = patron('info', '--db', file, '--json');
    expect(info.status, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ schemaVersion: latestVersion(loadMigrations()), upToDate: true, counts: { customers: 30 } });
    // An import runs its job in a worker thread of the compiled build.
    const csv = join(tempDir(), '客户.csv');
    writeFileSync(csv, '客户名称,所属行业\n杭州编译科技有限公司,制造业\n');
    const imported = patron('import', '--db', file, '--type', 'customers', csv, '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ new: 1, committed: true });
    // The rollup repair's second thread is a built entry as well.
    expect(patron('rollups', '--db', file, '--threads', '2', '--json').status).toBe(0);

    for (const name of commandNames) {
      const r = patron(name, '--help');
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`usage: patron ${name} `);
    }
  }, 120_000);

  it('counts the build stale when a source it was made from is newer, so an edit is never run stale', async () => {
    if (cliBuildIsStale()) await buildCli();
    expect(cliBuildIsStale()).toBe(false);
    const source = join(root, 'electron/cli/info.ts');
    const { atime, mtime } = statSync(source);
    try {
      const later = new Date(Date.now() + 60_000);
      utimesSync(source, later, later);
      expect(cliBuildIsStale()).toBe(true);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(cliBuildIsStale()).toBe(false);
  });
});
