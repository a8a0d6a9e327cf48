import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../electron/db/errors';
import { openAppDatabase } from '../../electron/services/startup';
import { fileFingerprint, tempDbPath } from './helpers/temp';

describe('first start', () => {
  it('creates the demo database when there is none, then reopens it without regenerating', () => {
    const file = tempDbPath();
    const first = openAppDatabase(file, { now: new Date('2026-11-23T08:00:00Z') });
    expect(first.createdDemo?.customers).toBe(2000);
    const count = (table: string) => first.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect(count('customers')).toBe(2000);
    expect(count('orders')).toBeGreaterThan(29_000);
    expect(count('orders')).toBeLessThan(31_000);
    expect(first.db.prepare('SELECT max(order_date) FROM orders').pluck().get()).toBe('2026-11-23');
    first.db.prepare("UPDATE customers SET name = '改过的名字' WHERE id = 1").run();
    first.db.close();

    const second = openAppDatabase(file);
    expect(second.createdDemo).toBeNull();
    expect(second.db.prepare('SELECT name FROM customers WHERE id = 1').pluck().get()).toBe('改过的名字');
    second.db.close();
    expect(existsSync(`${file}.partial`)).toBe(false);
  });
});

describe('start with a database from a newer Patron', () => {
  it('refuses it before writing anything', () => {
    const file = tempDbPath();
    const raw = new Database(file);
    raw.exec("CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('keep me')");
    raw.pragma('user_version = 42');
    raw.pragma('application_id = 1347703374'); // Patron's marker: a newer Patron file
    raw.close();
    const before = fileFingerprint(file);
    expect(() => openAppDatabase(file)).toThrow(DatabaseTooNewError);
    expect(fileFingerprint(file)).toBe(before);
  });
});
