import { existsSync } from 'node:fs';
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
    expect(() => openDatabase(file)).toThrow(/not found/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a database written by a newer Patron and leaves the file byte-for-byte unchanged', () => {
    const file = tempDbPath();
    const raw = new Database(file);
    raw.exec("CREATE TABLE future_thing (x); INSERT INTO future_thing VALUES ('from the future');");
    raw.pragma(`user_version = ${latestVersion(loadMigrations()) + 1}`);
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
    expect(fileFingerprint(file)).toBe(before);
  });
});
