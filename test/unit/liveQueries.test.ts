import { describe, expect, it } from 'vitest';
import { changeAffects, contract, tablesOf, type ReadChannel } from '../../shared/ipc/contract';
import { mergeDomains } from '../../shared/ipc/contract/define';
import { servicesOnTempDb } from './helpers/services';

const reads = (Object.keys(contract) as (keyof typeof contract)[]).filter((c): c is ReadChannel => 'tables' in contract[c]);

describe('live queries: the tables each read declares', () => {
  it('every table a read names exists in the migrated schema', () => {
    const { db } = servicesOnTempDb();
    const schema = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    expect(reads.length).toBeGreaterThan(20);
    for (const read of reads) {
      const tables = tablesOf(read);
      if (tables === 'any') continue;
      for (const table of tables) expect(schema.has(table), `${read} names ${table}`).toBe(true);
    }
    db.close();
  });

  it('a warnings run that opens an alert changes the customer list, and its db:changed reaches customers:list and customers:rows', async () => {
    const { services, db, events } = servicesOnTempDb({ now: new Date('2026-11-23T09:00:00Z') });
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'person', '张伟')").run();
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (1, '2026-01-05', 1000)").run();
    expect(services.customers.list().rows[0]).toMatchObject({ openWarnings: 0 });
    services.warnings.run('manual');
    await new Promise<void>((ok) => services.warnings.onRunFinished(() => ok()));
    // The grid's open-warnings column changed …
    expect(services.customers.list().rows[0]).toMatchObject({ openWarnings: 1 });
    // … and the write said so in terms the list listens for (it used to miss `alerts` and stay stale).
    const changes = events.flatMap((e) => (e.event === 'db:changed' ? [e.payload as { tables: string[] }] : []));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.some((c) => changeAffects(['customers:list'], c.tables))).toBe(true);
    expect(changes.some((c) => changeAffects(['customers:rows'], c.tables))).toBe(true);
    db.close();
  });

  it('a change to an unrelated table leaves a read alone; a read on any table follows every write', () => {
    expect(changeAffects(['customers:list'], ['survey_templates'])).toBe(false);
    expect(changeAffects(['surveys:templates'], ['survey_templates'])).toBe(true);
    expect(changeAffects(['db:stats'], ['survey_templates'])).toBe(true);
  });
});

describe('domain maps', () => {
  it('merging refuses a channel declared twice', () => {
    expect(mergeDomains({ 'a:one': 1 }, { 'a:two': 2 })).toEqual({ 'a:one': 1, 'a:two': 2 });
    expect(() => mergeDomains({ 'a:one': 1 }, { 'a:one': 2 })).toThrow('IPC channel a:one is declared twice');
  });
});
