import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { DatabaseTooNewError } from '../../electron/db/errors';
import { latestVersion, loadMigrations } from '../../electron/db/migrate';
import { fileFingerprint, tempDbPath } from './helpers/temp';

describe('openDatabase', () => {
  it('creates, migrates and configures a new database: WAL, foreign keys, busy timeout, FULL sync', () => {
    const file = tempDbPath();
    const { db, migration } = openDatabase(file, { create: true });
    expect(migration?.to).toBe(latestVersion(loadMigrations()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses to invent a database where none exists unless asked to', () => {
    const file = tempDbPath();
    expect(() => openDatabase(file)).toThrow(/does not exist/);
    expect(existsSync(file)).toBe(false);
  });

  it.each(['delete', 'wal'])('refuses a database written by a newer Patron (%s journal) and leaves the file byte-for-byte unchanged', (journal) => {
    const file = tempDbPath();
    const raw = new Database(file);
    raw.pragma(`journal_mode = ${journal}`);
    raw.exec("CREATE TABLE future_thing (x); INSERT INTO future_thing VALUES ('from the future');");
    raw.pragma(`user_version = ${latestVersion(loadMigrations()) + 1}`);
    raw.pragma('application_id = 1347703374'); // Patron's marker: a newer Patron file
    raw.close();
    const before = fileFingerprint(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toMatch(/newer version of Patron/);
    expect((error as Error).message).toContain(file);
    // The fingerprint covers -wal/-shm too: none may appear.
    expect(fileFingerprint(file)).toBe(before);
  });

  it('names a file that is not an SQLite database and leaves it alone', () => {
    const file = tempDbPath('customers.xlsx');
    writeFileSync(file, 'PK\u0003\u0004 this is a spreadsheet, not a database'.repeat(10));
    const before = fileFingerprint(file);
    expect(() => openDatabase(file)).toThrow(`${file} is not a Patron database (it is not an SQLite file)`);
    expect(fileFingerprint(file)).toBe(before);
  });
});
