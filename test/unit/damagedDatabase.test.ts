import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseDamagedError } from '../../electron/db/damage';
import { latestVersion, loadMigrations, migrate } from '../../electron/db/migrate';
import { openAppDatabase, replaceWithBackup } from '../../electron/services/startup';
import { contentsOf, smallDemoDb } from './helpers/dbContents';
import { servicesOnTempDb } from './helpers/services';
import { fileFingerprint, tempDbPath } from './helpers/temp';

function damaged(kind: 'truncated' | 'zero-byte' | 'random-bytes'): string {
  const file = smallDemoDb();
  if (kind === 'truncated') truncateSync(file, Math.floor(statSync(file).size / 2));
  if (kind === 'zero-byte') truncateSync(file, 0);
  if (kind === 'random-bytes') writeFileSync(file, randomBytes(64 * 1024));
  return file;
}

describe('start with a damaged database', () => {
  for (const kind of ['truncated', 'zero-byte', 'random-bytes'] as const) {
    it(`a ${kind} file is refused with a clear reason and left byte-identical`, () => {
      const file = damaged(kind);
      const before = fileFingerprint(file);
      let error: unknown;
      try {
        openAppDatabase(file).db.close();
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DatabaseDamagedError);
      const message = (error as Error).message;
      expect(message).toContain(file);
      expect(message).toMatch({ truncated: /truncated/, 'zero-byte': /empty \(0 bytes\)/, 'random-bytes': /not an SQLite database/ }[kind]);
      expect(message).toContain('Patron has not changed the file');
      expect(fileFingerprint(file)).toBe(before);
    });
  }

  it('offers the newest good backup (skipping a damaged newer one); recovery moves the damaged file aside, never overwriting it', () => {
    const file = smallDemoDb();
    const good = servicesOnTempDb({ file, now: new Date('2026-11-20T10:00:00Z') });
    const expected = contentsOf(good.db);
    const goodBackup = good.services.backups.create('manual').path;
    const newerBackup = servicesOnTempDb({ file, now: new Date('2026-11-21T10:00:00Z') }).services.backups.create('scheduled').path;
    good.db.close();
    truncateSync(newerBackup, 4096);
    writeFileSync(file, randomBytes(32 * 1024));
    const damagedBytes = readFileSync(file);

    let error: DatabaseDamagedError | null = null;
    try {
      openAppDatabase(file);
    } catch (err) {
      error = err as DatabaseDamagedError;
    }
    expect(error?.newestGoodBackup).toBe(goodBackup);

    const aside = replaceWithBackup(file, goodBackup, new Date('2026-11-22T10:00:00Z'));
    expect(readFileSync(aside).equals(damagedBytes)).toBe(true);
    const reopened = openAppDatabase(file);
    expect(contentsOf(reopened.db)).toEqual(expected);
    reopened.db.close();
    expect(() => replaceWithBackup(file, newerBackup)).toThrow(/cannot be used: the file is truncated/);
  });
});

describe('start with a database that needs migrating', () => {
  it('writes a verified backup of the unmigrated file first', () => {
    const file = tempDbPath();
    // A database of the previous Patron version (before the marker) with one customer.
    const raw = new Database(file);
    migrate(raw, loadMigrations(), latestVersion(loadMigrations()) - 1);
    raw.exec("INSERT INTO customers (code, kind, name) VALUES ('C1', 'company', 'before migrating')");
    raw.close();
    const opened = openAppDatabase(file, { now: new Date('2026-11-23T07:00:00Z') });
    expect(opened.migration?.applied.length).toBeGreaterThan(0);
    expect(opened.migrationBackup).toMatch(/patron-20261123-070000-migration\.sqlite$/);
    opened.db.close();
    const copy = new Database(opened.migrationBackup ?? '', { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(latestVersion(loadMigrations()) - 1);
    expect(copy.prepare('SELECT name FROM customers').pluck().get()).toBe('before migrating');
    copy.close();
    // Opening again migrates nothing and backs up nothing.
    const again = openAppDatabase(file);
    expect(again.migrationBackup).toBeNull();
    again.db.close();
    expect(existsSync(file)).toBe(true);
  });
});

describe('start after a crash left a -wal file', () => {
  /** The files as a crash leaves them: committed pages still in the WAL, never checkpointed. */
  function crashImage(): { file: string; names: string[] } {
    const source = smallDemoDb('source.sqlite');
    const db = new Database(source);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare("UPDATE customers SET name = '崩溃前的修改' WHERE id = 1").run();
    const file = tempDbPath();
    // Copy while the writer is still open: exactly the files a SIGKILL would leave.
    for (const suffix of ['', '-wal']) writeFileSync(file + suffix, readFileSync(source + suffix));
    db.close();
    return { file, names: [file, `${file}-wal`] };
  }

  it('a healthy crash image passes and opens with the committed edit', () => {
    const { file } = crashImage();
    const opened = openAppDatabase(file);
    expect(opened.db.prepare('SELECT name FROM customers WHERE id = 1').pluck().get()).toBe('崩溃前的修改');
    opened.db.close();
  });

  it('a damaged file with a WAL beside it is refused and neither file is changed (the WAL is not folded in)', () => {
    const { file } = crashImage();
    const size = statSync(file).size;
    const bytes = readFileSync(file);
    // Overwrite pages in the middle of the file (b-tree pages, not the header).
    randomBytes(16 * 4096).copy(bytes, Math.floor(size / 2 / 4096) * 4096);
    writeFileSync(file, bytes);
    const before = fileFingerprint(file);
    expect(() => openAppDatabase(file)).toThrow(DatabaseDamagedError);
    expect(fileFingerprint(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(true);
  });
});
