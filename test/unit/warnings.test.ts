import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { openWarningsFor } from '../../electron/db/warnings';
import { dailyWarningsDue, startWarningSchedule } from '../../electron/services/warningSchedule';
import { servicesOnTempDb } from './helpers/services';
import { tempDbPath } from './helpers/temp';
import { runCli as run } from './helpers/cli';

interface CliAlert {
  customerId: number;
  rule: string;
  raisedAt: string;
  evidenceText: string;
  status: string;
}
async function warningsOn(file: string, asOf: string): Promise<CliAlert[]> {
  const res = await run('warnings', '--db', file, '--as-of', asOf, '--json');
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  return (JSON.parse(res.stdout) as { alerts: CliAlert[] }).alerts;
}

/** A database with staff and customers; rows are added with plain SQL so the test sets every date. */
function fixture() {
  const file = tempDbPath();
  const { db } = openDatabase(file, { create: true });
  db.prepare("INSERT INTO staff (id, name, role) VALUES (1, '王芳', 'sales'), (2, '李强', 'manager')").run();
  const customer = db.prepare("INSERT INTO customers (id, code, kind, name, owner_id) VALUES (?, ?, 'company', ?, 1)");
  const order = db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, ?, ?)");
  return { file, db, customer, order };
}

describe('warning job, day by day with --as-of', () => {
  it('raises the 90-day alert on day 90 (not 89), keeps one open alert per customer and rule, and closes it when the customer is contacted', async () => {
    const { file, db, customer, order } = fixture();
    customer.run(1, 'C1', '杭州恒信');
    order.run(1, '2026-01-01', 50000);
    db.close();

    expect(await warningsOn(file, '2026-03-31')).toEqual([]); // day 89
    const day90 = await warningsOn(file, '2026-04-01');
    expect(day90).toHaveLength(1);
    expect(day90[0]).toMatchObject({ customerId: 1, rule: 'inactive', status: 'open', raisedAt: '2026-04-01T00:00:00.000Z' });
    expect(day90[0]?.evidenceText).toBe('last order 2026-01-01, last contact none, 90 days');
    // Day 91: still one alert (the same one, raised on day 90), its evidence refreshed.
    const day91 = await warningsOn(file, '2026-04-02');
    expect(day91).toHaveLength(1);
    expect(day91[0]).toMatchObject({ raisedAt: '2026-04-01T00:00:00.000Z' });
    expect(day91[0]?.evidenceText).toContain('91 days');

    const check = new Database(file);
    expect(check.prepare("SELECT assignee_id, due_at FROM alerts WHERE rule = 'inactive'").get()).toEqual({ assignee_id: 1, due_at: '2026-04-02T00:00:00.000Z' });
    check.prepare("INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (1, '2026-04-02T10:00:00.000Z', 'phone')").run();
    check.close();
    expect(await warningsOn(file, '2026-04-03')).toEqual([]);
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT status, note, closed_by, closed_at FROM alerts').all()).toEqual([
      { status: 'resolved', note: 'condition cleared', closed_by: 'auto', closed_at: '2026-04-03T00:00:00.000Z' },
    ]);
    expect(after.prepare('SELECT as_of, raised, closed, open FROM warning_runs ORDER BY id').all()).toEqual([
      { as_of: '2026-03-31', raised: 0, closed: 0, open: 0 },
      { as_of: '2026-04-01', raised: 1, closed: 0, open: 1 },
      { as_of: '2026-04-02', raised: 0, closed: 0, open: 1 },
      { as_of: '2026-04-03', raised: 0, closed: 1, open: 0 },
    ]);
    after.close();
    const text = await run('warnings', '--db', file, '--as-of', '2026-04-03');
    expect(text.stdout).toContain('2026-04-03: 0 open alerts');
    expect((await run('warnings', '--db', file, '--as-of', '2026-04-31')).code).toBe(2);
  });

  it('orders down 30% two months running raise an alert, 29% does not; complaints and low scores raise and clear', async () => {
    const { file, db, customer, order } = fixture();
    customer.run(1, 'C1', '下降三成');
    customer.run(2, 'C2', '下降两成九');
    customer.run(3, 'C3', '有投诉');
    for (const [id, a, b, c] of [[1, 100000, 70000, 49000], [2, 100000, 71000, 50410]] as const) {
      order.run(id, '2026-07-10', a);
      order.run(id, '2026-08-10', b);
      order.run(id, '2026-09-10', c);
      order.run(id, '2026-10-02', 100);
    }
    order.run(3, '2026-09-20', 1000);
    db.prepare("INSERT INTO complaints (id, customer_id, opened_at, severity, description) VALUES (1, 3, '2026-10-01T02:00:00.000Z', 'high', '漏发')").run();
    db.prepare("INSERT INTO complaints (id, customer_id, opened_at, severity, description, resolved_at, satisfaction) VALUES (2, 2, '2026-09-01T02:00:00.000Z', 'low', 'x', '2026-09-02T02:00:00.000Z', 3)").run();
    db.close();
    const alerts = await warningsOn(file, '2026-10-05');
    expect(alerts.map((a) => `${a.customerId}:${a.rule}`).sort()).toEqual(['1:order_drop', '3:complaint']);
    expect(alerts.find((a) => a.rule === 'order_drop')?.evidenceText).toBe('orders 2026-07 CN¥1,000.00 → 2026-08 CN¥700.00 (−30%) → 2026-09 CN¥490.00 (−30%)');

    const edit = new Database(file);
    edit.prepare("UPDATE complaints SET resolved_at = '2026-10-05T09:00:00.000Z', satisfaction = 2 WHERE id = 1").run();
    edit.close();
    const next = await warningsOn(file, '2026-10-06');
    expect(next.map((a) => `${a.customerId}:${a.rule}`).sort()).toEqual(['1:order_drop', '3:negative_feedback']);
    expect(next.find((a) => a.rule === 'negative_feedback')?.evidenceText).toBe('satisfaction 2/5 (2026-10-05)');
  });

  it('predicted churn reads the latest segmentation; a dismissal needs a reason and keeps the alert quiet; openWarningsFor lists open ones', async () => {
    const { file, db, customer, order } = fixture();
    customer.run(1, 'C1', '快流失了');
    customer.run(2, 'C2', '高价值');
    order.run(1, '2026-10-01', 1000);
    order.run(2, '2026-10-01', 1000);
    db.prepare(`INSERT INTO segment_runs (id, started_at, finished_at, as_of, trigger, settings, clv, summary, customers) VALUES (1, 'a', 'b', '2026-10-01', 'cli', '{}', '{}', '{}', 2)`).run();
    const result = db.prepare("INSERT INTO segment_results (customer_id, run_id, score_1, score_2, score_3, composite, tier, quadrant, lifecycle, value_cents, p_alive) VALUES (?, 1, 3, 3, 3, 3, ?, 'low-low', 'maturity', 1000, ?)");
    result.run(1, 'potential', 0.12);
    result.run(2, 'high', 0.2);
    db.close();
    const { services, db: live } = servicesOnTempDb({ file, now: new Date('2026-10-20T01:00:00Z') });
    const alerts = await warningsOn(file, '2026-10-20');
    expect(alerts.map((a) => `${a.customerId}:${a.rule}`)).toEqual(['2:predicted_churn', '1:predicted_churn']);
    const [first] = openWarningsFor(live, 1);
    expect(first).toMatchObject({ rule: 'predicted_churn', evidence: { rule: 'predicted_churn', pAlive: 0.12, threshold: 0.3 }, evidenceText: 'probability alive 12% (threshold 30%)', status: 'open' });

    // The Today page: overdue first (raised the 20th at 00:00 UTC, due 24 h later, now is the 21st … not yet).
    const today = services.warnings.today();
    expect(today.overdue.total + today.today.total + today.upcoming.total).toBe(2);
    const items = [...today.overdue.items, ...today.today.items, ...today.upcoming.items];
    expect(items[0]).toMatchObject({ kind: 'alert', alert: { customerId: 2, tier: 'high' } });

    const id = items.find((i) => i.kind === 'alert' && i.alert.customerId === 1)?.kind === 'alert' ? (items[1] as { alert: { id: number } }).alert.id : 0;
    expect(() => services.warnings.setStatus({ id, status: 'dismissed', note: '' } as never)).toThrow();
    const dismissed = services.warnings.setStatus({ id, status: 'dismissed', note: '客户已换供应商' });
    expect(dismissed).toMatchObject({ status: 'dismissed', note: '客户已换供应商', closedBy: 'tester' });
    expect(live.prepare("SELECT field, old_value, new_value FROM audit_log WHERE entity = 'alert' ORDER BY id").all()).toEqual([
      { field: 'status', old_value: 'open', new_value: 'dismissed' },
      { field: 'note', old_value: null, new_value: '客户已换供应商' },
    ]);
    // Still below the threshold the next day, but dismissed: not raised again within the quiet days.
    expect((await warningsOn(file, '2026-10-21')).map((a) => a.customerId)).toEqual([2]);
    expect(openWarningsFor(live, 1)).toEqual([]);
    live.close();
  });
});

describe('alert actions, complaints and care through the services', () => {
  it('one click logs an interaction and resolves the alert; the worker job raises alerts and reports its run', async () => {
    const { services, db, events } = servicesOnTempDb({ now: new Date('2026-11-23T09:00:00Z') });
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'person', '张伟')").run();
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (1, '2026-01-05', 1000)").run();
    const { jobId, alreadyRunning } = services.warnings.run('manual');
    expect(alreadyRunning).toBe(false);
    expect(services.warnings.run('manual')).toEqual({ jobId, alreadyRunning: true });
    await new Promise<void>((ok) => services.warnings.onRunFinished(() => ok()));
    expect(events.some((e) => e.event === 'db:changed' && (e.payload as { tables: string[] }).tables.includes('alerts'))).toBe(true);
    const [alert] = services.warnings.forCustomer(1);
    expect(alert).toMatchObject({ rule: 'inactive', status: 'open' });
    // Raised now (09:00 UTC), due 24 h later: tomorrow, so upcoming and not yet on the badge.
    expect(services.warnings.today().upcoming.total).toBe(1);
    expect(services.warnings.counts().due).toBe(0);

    const resolved = services.warnings.logInteraction(alert!.id, 'phone', '回访了，下周下单');
    expect(resolved).toMatchObject({ status: 'resolved', note: '回访了，下周下单', closedBy: 'tester' });
    expect(db.prepare('SELECT channel, summary FROM interactions WHERE customer_id = 1').all()).toEqual([{ channel: 'phone', summary: '回访了，下周下单' }]);
    expect(db.prepare('SELECT last_interaction_at FROM customer_rollups WHERE customer_id = 1').pluck().get()).toBe('2026-11-23T09:00:00.000Z');
    expect(services.warnings.today().upcoming.total).toBe(0);
    expect(services.warnings.lastRun()).toMatchObject({ trigger: 'manual', raised: 1 });
    db.close();
  });

  it('complaints get SLA deadlines by severity and the weekend setting, are escalated and resolved, every change audited', () => {
    // Friday 2026-11-27 12:00 UTC is a Friday in every zone from UTC−11 to UTC+11 (the clock uses the machine's zone).
    const now = new Date('2026-11-27T12:00:00Z');
    const { services, db } = servicesOnTempDb({ now });
    db.prepare("INSERT INTO staff (id, name, role) VALUES (2, '李强', 'manager')").run();
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'company', '恒信')").run();
    const s = services.warnings.settings();
    services.warnings.saveSettings({ ...s, sla: { ...s.sla, countWeekends: false } });
    const c = services.complaints.log({ customerId: 1, channel: 'phone', category: '物流', severity: 'medium', description: '送货晚了三天', resolutionHours: 72 });
    // 24 h response from a Friday: the rest of Friday, the weekend skipped, the remainder on Monday → 72 h later.
    expect(Date.parse(c.responseDueAt) - now.getTime()).toBe(72 * 3_600_000);
    expect(c.resolutionHours).toBe(72);
    expect(c.responseState).toBe('running');
    expect(services.warnings.counts()).toMatchObject({ complaintsOpen: 1, complaintsOverdue: 0 });
    expect(() => services.complaints.log({ customerId: 99, channel: null, category: null, severity: 'low', description: 'x', resolutionHours: null })).toThrow(/customer 99/);

    services.complaints.respond(c.id);
    services.complaints.escalate(c.id, 2);
    const done = services.complaints.resolve(c.id, '补发并道歉', 4);
    expect(done).toMatchObject({ responseState: 'met', resolutionState: 'met', escalatedToName: '李强', satisfaction: 4, resolution: '补发并道歉' });
    expect(() => services.complaints.resolve(c.id, 'again', null)).toThrow(/already resolved/);
    const fields = db.prepare("SELECT action, field FROM audit_log WHERE entity = 'complaint' AND entity_id = ? ORDER BY id").all(c.id) as { action: string; field: string }[];
    expect(fields.filter((f) => f.action === 'insert').map((f) => f.field)).toEqual(expect.arrayContaining(['description', 'severity', 'response_due_at', 'resolution_due_at', 'resolution_hours']));
    expect(fields.filter((f) => f.action === 'update').map((f) => f.field)).toEqual(['first_response_at', 'escalated_at', 'escalated_to', 'resolved_at', 'resolution', 'satisfaction']);
    expect(services.complaints.list('open')).toEqual([]);
    expect(services.complaints.list('all')).toHaveLength(1);
    db.close();
  });

  it('an overdue complaint leads the Today page; care reminders list birthdays and anniversaries in the window and remember what was done', () => {
    const { services, db } = servicesOnTempDb({ now: new Date('2026-11-23T09:00:00Z') });
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'company', '恒信'), (2, 'C2', 'person', '张伟')").run();
    db.prepare("INSERT INTO contacts (id, customer_id, name, birthday) VALUES (7, 1, '陈经理', '1980-11-25'), (8, 1, '赵会计', '1990-12-25')").run();
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (2, '2024-11-28', 1000), (2, '2026-11-01', 1000)").run();
    db.prepare("INSERT INTO complaints (customer_id, opened_at, severity, description) VALUES (2, '2026-11-20T02:00:00.000Z', 'high', '坏了')").run();
    const today = services.warnings.today();
    expect(today.overdue.items[0]).toMatchObject({ kind: 'complaint', clock: 'response', complaint: { customerName: '张伟', responseState: 'overdue' } });
    expect(services.warnings.counts()).toMatchObject({ complaintsOpen: 1, complaintsOverdue: 1 });
    expect(today.care.map((c) => [c.kind, c.label, c.occasion, c.years, c.done])).toEqual([
      ['birthday', '陈经理', '2026-11-25', null, false],
      ['anniversary', '', '2026-11-28', 2, false],
    ]);
    services.warnings.setCareDone('birthday', 7, '2026-11-25', true);
    expect(services.warnings.care().find((c) => c.kind === 'birthday')?.done).toBe(true);
    // Done twice is still one mark; undone removes it.
    services.warnings.setCareDone('birthday', 7, '2026-11-25', true);
    expect(db.prepare('SELECT count(*) FROM care_done').pluck().get()).toBe(1);
    services.warnings.setCareDone('birthday', 7, '2026-11-25', false);
    expect(db.prepare('SELECT count(*) FROM care_done').pluck().get()).toBe(0);
    expect(() => services.warnings.setCareDone('birthday', 99, '2026-11-25', true)).toThrow(/contact 99/);
    db.close();
  });

  it('the schedule runs on start and again once the local date changes', () => {
    const started: string[] = [];
    let tick: () => void = () => undefined;
    let lastAsOf: string | null = null;
    let now = new Date(2026, 10, 23, 22, 0);
    const stop = startWarningSchedule({ lastAsOf: () => lastAsOf, start: (t) => started.push(t), now: () => now, setInterval: (fn) => ((tick = fn), 1), clearInterval: () => undefined });
    expect(started).toEqual(['start']);
    lastAsOf = '2026-11-23';
    tick();
    expect(started).toEqual(['start']);
    now = new Date(2026, 10, 24, 0, 5);
    tick();
    expect(started).toEqual(['start', 'daily']);
    expect(dailyWarningsDue('2026-11-24', now)).toBe(false);
    stop();
  });
});
