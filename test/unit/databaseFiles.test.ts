import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, PATRON_APPLICATION_ID } from '../../electron/db/connection';
import { DatabaseDamagedError } from '../../electron/db/damage';
import { DatabaseFileError } from '../../electron/db/errors';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { backupFolder } from '../../electron/services/safety';
import { openAppDatabase } from '../../electron/services/startup';
import { smallDemoDb } from './helpers/dbContents';
import { servicesOnTempDb } from './helpers/services';
import { fileFingerprint, tempDbPath, tempDir } from './helpers/temp';
import { runCli as run } from './helpers/cli';

function customersCsv(): string {
  const file = join(tempDir(), 'customers.csv');
  writeFileSync(file, '客户名称,电话\n杭州恒信,13812345678\n');
  return file;
}

/** An SQLite file of some other program: tables of its own, no Patron marker, user_version 0. */
function foreignDb(): string {
  const file = tempDbPath('other.sqlite');
  const db = new Database(file);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('someone else''s data')");
  db.close();
  return file;
}

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof DatabaseFileError) return err.problem;
    throw err;
  }
  throw new Error('expected a DatabaseFileError');
}

describe('patron init', () => {
  it('creates an empty, marked database with the business name and language, and refuses an existing file', async () => {
    const file = tempDbPath();
    const res = await run('init', '--db', file, '--name', '恒信贸易', '--lang', 'en', '--json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ businessName: '恒信贸易', language: 'en', customers: 0 });
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    expect(db.pragma('application_id', { simple: true })).toBe(PATRON_APPLICATION_ID);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'visits.print'").pluck().get()).toBe(JSON.stringify({ businessName: '恒信贸易' }));
    expect(db.prepare("SELECT value FROM settings WHERE key = 'ui.language'").pluck().get()).toBe('"en"');
    db.close();
    expect((await run('info', '--db', file)).code).toBe(0);

    const print = fileFingerprint(file);
    const again = await run('init', '--db', file, '--name', 'x');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(fileFingerprint(file)).toBe(print);

    const empty = tempDbPath('empty.sqlite');
    writeFileSync(empty, '');
    expect((await run('init', '--db', empty, '--name', 'x')).stderr).toMatch(/already exists/);
    expect((await run('init', '--db', tempDbPath('n.sqlite'))).code).toBe(2);
    expect((await run('init', '--db', tempDbPath('l.sqlite'), '--name', 'x', '--lang', 'fr')).code).toBe(2);
  });
});

describe('commands other than init and demo never create a database', () => {
  it('refuses a missing file and leaves no file behind', async () => {
    const file = tempDbPath();
    for (const argv of [['import', '--db', file, '--type', 'customers', customersCsv()], ['info', '--db', file], ['segment', '--db', file]]) {
      const res = await run(...argv);
      expect(res.code, argv.join(' ')).toBe(1);
      expect(res.stderr).toMatch(/does not exist\. Create a new database with "patron init/);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('refuses a zero-byte file: import writes nothing into it', async () => {
    const file = tempDbPath();
    writeFileSync(file, '');
    const print = fileFingerprint(file);
    for (const argv of [['import', '--db', file, '--type', 'customers', customersCsv()], ['info', '--db', file], ['segment', '--db', file]]) {
      const res = await run(...argv);
      expect(res.code, argv.join(' ')).toBe(1);
      expect(res.stderr).toMatch(/is empty \(0 bytes/);
    }
    expect(readdirSync(join(file, '..'))).toEqual(['patron.sqlite']);
    expect(fileFingerprint(file)).toBe(print);
    expect(problemOf(() => openDatabase(file))).toBe('empty');
  });
});

describe('a SQLite file that is not Patron’s', () => {
  it('is refused byte-identical by the CLI, openDatabase and the app start, with the way to adopt it', async () => {
    const file = foreignDb();
    const print = fileFingerprint(file);
    const res = await run('import', '--db', file, '--type', 'customers', customersCsv());
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/another program.*patron adopt --db/s);
    expect(problemOf(() => openDatabase(file))).toBe('not_patron');
    expect(problemOf(() => openAppDatabase(file))).toBe('not_patron');
    expect((await run('info', '--db', file)).code).toBe(1);
    expect(fileFingerprint(file)).toBe(print);
    expect(existsSync(backupFolder(file))).toBe(false);
  });

  it('a high user_version without the marker is another program’s, not a newer Patron’s', () => {
    const file = foreignDb();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    const print = fileFingerprint(file);
    expect(problemOf(() => openDatabase(file))).toBe('not_patron');
    expect(fileFingerprint(file)).toBe(print);
  });

  it('patron adopt adds Patron’s schema beside its tables after a backup, then it opens like any Patron file', async () => {
    const file = foreignDb();
    const res = await run('adopt', '--db', file, '--json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const { backup } = JSON.parse(res.stdout) as { backup: string };
    const before = new Database(backup, { readonly: true });
    expect(before.pragma('application_id', { simple: true })).toBe(0);
    before.close();
    const { db } = openDatabase(file);
    expect(db.pragma('application_id', { simple: true })).toBe(PATRON_APPLICATION_ID);
    expect(db.prepare('SELECT body FROM notes').pluck().get()).toBe("someone else's data");
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    db.close();
    expect((await run('adopt', '--db', file)).stderr).toMatch(/already a Patron database/);
  });

  it('a database of an earlier Patron (before the marker) still opens and gets the marker', () => {
    const file = smallDemoDb();
    const raw = new Database(file);
    raw.pragma('application_id = 0');
    raw.pragma('user_version = 10');
    raw.close();
    const { db, migration } = openDatabase(file);
    expect(migration).toMatchObject({ from: 10, applied: ['0011_money_integers'] });
    expect(db.pragma('application_id', { simple: true })).toBe(PATRON_APPLICATION_ID);
    db.close();
  });
});

describe('a folder or a read-only place', () => {
  it('a folder says so, with no raw EISDIR', async () => {
    const dir = join(tempDir(), 'patron.sqlite');
    mkdirSync(dir);
    expect(problemOf(() => openDatabase(dir))).toBe('directory');
    expect(problemOf(() => openAppDatabase(dir))).toBe('directory');
    const res = await run('import', '--db', dir, '--type', 'customers', customersCsv());
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/is a folder, not a database file/);
    expect(res.stderr).not.toMatch(/EISDIR/);
    const check = await run('check', '--db', dir);
    expect(check.stdout).toMatch(/it is a folder, not a database file/);
  });

  it('a database on a read-only mount is not called damaged: no restore offered, looking still works', async () => {
    const source = smallDemoDb();
    const dir = join(tempDir(), 'ro');
    mkdirSync(dir);
    // A tmpfs filled with the database, then remounted read-only (root ignores file modes, so chmod would prove nothing).
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir]).status).toBe(0);
    try {
      const file = join(dir, 'patron.sqlite');
      copyFileSync(source, file);
      expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
      const print = fileFingerprint(file);
      let startError: unknown = null;
      try {
        openAppDatabase(file);
      } catch (err) {
        startError = err;
      }
      expect(startError).toBeInstanceOf(DatabaseFileError);
      expect(startError).not.toBeInstanceOf(DatabaseDamagedError);
      expect((startError as DatabaseFileError).problem).toBe('read_only');
      const imported = await run('import', '--db', file, '--type', 'customers', customersCsv());
      expect(imported.code).toBe(1);
      expect(imported.stderr).toMatch(/read-only location/);
      const info = await run('info', '--db', file, '--json');
      expect(info.stderr).toBe('');
      expect(JSON.parse(info.stdout)).toMatchObject({ counts: { customers: 150 } });
      const check = await run('check', '--db', file);
      expect(check.stdout).toMatch(/: OK/);
      expect(check.code).toBe(0);
      expect(fileFingerprint(file)).toBe(print);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});

describe('a busy database', () => {
  it('answers with the typed busy error, not internal', async () => {
    const { db, services, file } = servicesOnTempDb();
    db.pragma('busy_timeout = 50');
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const dispatch = createDispatcher(handlerTable(services));
      const answer = await dispatch('settings:set', { language: 'en' }, { transport: 'direct', url: null, isMainFrame: true });
      expect(answer).toMatchObject({ ok: false, error: { code: 'busy' } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      db.close();
    }
  });
});
