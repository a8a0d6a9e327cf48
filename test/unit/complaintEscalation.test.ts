import { describe, expect, it } from 'vitest';
import { handlerTable } from '../../electron/ipc/handlers';
import { servicesOnTempDb } from './helpers/services';

/** Escalation goes to a manager or admin; anyone else is refused with a clear error and nothing changes. */
describe('complaint escalation', () => {
  it('accepts managers and admins, refuses other roles and inactive staff, and lists only the allowed targets', async () => {
    const { services, db } = servicesOnTempDb();
    db.prepare(
      "INSERT INTO staff (id, name, role, active) VALUES (1, '王芳', 'sales', 1), (2, '李强', 'manager', 1), (3, '赵敏', 'admin', 1), (4, '周杰', 'service', 1), (5, '孙丽', 'manager', 0)",
    ).run();
    db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C1', 'company', '恒信')").run();
    const c = services.complaints.log({ customerId: 1, channel: 'phone', category: null, severity: 'high', description: '质量问题', resolutionHours: 48 });

    expect(() => services.complaints.escalate(c.id, 1)).toThrow(/cannot be escalated to 王芳 \(staff 1\): the role is sales; escalation goes to a manager or admin/);
    expect(() => services.complaints.escalate(c.id, 4)).toThrow(/role is service/);
    expect(() => services.complaints.escalate(c.id, 5)).toThrow(/孙丽 \(staff 5\): no longer active/);
    expect(() => services.complaints.escalate(c.id, 99)).toThrow(/staff member 99 does not exist/);
    expect(db.prepare('SELECT escalated_to, escalated_at FROM complaints').get()).toEqual({ escalated_to: null, escalated_at: null });

    expect(services.complaints.escalate(c.id, 2).escalatedToName).toBe('李强');
    expect(services.complaints.escalate(c.id, 3).escalatedToName).toBe('赵敏');

    // Through the IPC table as the renderer calls it: the error keeps its code and names the field.
    const handlers = handlerTable(services);
    expect(await handlers['complaints:escalationTargets']({})).toEqual({ staff: [{ id: 2, name: '李强' }, { id: 3, name: '赵敏' }] });
    let error: unknown = null;
    try {
      await handlers['complaints:escalate']({ id: c.id, staffId: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid_request', details: [{ path: 'staffId', message: 'must be a manager or admin' }] });
    db.close();
  });
});
