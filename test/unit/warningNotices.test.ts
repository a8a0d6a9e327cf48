import { describe, expect, it } from 'vitest';
import { dueNotice, noticeTitle, raisedNotice } from '../../electron/services/warningNotices';
import { runWarnings } from '../../electron/services/warningRun';
import { startWarningSchedule } from '../../electron/services/warningSchedule';
import { defaultWarningSettings } from '../../shared/warnings/settings';
import { servicesOnTempDb } from './helpers/services';

/** Desktop notices about alerts falling due: each open alert once, across runs and checks. */
describe('due notices', () => {
  it('an open alert is announced once when it falls due today, not again when overdue; closed ones never', () => {
    // One clock the services read; the test moves it.
    const clock = new Date('2026-11-23T09:00:00Z');
    const { services, db } = servicesOnTempDb({ now: clock });
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'person', '张伟'), (2, 'C2', 'person', '李娜'), (3, 'C3', 'person', '王强')").run();
    db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (1, '2026-01-05', 1000), (2, '2026-01-06', 1000), (3, '2026-01-07', 1000)").run();
    // Raised at 09:00 UTC, due 24 h later (2026-11-24T09:00Z): upcoming today.
    const run = runWarnings(db, { asOf: '2026-11-23', now: clock.toISOString(), trigger: 'cli', settings: defaultWarningSettings });
    expect(run.raised).toBe(3);
    expect(services.warnings.claimDueNotices()).toEqual({ today: 0, overdue: 0 });

    // Next day 08:00 UTC: due at 09:00 UTC is before the end of the local day in every zone from UTC−12 to UTC+14.
    clock.setTime(Date.parse('2026-11-24T08:00:00Z'));
    const [first, second, third] = services.warnings.forCustomer(1).concat(services.warnings.forCustomer(2), services.warnings.forCustomer(3));
    services.warnings.setStatus({ id: third!.id, status: 'dismissed', note: '已联系过' });
    expect(services.warnings.claimDueNotices()).toEqual({ today: 2, overdue: 0 });
    expect(services.warnings.claimDueNotices()).toEqual({ today: 0, overdue: 0 });

    // Past due: already announced, so nothing new; a re-run keeps the open alerts and their marks.
    clock.setTime(Date.parse('2026-11-24T12:00:00Z'));
    runWarnings(db, { asOf: '2026-11-24', now: clock.toISOString(), trigger: 'cli', settings: defaultWarningSettings });
    expect(services.warnings.claimDueNotices()).toEqual({ today: 0, overdue: 0 });
    expect(db.prepare('SELECT id FROM alerts WHERE due_notified_at IS NOT NULL ORDER BY id').pluck().all()).toEqual([first!.id, second!.id]);

    // An alert that was never announced and is overdue already counts as overdue.
    db.prepare("UPDATE alerts SET due_notified_at = NULL, due_at = '2026-11-24T10:00:00.000Z' WHERE id = ?").run(second!.id);
    expect(services.warnings.claimDueNotices()).toEqual({ today: 0, overdue: 1 });
    db.close();
  });

  it('the texts name both counts in both languages; the schedule asks for due notices on every check', () => {
    expect(dueNotice('zh-CN', { today: 2, overdue: 1 })).toBe('2 条跟进今天到期，1 条跟进已逾期');
    expect(dueNotice('en', { today: 1, overdue: 0 })).toBe('1 follow-up due today');
    expect(dueNotice('en', { today: 0, overdue: 3 })).toBe('3 follow-ups overdue');
    expect(raisedNotice('en', 2)).toBe('2 new follow-ups due');
    expect(noticeTitle('zh-CN')).toBe('今日跟进');

    let tick: () => void = () => undefined;
    let checks = 0;
    const stop = startWarningSchedule({
      lastAsOf: () => '2026-11-23',
      start: () => undefined,
      onCheck: () => checks++,
      now: () => new Date(2026, 10, 23, 12, 0),
      setInterval: (fn) => ((tick = fn), 1),
      clearInterval: () => undefined,
    });
    tick();
    tick();
    expect(checks).toBe(2);
    stop();
  });
});
