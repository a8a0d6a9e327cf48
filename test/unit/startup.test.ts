import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../electron/services/startup';
import { tempDbPath } from './helpers/temp';

describe('first start', () => {
  it('creates the demo database when there is none, then reopens it without regenerating', () => {
    const file = tempDbPath();
    const first = openAppDatabase(file, { now: new Date('2026-11-23T08:00:00Z') });
    expect(first.createdDemo?.customers).toBe(2000);
    const customers = first.db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const orders = first.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    expect(customers).toBe(2000);
    expect(orders).toBeGreaterThan(29_000);
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
  it('refuses it before writing anything', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { DatabaseTooNewError } = await import('../../electron/db/errors');
    const { fileFingerprint } = await import('./helpers/temp');
    const file = tempDbPath();
    const raw = new Database(file);
    raw.exec("CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('keep me')");
    raw.pragma('user_version = 42');
    raw.close();
    const before = fileFingerprint(file);
    expect(() => openAppDatabase(file)).toThrow(DatabaseTooNewError);
    expect(fileFingerprint(file)).toBe(before);
  });
});
