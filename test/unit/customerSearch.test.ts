import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import type { CallerInfo } from '../../electron/ipc/dispatch';
import { storeSearchKeys } from '../../electron/services/searchKeys';
import { servicesOnTempDb } from './helpers/services';

const direct: CallerInfo = { transport: 'direct', url: null, isMainFrame: true };

function setup() {
  const env = servicesOnTempDb();
  env.db.exec(`
    INSERT INTO customers (id, code, kind, name, status) VALUES (1, 'C1', 'company', '张三', 'active'), (2, 'C2', 'company', 'Acme Ltd', 'active'), (3, 'C3', 'person', '李四', 'active');
    INSERT INTO contacts (id, customer_id, name, is_primary) VALUES (1, 1, '王芳', 1), (2, 2, '陈伟', 0);
  `);
  return env;
}

const stored = (env: ReturnType<typeof setup>) => env.db.prepare('SELECT customer_id, name, contact, pinyin FROM customer_search ORDER BY customer_id').all();
const keysOf = (env: ReturnType<typeof setup>, id: number) => env.services.customers.list().rows.find((r) => r.id === id)?.pinyin;

describe('stored quick-search keys (customer_search)', () => {
  it('are computed and stored by the first list, then read back unchanged', () => {
    const env = setup();
    expect(stored(env)).toEqual([]);
    expect(keysOf(env, 1)).toBe('zhangsan zs wangfang wf');
    expect(keysOf(env, 2)).toBe('');
    expect(stored(env)).toEqual([
      { customer_id: 1, name: '张三', contact: '王芳', pinyin: 'zhangsan zs wangfang wf' },
      { customer_id: 2, name: 'Acme Ltd', contact: null, pinyin: '' },
      { customer_id: 3, name: '李四', contact: null, pinyin: 'lisi ls' },
    ]);
    // A stored key is what the list shows, even if it was made elsewhere (the demo generator).
    env.db.prepare("UPDATE customer_search SET pinyin = 'stored' WHERE customer_id = 3").run();
    expect(keysOf(env, 3)).toBe('stored');
  });

  it('follow a rename, a new main contact and a raw write that no service saw', () => {
    const env = setup();
    env.services.customers.list();
    env.services.customers.update(1, { name: '赵六' });
    expect(keysOf(env, 1)).toBe('zhaoliu zl wangfang wf');
    env.services.profile.addContact(3, { name: '孙七', title: null, phone: null, email: null, wechat: null, birthday: null, isPrimary: true, notes: null });
    expect(keysOf(env, 3)).toBe('lisi ls sunqi sq');
    env.services.profile.removeContact(1);
    expect(keysOf(env, 1)).toBe('zhaoliu zl');
    // An import, a merge or a restore writes the tables directly: the stored texts no longer match.
    env.db.prepare("UPDATE customers SET name = '周八' WHERE id = 2").run();
    expect(keysOf(env, 2)).toBe('zhouba zb');
    expect(env.db.prepare('SELECT name, pinyin FROM customer_search WHERE customer_id = 2').get()).toEqual({ name: '周八', pinyin: 'zhouba zb' });
    // A deleted customer takes its keys with it.
    env.db.prepare('DELETE FROM customers WHERE id = 2').run();
    expect(env.db.prepare('SELECT count(*) FROM customer_search WHERE customer_id = 2').pluck().get()).toBe(0);
  });

  it('are filled for every customer at once by storeSearchKeys (demo generation), and only where stale', () => {
    const env = setup();
    expect(storeSearchKeys(env.db)).toBe(3);
    expect(storeSearchKeys(env.db)).toBe(0);
    env.db.prepare("UPDATE contacts SET is_primary = 1 WHERE id = 2").run();
    expect(storeSearchKeys(env.db)).toBe(1);
    expect(env.db.prepare('SELECT contact, pinyin FROM customer_search WHERE customer_id = 2').get()).toEqual({ contact: '陈伟', pinyin: 'chenwei cw' });
  });
});

describe('refreshing some grid rows (customers:rows and db:changed customerIds)', () => {
  it('answers the rows of the ids asked for, in id order, leaving out ids that do not exist', async () => {
    const env = setup();
    const dispatch = createDispatcher(handlerTable(env.services));
    const answer = await dispatch('customers:rows', { ids: [3, 99, 1, 3] }, direct);
    expect(answer.ok).toBe(true);
    const rows = (answer as { ok: true; value: { rows: { id: number; name: string; pinyin: string }[] } }).value.rows;
    expect(rows.map((r) => [r.id, r.name, r.pinyin])).toEqual([
      [1, '张三', 'zhangsan zs wangfang wf'],
      [3, '李四', 'lisi ls'],
    ]);
    const full = env.services.customers.list().rows;
    expect(rows[0]).toEqual(full[0]);
    expect((await dispatch('customers:rows', { ids: [0] }, direct)).ok).toBe(false);
  });

  it('edits, bulk edits, undo and contact changes name the customers they changed', () => {
    const env = setup();
    const changed = () => env.events.filter((e) => e.event === 'db:changed').map((e) => ('customerIds' in e.payload ? e.payload.customerIds : undefined));
    const edit = env.services.customers.update(2, { region: '华东' });
    env.services.customers.bulkUpdate([1, 3, 1], { status: 'dormant' });
    env.services.undo.revert(edit.batchId ?? '');
    const contact = env.services.profile.addContact(3, { name: '孙七', title: null, phone: null, email: null, wechat: null, birthday: null, isPrimary: true, notes: null });
    env.services.profile.updateContact(contact.id, { name: '孙八', title: null, phone: null, email: null, wechat: null, birthday: null, isPrimary: true, notes: null });
    env.services.profile.removeContact(contact.id);
    expect(changed()).toEqual([[2], [1, 3], [2], [3], [3], [3]]);
  });
});
