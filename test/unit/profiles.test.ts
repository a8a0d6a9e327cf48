import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { safetyBackupsSettled } from '../../electron/services/safety';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import type { CallerInfo } from '../../electron/ipc/dispatch';
import { servicesOnTempDb } from './helpers/services';

const direct: CallerInfo = { transport: 'direct', url: null, isMainFrame: true };

function setup(customers = 3) {
  const env = servicesOnTempDb();
  env.db.exec(`
    INSERT INTO staff (id, name) VALUES (1, '李娜'), (2, '陈伟');
    INSERT INTO tags (id, name) VALUES (1, '节能'), (2, '定制');
  `);
  const insert = env.db.prepare("INSERT INTO customers (id, code, kind, name, owner_id, status, phone) VALUES (?, ?, 'company', ?, 1, 'active', ?)");
  for (let i = 1; i <= customers; i++) insert.run(i, `C${String(i).padStart(6, '0')}`, i === 1 ? '张三' : `客户${i}号贸易有限公司`, `1380000${String(i).padStart(4, '0')}`);
  env.db.exec(`
    INSERT INTO contacts (customer_id, name, title, is_primary) VALUES (1, '王芳', '采购经理', 1);
    INSERT INTO customer_tags (customer_id, tag_id) VALUES (1, 1);
    INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (1, '2026-03-01', 150000), (2, '2026-09-12', 50050);
  `);
  return { ...env, dispatch: createDispatcher(handlerTable(env.services)) };
}

const state = (env: ReturnType<typeof setup>) => ({
  customers: env.db.prepare('SELECT id, code, kind, name, owner_id, status, tier_override, phone, email FROM customers ORDER BY id').all(),
  tags: env.db.prepare('SELECT * FROM customer_tags ORDER BY customer_id, tag_id').all(),
  contacts: env.db.prepare('SELECT id, customer_id, name, is_primary FROM contacts ORDER BY id').all(),
  orders: env.db.prepare('SELECT id, customer_id FROM orders ORDER BY id').all(),
});

describe('customer edits, undo and redo', () => {
  it('returns a batch id per saved edit; undo restores the old value and redo the new one, both audited', () => {
    const env = setup();
    const before = state(env);
    const edit = env.services.customers.update(2, { status: 'dormant', tags: ['定制', '节能'] });
    expect(edit).toMatchObject({ status: 'dormant', tags: ['定制', '节能'] });
    expect(edit.batchId).toEqual(expect.any(String));
    const afterEdit = state(env);
    const undo = env.services.undo.revert(edit.batchId ?? '');
    expect(state(env)).toEqual(before);
    const redo = env.services.undo.revert(undo.batchId ?? '');
    expect(redo.changed).toBe(2);
    expect(state(env)).toEqual(afterEdit);
    const trail = env.db.prepare("SELECT field, old_value, new_value FROM audit_log WHERE entity = 'customer' AND entity_id = 2 ORDER BY id").all();
    expect(trail).toHaveLength(6);
    expect(trail[0]).toEqual({ field: 'status', old_value: 'active', new_value: 'dormant' });
  });

  it('an edit that changes nothing is not logged and gives no batch', () => {
    const env = setup();
    expect(env.services.customers.update(1, { status: 'active', tags: ['节能'] }).batchId).toBeNull();
    expect(env.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('refuses to undo a field that was changed again since, and leaves everything as it was', () => {
    const env = setup();
    const first = env.services.customers.update(2, { status: 'dormant' });
    env.services.customers.update(2, { status: 'lost' });
    const before = state(env);
    expect(() => env.services.undo.revert(first.batchId ?? '')).toThrow(/changed again/);
    expect(state(env)).toEqual(before);
  });

  it('an invalid value is refused by the contract and writes nothing', async () => {
    const env = setup();
    const before = state(env);
    const res = await env.dispatch('customers:update', { id: 1, patch: { email: 'not-an-email' } }, direct);
    expect(!res.ok && res.error).toMatchObject({ code: 'invalid_request', details: [{ path: 'patch.email' }] });
    expect(state(env)).toEqual(before);
  });
});

describe('bulk edit', () => {
  it('changes 1,000 customers in one batch, takes a verified backup in the background, and one undo restores them all', async () => {
    const env = setup(1000);
    const before = state(env);
    const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
    const res = env.services.customers.bulkUpdate(ids, { ownerId: 2, status: 'dormant', tierOverride: 'high', addTags: ['定制'], removeTags: ['节能'] });
    expect(res.changed).toBe(4000);
    await safetyBackupsSettled(env.file);
    const backups = readdirSync(join(dirname(env.file), 'backups'));
    expect(backups.some((f) => f.includes('bulk-edit'))).toBe(true);
    expect(env.db.prepare('SELECT count(DISTINCT batch_id) FROM audit_log').pluck().get()).toBe(1);
    expect(env.db.prepare("SELECT count(*) FROM customers WHERE owner_id = 2 AND status = 'dormant' AND tier_override = 'high'").pluck().get()).toBe(1000);
    expect(env.services.customers.get(1).tags).toEqual(['定制']);
    env.services.undo.revert(res.batchId ?? '');
    expect(state(env)).toEqual(before);
  });

  it('an unknown customer in the selection rolls the whole bulk edit back', () => {
    const env = setup(5);
    const before = state(env);
    expect(() => env.services.customers.bulkUpdate([1, 2, 99], { status: 'lost' })).toThrow(/99/);
    expect(state(env)).toEqual(before);
    expect(env.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });
});

describe('search keys', () => {
  it('gives each row the full pinyin and initials of its name and main contact', () => {
    const env = setup();
    const row = env.services.customers.list().rows.find((r) => r.id === 1);
    expect(row?.pinyin).toContain('zhangsan');
    expect(row?.pinyin.split(' ')).toContain('zs');
    expect(row?.pinyin).toContain('wangfang');
  });
});

describe('profile: contacts and interactions', () => {
  it('a new primary contact takes the flag from the old one; changes are in the audit trail', () => {
    const env = setup();
    const c = env.services.profile.addContact(1, { name: '赵强', title: '总经理', phone: null, email: 'zq@example.com', wechat: null, birthday: '1980-05-01', isPrimary: true, notes: null });
    expect(env.services.customers.get(1).contacts.map((x) => [x.name, x.isPrimary])).toEqual([['赵强', true], ['王芳', false]]);
    env.services.profile.updateContact(c.id, { name: '赵强', title: '董事长', phone: null, email: null, wechat: null, birthday: '1980-05-01', isPrimary: true, notes: null });
    const audit = env.services.profile.activity(1).audit;
    expect(audit.some((a) => a.entity === 'contact' && a.field === 'title' && a.oldValue === '总经理' && a.newValue === '董事长')).toBe(true);
    env.services.profile.removeContact(c.id);
    expect(env.services.customers.get(1).contacts.map((x) => x.name)).toEqual(['王芳']);
  });

  it('logs an interaction and lists it with the orders on the profile', () => {
    const env = setup();
    env.services.profile.logInteraction(1, { channel: 'wechat', summary: '询问报价', nextFollowUp: '2026-11-30' });
    const activity = env.services.profile.activity(1);
    expect(activity.interactions).toEqual([expect.objectContaining({ channel: 'wechat', summary: '询问报价', nextFollowUp: '2026-11-30', occurredAt: '2026-11-23T09:00:00.000Z' })]);
    expect(activity.orders.map((o) => o.amountCents)).toEqual([150000]);
    expect(() => env.services.profile.activity(99)).toThrow(/99/);
  });
});

describe('duplicates and merge', () => {
  function withDuplicates() {
    const env = setup(3);
    env.db.exec(`
      INSERT INTO customers (id, code, kind, name, phone, email, industry) VALUES
        (10, 'D1', 'company', '杭州恒信科技有限公司', NULL, 'a@hx.cn', '制造'),
        (11, 'D2', 'company', '杭州恒信科技 有限公司', '+86 138 0000 0002', 'A@HX.CN', NULL),
        (12, 'D3', 'company', '杭州恒信科枝有限公司', NULL, NULL, NULL);
      INSERT INTO contacts (customer_id, name, is_primary) VALUES (10, '甲', 1), (11, '乙', 1), (11, '丙', 0);
      INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (11, '2026-01-01', 100), (11, '2026-02-01', 200);
      INSERT INTO interactions (customer_id, occurred_at, channel) VALUES (11, '2026-01-02T00:00:00Z', 'phone');
      INSERT INTO complaints (customer_id, opened_at) VALUES (11, '2026-01-03T00:00:00Z');
      INSERT INTO customer_tags (customer_id, tag_id) VALUES (10, 1), (11, 1), (11, 2);
    `);
    return env;
  }

  it('finds pairs by phone, email, normalised name and near-identical name', () => {
    const env = withDuplicates();
    const pairs = env.services.duplicates.find();
    expect(pairs.find((p) => p.a === 10 && p.b === 11)?.reasons.sort()).toEqual(['email', 'name']);
    expect(pairs.find((p) => p.a === 2 && p.b === 11)?.reasons).toEqual(['phone']);
    expect(pairs.find((p) => p.a === 11 && p.b === 12)?.reasons).toEqual(['similarName']);
  });

  it('merge keeps every order, contact, interaction, complaint and tag of both, and undo restores both exactly', async () => {
    const env = withDuplicates();
    const full = () => ({
      ...state(env),
      interactions: env.db.prepare('SELECT id, customer_id FROM interactions ORDER BY id').all(),
      complaints: env.db.prepare('SELECT id, customer_id FROM complaints ORDER BY id').all(),
      raw: (env.db.prepare('SELECT * FROM customers WHERE id IN (10, 11) ORDER BY id').all() as Record<string, unknown>[]).map(({ updated_at: _u, ...rest }) => rest),
    });
    const before = full();
    const rec = env.services.duplicates.merge({ keepId: 10, mergeId: 11, takeFromMerged: ['phone', 'industry'] });
    expect(rec).toMatchObject({ keptId: 10, mergedId: 11, mergedName: '杭州恒信科技 有限公司', undoneAt: null });
    expect(env.db.prepare('SELECT count(*) FROM customers WHERE id = 11').pluck().get()).toBe(0);
    const kept = env.services.customers.get(10);
    expect(kept).toMatchObject({ phone: '+86 138 0000 0002', industry: null, orderCount: 2, tags: ['定制', '节能'] });
    expect(kept.contacts.map((c) => [c.name, c.isPrimary])).toEqual([['甲', true], ['乙', false], ['丙', false]]);
    expect(env.services.profile.activity(10).interactions).toHaveLength(1);
    expect(env.services.profile.activity(10).complaints).toHaveLength(1);
    await safetyBackupsSettled(env.file);
    expect(readdirSync(join(dirname(env.file), 'backups')).some((f) => f.includes('-merge'))).toBe(true);
    expect(env.db.prepare('SELECT count(*) FROM audit_log WHERE batch_id = ?').pluck().get(rec.batchId)).toBe(3);

    const undone = env.services.duplicates.undoMerge(rec.batchId);
    expect(undone.undoneAt).not.toBeNull();
    expect(full()).toEqual(before);
    expect(env.db.pragma('foreign_key_check')).toEqual([]);
    expect(() => env.services.duplicates.undoMerge(rec.batchId)).toThrow(/already undone/);
    expect(existsSync(env.file)).toBe(true);
  });

  it('refuses to merge a customer with itself or with one that does not exist, writing nothing', async () => {
    const env = withDuplicates();
    const before = state(env);
    const self = await env.dispatch('duplicates:merge', { keepId: 10, mergeId: 10, takeFromMerged: [] }, direct);
    expect(!self.ok && self.error.code).toBe('invalid_request');
    const missing = await env.dispatch('duplicates:merge', { keepId: 10, mergeId: 77, takeFromMerged: [] }, direct);
    expect(!missing.ok && missing.error.code).toBe('not_found');
    expect(state(env)).toEqual(before);
  });
});

describe('saved views and completeness rules', () => {
  it('saves views per user and replaces one saved under the same name', () => {
    const env = setup();
    const s = { columns: [{ colId: 'name', width: 200, hide: false, pinned: 'left' as const, sort: 'asc' as const, sortIndex: 0 }], filter: { status: { filterType: 'text', type: 'equals', filter: 'Active' } } };
    env.services.views.save('我的', s);
    const views = env.services.views.save('我的', { ...s, filter: {} });
    expect(views).toHaveLength(1);
    expect(views[0]?.state.filter).toEqual({});
    expect(env.services.views.remove(views[0]?.id ?? 0)).toEqual([]);
  });

  it('keeps completeness rules in settings, defaulting to the process template', async () => {
    const env = setup();
    expect(env.services.completeness.get().required).toContain('contactTitle');
    env.services.completeness.set({ required: ['phone', 'email'] });
    expect(env.services.completeness.get()).toEqual({ required: ['phone', 'email'] });
    const bad = await env.dispatch('completeness:set', { required: ['phone', 'phone'] }, direct);
    expect(!bad.ok && bad.error.code).toBe('invalid_request');
    expect(env.services.settings.get()).toEqual({ language: null });
  });
});
