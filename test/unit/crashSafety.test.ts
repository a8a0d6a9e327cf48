import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { smallDemoDb } from './helpers/dbContents';

/** How many SIGKILLs: 200 inside `npm test`, 1,000 with `npm run test:crash` (PATRON_KILLS). */
const KILLS = Number(process.env.PATRON_KILLS ?? 200);
const BATCH = 40;
const child = resolve(import.meta.dirname, '../fixtures/crash/writer.mjs');

/** Starts the writer, lets it run for a random moment after it is ready, kills it; resolves with its "ready" line. */
function runAndKill(file: string, round: number, maxMs: number): Promise<string> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, [child, file, String(round), String(BATCH)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) setTimeout(() => proc.kill('SIGKILL'), Math.random() * maxMs);
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') ok(out.trim());
      else fail(new Error(`writer ended by itself (code ${String(code)}): ${err}`));
    });
  });
}

interface Verdict {
  integrity: string;
  importedCustomers: number;
  importBatches: number;
  importedOrders: number;
  ordersMatchingTheirCustomer: number;
  editValues: number;
  lastEdit: string | null;
}

function verdict(file: string): Verdict {
  const db = new Database(file, { fileMustExist: true });
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      integrity: (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; '),
      importedCustomers: one("SELECT count(*) FROM customers WHERE code LIKE 'K%'"),
      importBatches: one("SELECT count(DISTINCT notes) FROM customers WHERE code LIKE 'K%'"),
      importedOrders: one("SELECT count(*) FROM orders WHERE order_no LIKE 'K%'"),
      ordersMatchingTheirCustomer: one("SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.order_no = c.code"),
      editValues: one("SELECT count(DISTINCT coalesce(notes, '')) FROM customers WHERE code NOT LIKE 'K%'"),
      lastEdit: db.prepare("SELECT max(notes) FROM customers WHERE code NOT LIKE 'K%'").pluck().get() as string | null,
    };
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`${KILLS} SIGKILLs at random moments during imports and bulk edits: every time the database passes integrity_check and holds each transaction whole or not at all`, async () => {
    // Two databases killed side by side: the same number of kills in about half the time.
    const lanes = [smallDemoDb('a.sqlite'), smallDemoDb('b.sqlite')];
    // The writer uses the same connection settings as Patron (WAL, synchronous=FULL): compare with a real Patron connection.
    let expected = '';
    for (const file of lanes) {
      const patron = openDatabase(file).db;
      expected = `ready ${String(patron.pragma('journal_mode', { simple: true }))} ${String(patron.pragma('synchronous', { simple: true }))}`;
      patron.prepare('UPDATE customers SET notes = NULL').run();
      patron.close();
    }
    expect(expected).toBe('ready wal 2');

    const seenEdits = new Set<string>();
    let withImport = 0;
    const lane = async (file: string, first: number) => {
      for (let round = first; round <= KILLS; round += lanes.length) {
        // Mostly short runs (the kill lands in the first transactions, often mid-commit), some longer ones.
        const ready = await runAndKill(file, round, round % 10 === 0 ? 150 : 25);
        expect(ready).toBe(expected);
        const v = verdict(file);
        const whole = v.importedCustomers === 0 || (v.importedCustomers === BATCH && v.importBatches === 1);
        expect({ round, integrity: v.integrity, whole, orders: v.importedOrders, matching: v.ordersMatchingTheirCustomer, editValues: v.editValues }).toEqual({
          round,
          integrity: 'ok',
          whole: true,
          orders: v.importedCustomers,
          matching: v.importedCustomers,
          editValues: 1,
        });
        if (v.importedCustomers > 0) withImport++;
        seenEdits.add(`${file}:${String(v.lastEdit)}`);
      }
    };
    await Promise.all(lanes.map((file, i) => lane(file, i + 1)));
    // The kills really landed after work had been committed (not only before the first transaction).
    expect(withImport).toBeGreaterThan(KILLS / 2);
    expect(seenEdits.size).toBeGreaterThan(KILLS / 2);
    // A generous limit scaled to the count (the machine may be busy); this is not a speed assertion.
  }, Math.max(60_000, KILLS * 600));
});
