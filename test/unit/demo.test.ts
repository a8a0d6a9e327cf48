import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { createDemoDatabase, DEFAULT_DEMO, generateDemo, type DemoOptions, type DemoSummary } from '../../electron/services/demo/generate';

const AS_OF = '2025-12-31';
const OPTIONS: DemoOptions = { ...DEFAULT_DEMO, asOf: AS_OF };
const TABLES = ['staff', 'customers', 'contacts', 'tags', 'customer_tags', 'orders', 'interactions', 'complaints'] as const;

/** A digest of every row of every data table, in storage order. */
function rowsHash(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const order = table === 'customer_tags' ? 'customer_id, tag_id' : 'rowid';
    hash.update(`#${table}\n`);
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw().iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

function scalar(db: Database.Database, sql: string, ...params: unknown[]): number {
  return db.prepare(sql).pluck().get(...params) as number;
}

function text(db: Database.Database, sql: string): string {
  return db.prepare(sql).pluck().get() as string;
}

let dir: string;
let file: string;
let summary: DemoSummary;
let db: Database.Database;
const progress: [number, number][] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patron-demo-'));
  file = join(dir, 'demo.db');
  summary = createDemoDatabase(file, { ...OPTIONS, onProgress: (done, total) => progress.push([done, total]) });
  db = new Database(file, { readonly: true });
}, 60_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('createDemoDatabase', () => {
  it('reports counts that match the tables', () => {
    expect(summary).toMatchObject({ asOf: AS_OF, seed: 20260101 });
    expect(summary.customers).toBe(scalar(db, 'SELECT count(*) FROM customers'));
    expect(summary.contacts).toBe(scalar(db, 'SELECT count(*) FROM contacts'));
    expect(summary.orders).toBe(scalar(db, 'SELECT count(*) FROM orders'));
    expect(summary.interactions).toBe(scalar(db, 'SELECT count(*) FROM interactions'));
    expect(summary.complaints).toBe(scalar(db, 'SELECT count(*) FROM complaints'));
    expect(summary.staff).toBe(scalar(db, 'SELECT count(*) FROM staff'));
    expect(summary.tags).toBe(scalar(db, 'SELECT count(*) FROM tags'));
  });

  it('hits the requested sizes', () => {
    expect(summary.customers).toBe(DEFAULT_DEMO.customers);
    expect(Math.abs(summary.orders - DEFAULT_DEMO.orders)).toBeLessThanOrEqual(DEFAULT_DEMO.orders * 0.02);
    const expectedInteractions = DEFAULT_DEMO.customers * 6 + DEFAULT_DEMO.orders * 0.1;
    expect(Math.abs(summary.interactions - expectedInteractions)).toBeLessThanOrEqual(expectedInteractions * 0.1);
    const complainers = scalar(db, 'SELECT count(DISTINCT customer_id) FROM complaints') / summary.customers;
    expect(complainers).toBeGreaterThan(0.03);
    expect(complainers).toBeLessThan(0.1);
    expect(summary.staff).toBe(8);
  });

  it('leaves a complete WAL database with statistics and no .partial file', () => {
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    expect(text(db, 'PRAGMA journal_mode')).toBe('wal');
    expect(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).toBe(1);
    expect(scalar(db, 'PRAGMA user_version')).toBeGreaterThan(0);
  });

  it('keeps every constraint even though it is built with checks off', () => {
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The indexes dropped for the bulk load are all back.
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['orders_date', 'orders_customer_date', 'customers_name', 'contacts_one_primary', 'complaints_open']));
  });

  it('refuses to overwrite an existing file and leaves it untouched', () => {
    const existing = join(dir, 'existing.db');
    writeFileSync(existing, 'not a database');
    expect(() => createDemoDatabase(existing, OPTIONS)).toThrow(existing);
    expect(readFileSync(existing, 'utf8')).toBe('not a database');
    expect(existsSync(`${existing}.partial`)).toBe(false);
  });

  it('reports progress up to the total', () => {
    expect(progress.length).toBeGreaterThan(0);
    const last = progress[progress.length - 1];
    expect(last?.[0]).toBe(last?.[1]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]?.[0]).toBeGreaterThanOrEqual(progress[i - 1]?.[0] ?? 0);
  });
});

describe('determinism', () => {
  it('gives identical rows for identical options, through either entry point', () => {
    const again = join(dir, 'again.db');
    createDemoDatabase(again, OPTIONS);
    const second = new Database(again, { readonly: true });
    // generateDemo on an ordinary connection, with foreign keys and CHECK constraints enforced row by row.
    const { db: memory } = openDatabase(':memory:', { create: true });
    try {
      generateDemo(memory, OPTIONS);
      const expected = rowsHash(db);
      expect(rowsHash(second)).toBe(expected);
      expect(rowsHash(memory)).toBe(expected);
    } finally {
      second.close();
      memory.close();
    }
  }, 60_000);

  it('gives different rows for a different seed', () => {
    const { db: memory } = openDatabase(':memory:', { create: true });
    try {
      generateDemo(memory, { customers: 50, orders: 500, asOf: AS_OF, seed: 7 });
      const { db: other } = openDatabase(':memory:', { create: true });
      generateDemo(other, { customers: 50, orders: 500, asOf: AS_OF, seed: 8 });
      expect(rowsHash(memory)).not.toBe(rowsHash(other));
      other.close();
    } finally {
      memory.close();
    }
  });

  it('refuses a database that already has data', () => {
    const { db: memory } = openDatabase(':memory:', { create: true });
    try {
      generateDemo(memory, { customers: 10, orders: 50, asOf: AS_OF });
      expect(() => generateDemo(memory, { customers: 10, orders: 50, asOf: AS_OF })).toThrow(/empty database/);
    } finally {
      memory.close();
    }
  });
});

describe('realism', () => {
  it('gives every customer exactly one primary contact', () => {
    expect(scalar(db, 'SELECT count(*) FROM customers c WHERE (SELECT count(*) FROM contacts WHERE customer_id = c.id AND is_primary = 1) <> 1')).toBe(0);
    expect(scalar(db, "SELECT max(n) FROM (SELECT count(*) n FROM contacts JOIN customers c ON c.id = customer_id WHERE c.kind = 'company' GROUP BY customer_id)")).toBe(3);
    expect(scalar(db, "SELECT max(n) FROM (SELECT count(*) n FROM contacts JOIN customers c ON c.id = customer_id WHERE c.kind = 'person' GROUP BY customer_id)")).toBe(1);
  });

  it('has churners, active buyers and prospects, with statuses that follow the last order', () => {
    const lastOrders = `SELECT c.status, max(o.order_date) AS last FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id`;
    const silent = scalar(db, `SELECT count(*) FROM (${lastOrders}) WHERE last < date(?, '-90 days')`, AS_OF);
    const recent = scalar(db, `SELECT count(*) FROM (${lastOrders}) WHERE last >= date(?, '-90 days')`, AS_OF);
    expect(silent / summary.customers).toBeGreaterThan(0.15);
    expect(recent / summary.customers).toBeGreaterThan(0.4);
    expect(scalar(db, `SELECT count(*) FROM (${lastOrders}) WHERE (last IS NULL) <> (status = 'prospect')`)).toBe(0);
    expect(scalar(db, `SELECT count(*) FROM (${lastOrders}) WHERE (last >= date(?, '-90 days')) <> (status = 'active')`, AS_OF)).toBe(0);
    const statuses = db.prepare('SELECT DISTINCT status FROM customers ORDER BY 1').pluck().all();
    expect(statuses).toEqual(['active', 'dormant', 'lost', 'prospect']);
  });

  it('lets churners fall silent in interactions too', () => {
    // A churner may be contacted for a while after its last order, but nearly all lost customers are quiet.
    const quiet = scalar(
      db,
      `SELECT count(*) FROM customers c WHERE c.status = 'lost'
         AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.occurred_at >= date(?, '-90 days'))`,
      AS_OF,
    );
    expect(quiet / scalar(db, "SELECT count(*) FROM customers WHERE status = 'lost'")).toBeGreaterThan(0.9);
  });

  it('spans three years of orders with a visible shopping calendar', () => {
    expect(text(db, 'SELECT min(order_date) FROM orders') >= '2023-01-01').toBe(true);
    expect(text(db, 'SELECT max(order_date) FROM orders')).toBe(AS_OF);
    const byMonth = (month: string): number => scalar(db, 'SELECT count(*) FROM orders WHERE substr(order_date, 6, 2) = ?', month);
    expect(byMonth('02')).toBeLessThan(byMonth('11') * 0.6);
    expect(byMonth('06')).toBeGreaterThan(byMonth('04'));
    expect(scalar(db, "SELECT count(*) FROM customers WHERE cooperation_start < '2023-01-01'")).toBeGreaterThan(0);
    expect(scalar(db, "SELECT count(*) FROM customers WHERE cooperation_start >= '2025-01-01'")).toBeGreaterThan(0);
  });

  it('mixes companies and persons, Chinese and English names', () => {
    const share = (where: string): number => scalar(db, `SELECT count(*) FROM customers WHERE ${where}`) / summary.customers;
    expect(share("kind = 'company'")).toBeGreaterThan(0.5);
    expect(share("kind = 'person'")).toBeGreaterThan(0.3);
    const english = share("name GLOB '*[A-Za-z]*'");
    expect(english).toBeGreaterThan(0.08);
    expect(english).toBeLessThan(0.25);
    const avgAmount = (kind: string): number =>
      scalar(db, 'SELECT avg(amount_cents) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.kind = ?', kind);
    expect(avgAmount('company')).toBeGreaterThan(avgAmount('person') * 10);
  });

  it('writes well-formed codes, numbers, phones and birthdays', () => {
    expect(scalar(db, "SELECT count(*) FROM customers WHERE code NOT GLOB 'C[0-9][0-9][0-9][0-9][0-9][0-9]'")).toBe(0);
    expect(scalar(db, 'SELECT count(DISTINCT order_no) FROM orders')).toBe(summary.orders);
    expect(scalar(db, "SELECT count(*) FROM contacts WHERE phone NOT GLOB '1[358][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")).toBe(0);
    expect(scalar(db, "SELECT count(*) FROM contacts WHERE birthday NOT BETWEEN '1960-01-01' AND '2000-12-31'")).toBe(0);
    expect(scalar(db, "SELECT count(*) FROM contacts WHERE email NOT LIKE '%_@_%._%'")).toBe(0);
    expect(scalar(db, 'SELECT count(*) FROM orders WHERE amount_cents <= 0 OR quantity < 1')).toBe(0);
    expect(scalar(db, 'SELECT count(*) FROM customers WHERE region IS NULL OR industry IS NULL OR source IS NULL')).toBeGreaterThan(0);
    expect(scalar(db, 'SELECT count(*) FROM customers WHERE owner_id NOT IN (SELECT id FROM staff WHERE role = ?)', 'sales')).toBe(0);
    expect(scalar(db, 'SELECT count(*) FROM customer_tags')).toBeGreaterThan(summary.customers);
  });

  it('assigns interactions to the owner inside the data window', () => {
    expect(scalar(db, 'SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id WHERE i.staff_id IS NOT c.owner_id')).toBe(0);
    expect(text(db, 'SELECT max(occurred_at) FROM interactions') < '2026-01-01').toBe(true);
    expect(scalar(db, 'SELECT count(*) FROM interactions WHERE next_follow_up IS NOT NULL')).toBeGreaterThan(0);
  });

  it('produces complaints with missed SLAs, open cases and satisfaction only when resolved', () => {
    expect(scalar(db, "SELECT count(*) FROM complaints WHERE julianday(first_response_at) - julianday(opened_at) > 1")).toBeGreaterThan(0);
    expect(scalar(db, 'SELECT count(*) FROM complaints WHERE first_response_at < opened_at OR resolved_at < first_response_at')).toBe(0);
    const open = scalar(db, 'SELECT count(*) FROM complaints WHERE resolved_at IS NULL') / summary.complaints;
    expect(open).toBeGreaterThan(0.02);
    expect(open).toBeLessThan(0.25);
    expect(scalar(db, 'SELECT count(*) FROM complaints WHERE (resolved_at IS NULL) <> (satisfaction IS NULL)')).toBe(0);
    expect(db.prepare('SELECT DISTINCT severity FROM complaints ORDER BY 1').pluck().all()).toEqual(['critical', 'high', 'low', 'medium']);
  });
});
