import { describe, expect, it } from 'vitest';
import type { ContactInput } from '../../shared/domain/profile';
import { servicesOnTempDb } from './helpers/services';

function setup() {
  const env = servicesOnTempDb();
  env.db.exec(`
    INSERT INTO customers (id, code, kind, name) VALUES (1, 'C000001', 'company', '张三'), (2, 'C000002', 'company', '李四');
    INSERT INTO contacts (id, customer_id, name, title, is_primary) VALUES (1, 1, '王芳', '采购经理', 1);
  `);
  return env;
}

const contacts = (env: ReturnType<typeof setup>) =>
  env.db.prepare('SELECT id, customer_id, name, title, phone, email, wechat, birthday, is_primary, notes FROM contacts ORDER BY id').all();
const input = (over: Partial<ContactInput>): ContactInput => ({ name: '赵强', title: null, phone: null, email: null, wechat: null, birthday: null, isPrimary: false, notes: null, ...over });

describe('contact edits are undoable like other edits', () => {
  it('undo of an added primary contact removes it and makes the old one primary again; redo adds it back', () => {
    const env = setup();
    const before = contacts(env);
    const added = env.services.profile.addContact(1, input({ title: '总经理', birthday: '1980-05-01', isPrimary: true }));
    expect(added.batchId).toEqual(expect.any(String));
    const afterAdd = contacts(env);
    expect(env.services.customers.get(1).contactName).toBe('赵强');
    const undone = env.services.undo.revert(added.batchId);
    expect(contacts(env)).toEqual(before);
    expect(env.services.customers.get(1).contactName).toBe('王芳');
    env.services.undo.revert(undone.batchId ?? '');
    expect(contacts(env)).toEqual(afterAdd);
  });

  it('undo of an edit restores every field, redo the new values; a later change refuses the undo', () => {
    const env = setup();
    const before = contacts(env);
    const edit = env.services.profile.updateContact(1, input({ name: '王芳', title: '总监', phone: '13800000000', isPrimary: true }));
    const afterEdit = contacts(env);
    const undone = env.services.undo.revert(edit.batchId);
    expect(contacts(env)).toEqual(before);
    const redone = env.services.undo.revert(undone.batchId ?? '');
    expect(contacts(env)).toEqual(afterEdit);
    // Changed again since the redo: undoing the redo would overwrite that, so it is refused and nothing changes.
    env.services.profile.updateContact(1, input({ name: '王芳', title: '副总', isPrimary: true }));
    const now = contacts(env);
    expect(() => env.services.undo.revert(redone.batchId ?? '')).toThrow(/changed again/);
    expect(contacts(env)).toEqual(now);
  });

  it('undo of a removal puts the contact back under its id with all its fields; the audit trail shows each step', () => {
    const env = setup();
    env.services.profile.updateContact(1, input({ name: '王芳', title: '采购经理', email: 'wf@example.com', birthday: '1985-02-03', isPrimary: true, notes: '喜欢喝茶' }));
    const before = contacts(env);
    const removed = env.services.profile.removeContact(1);
    expect(contacts(env)).toEqual([]);
    env.services.undo.revert(removed.batchId);
    expect(contacts(env)).toEqual(before);
    const audit = env.services.profile.activity(1).audit.filter((a) => a.entity === 'contact');
    expect(audit.some((a) => a.action === 'delete' && a.field === 'email' && a.oldValue === 'wf@example.com')).toBe(true);
    expect(audit.some((a) => a.action === 'insert' && a.field === 'notes' && a.newValue === '喜欢喝茶')).toBe(true);
  });

  it('moving a primary flag between contacts and back, through the IPC change events, names the customer', () => {
    const env = setup();
    const b = env.services.profile.addContact(1, input({ name: '刘洋' }));
    const edit = env.services.profile.updateContact(b.id, input({ name: '刘洋', isPrimary: true }));
    expect(contacts(env)).toHaveLength(2);
    env.services.undo.revert(edit.batchId);
    expect(env.db.prepare('SELECT name FROM contacts WHERE customer_id = 1 AND is_primary = 1').pluck().all()).toEqual(['王芳']);
    expect(env.events.at(-1)).toEqual({ event: 'db:changed', payload: { tables: ['contacts', 'audit_log'], customerIds: [1] } });
  });
});
