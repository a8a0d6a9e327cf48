import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { yuanInputSchema } from '../../shared/domain/cellInput';
import { servicesOnTempDb } from './helpers/services';

function setup() {
  const env = servicesOnTempDb();
  env.db.exec(`
    INSERT INTO customers (id, code, kind, name) VALUES (1, 'C000001', 'company', '张三'), (2, 'C000002', 'company', '李四');
    INSERT INTO orders (id, customer_id, order_no, order_date, amount_cents) VALUES
      (10, 1, 'A-10', '2026-01-05', 10000), (11, 1, 'A-11', '2026-03-09', 25050), (12, 2, 'B-12', '2026-02-01', 7000);
  `);
  return env;
}

const rollup = (env: ReturnType<typeof setup>, id: number) =>
  env.db.prepare('SELECT order_count AS n, total_cents AS total FROM customer_rollups WHERE customer_id = ?').get(id) as { n: number; total: number };
const monthly = (env: ReturnType<typeof setup>, id: number) =>
  env.db.prepare('SELECT month, amount_cents AS amount FROM customer_monthly WHERE customer_id = ? ORDER BY month').all(id);

describe('order amounts edited on the profile', () => {
  it('saves yuan typed as "1,234.50" as 123450 cents in one audited change; the customer total follows', () => {
    const env = setup();
    const cents = yuanInputSchema.parse('1,234.50');
    expect(cents).toBe(123450);
    const saved = env.services.orders.setAmount(11, cents ?? 0);
    expect(saved).toMatchObject({ id: 11, orderNo: 'A-11', amountCents: 123450 });
    expect(contract['orders:setAmount'].response.parse(saved)).toEqual(saved);
    expect(rollup(env, 1)).toEqual({ n: 2, total: 10000 + 123450 });
    expect(env.services.customers.get(1).totalCents).toBe(133450);
    expect(monthly(env, 1)).toEqual([{ month: '2026-01', amount: 10000 }, { month: '2026-03', amount: 123450 }]);
    // The other customer is untouched.
    expect(rollup(env, 2)).toEqual({ n: 1, total: 7000 });
    const trail = env.services.profile.activity(1).audit;
    expect(trail[0]).toMatchObject({ entity: 'order', entityId: 11, field: 'amountCents', oldValue: '25050', newValue: '123450', batchId: saved.batchId, actor: 'tester' });
    const event = env.events.at(-1);
    expect(event?.event).toBe('db:changed');
    expect(event?.payload).toMatchObject({ customerIds: [1] });
    // Another customer's profile does not show this change.
    expect(env.services.profile.activity(2).audit).toEqual([]);
  });

  it('undo puts the old amount and total back as a new batch; redo the new one; a later change refuses the undo', () => {
    const env = setup();
    const saved = env.services.orders.setAmount(10, 50000);
    const undone = env.services.undo.revert(saved.batchId);
    expect(env.services.profile.activity(1).orders.find((o) => o.id === 10)?.amountCents).toBe(10000);
    expect(rollup(env, 1)).toEqual({ n: 2, total: 35050 });
    const redone = env.services.undo.revert(undone.batchId ?? '');
    expect(rollup(env, 1)).toEqual({ n: 2, total: 75050 });
    env.services.orders.setAmount(10, 1);
    expect(() => env.services.undo.revert(redone.batchId ?? '')).toThrow(/changed again since/);
    expect(rollup(env, 1)).toEqual({ n: 2, total: 25051 });
  });

  it('refuses bad amounts and unknown orders without changing anything', () => {
    const env = setup();
    const before = env.db.prepare('SELECT * FROM orders ORDER BY id').all();
    const audit = env.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect(() => env.services.orders.setAmount(99, 100)).toThrow(/order 99 does not exist/);
    expect(() => env.services.orders.setAmount(10, -5)).toThrow(/not negative/);
    expect(() => env.services.orders.setAmount(10, 1.5)).toThrow(/whole cents/);
    expect(contract['orders:setAmount'].request.safeParse({ id: 10, amountCents: 12.5 }).success).toBe(false);
    expect(contract['orders:setAmount'].request.safeParse({ id: 10, amountCents: -1 }).success).toBe(false);
    for (const typed of ['12abc', '-3', '1.234', '¥']) expect(yuanInputSchema.safeParse(typed).success && yuanInputSchema.parse(typed) !== null).toBe(false);
    expect(env.db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(before);
    expect(env.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(audit);
  });
});
