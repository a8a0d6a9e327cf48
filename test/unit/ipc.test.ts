import { describe, expect, it } from 'vitest';
import { latestVersion, loadMigrations } from '../../electron/db/migrate';
import { channels } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { createDispatcher, registerHandlers, type CallerInfo } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { servicesOnTempDb } from './helpers/services';

const direct: CallerInfo = { transport: 'direct', url: null, isMainFrame: true };

/** A database with one staff member and one customer to edit. */
function setup() {
  const env = servicesOnTempDb();
  env.db.exec(`
    INSERT INTO staff (id, name) VALUES (1, '李娜'), (2, '陈伟');
    INSERT INTO customers (id, code, kind, name, owner_id, status) VALUES (1, 'C000001', 'company', '杭州恒信科技有限公司', 1, 'active');
    INSERT INTO contacts (customer_id, name, title, is_primary) VALUES (1, '王芳', '采购经理', 1);
    INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (1, '2026-03-01', 150000), (1, '2026-09-12', 50050);
  `);
  const dispatch = createDispatcher(handlerTable(env.services));
  return { ...env, dispatch };
}

/** Everything a write could touch, to prove a refused request wrote nothing. */
function snapshot(env: ReturnType<typeof setup>) {
  return {
    customers: env.db.prepare('SELECT * FROM customers ORDER BY id').all(),
    audit: env.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    settings: env.db.prepare('SELECT * FROM settings').all(),
    changes: env.db.prepare('SELECT total_changes()').pluck().get(),
  };
}

describe('IPC contract', () => {
  it('declares a request and a response schema for every channel, and only those', () => {
    expect(Object.keys(contract).sort()).toEqual([...channels].sort());
    for (const c of channels) expect(contract[c].request.safeParse).toBeTypeOf('function');
  });

  it('answers valid requests with responses that satisfy the contract', async () => {
    const env = setup();
    const list = await env.dispatch('customers:list', {}, direct);
    expect(list.ok).toBe(true);
    const parsed = contract['customers:list'].response.parse(list.ok ? list.value : null);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ name: '杭州恒信科技有限公司', ownerName: '李娜', contactName: '王芳', orderCount: 2, totalCents: 200050, lastOrderDate: '2026-09-12' });
    const info = await env.dispatch('app:info', {}, direct);
    expect(info.ok && contract['app:info'].response.parse(info.value).schemaVersion).toBe(latestVersion(loadMigrations()));
  });

  it.each([
    ['wrong type', 'customers:update', { id: '1', patch: { name: 'x' } }, 'id'],
    ['missing field', 'customers:update', { patch: { name: 'x' } }, 'id'],
    ['empty patch', 'customers:update', { id: 1, patch: {} }, 'patch'],
    ['unknown field', 'customers:update', { id: 1, patch: { name: 'x', balance: 5 } }, 'patch'],
    ['bad enum value', 'customers:update', { id: 1, patch: { status: 'vip' } }, 'patch.status'],
    ['bad date', 'customers:update', { id: 1, patch: { cooperationStart: '2023/10/15' } }, 'patch.cooperationStart'],
    ['blank name', 'customers:update', { id: 1, patch: { name: '   ' } }, 'patch.name'],
    ['not an object', 'settings:set', 'zh-CN', ''],
    ['unsupported language', 'settings:set', { language: 'fr' }, 'language'],
  ])('rejects %s with a typed invalid_request error and writes nothing', async (_label, channel, payload, path) => {
    const env = setup();
    const before = snapshot(env);
    const res = await env.dispatch(channel, payload, direct);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_request');
    expect(res.error.message).toContain(channel);
    expect(res.error.details?.map((d) => d.path)).toContain(path);
    expect(snapshot(env)).toEqual(before);
    expect(env.events).toEqual([]);
  });

  it('rejects an unknown channel with a typed error and writes nothing', async () => {
    const env = setup();
    const before = snapshot(env);
    const res = await env.dispatch('customers:drop', { id: 1 }, direct);
    expect(res).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'unknown IPC channel: customers:drop' } });
    expect(snapshot(env)).toEqual(before);
  });

  it('turns service failures into typed errors: unknown customer, unknown owner', async () => {
    const env = setup();
    const before = snapshot(env);
    const missing = await env.dispatch('customers:update', { id: 42, patch: { name: 'x' } }, direct);
    expect(!missing.ok && missing.error.code).toBe('not_found');
    const badOwner = await env.dispatch('customers:update', { id: 1, patch: { ownerId: 99 } }, direct);
    expect(!badOwner.ok && badOwner.error).toMatchObject({ code: 'invalid_request', details: [{ path: 'patch.ownerId' }] });
    expect(snapshot(env)).toEqual(before);
  });

  it('saves a valid edit with its audit trail and announces the changed tables', async () => {
    const env = setup();
    const res = await env.dispatch('customers:update', { id: 1, patch: { status: 'dormant', ownerId: 2, name: '杭州恒信科技有限公司' } }, direct);
    expect(res.ok).toBe(true);
    expect(res.ok && res.value).toMatchObject({ status: 'dormant', ownerName: '陈伟' });
    // The unchanged name is not logged; the two real changes are.
    expect(env.db.prepare('SELECT field, old_value, new_value, actor FROM audit_log ORDER BY field').all()).toEqual([
      { field: 'ownerId', old_value: '1', new_value: '2', actor: 'tester' },
      { field: 'status', old_value: 'active', new_value: 'dormant', actor: 'tester' },
    ]);
    expect(env.events).toEqual([{ event: 'db:changed', payload: { tables: ['customers', 'audit_log'], customerIds: [1] } }]);
  });

  it('refuses callers the host does not trust, before validating or writing', async () => {
    const env = setup();
    const dispatch = createDispatcher(handlerTable(env.services), { isTrustedCaller: (c) => c.url === 'file:///app/index.html' });
    const before = snapshot(env);
    const res = await dispatch('customers:update', { id: 1, patch: { name: 'hijacked' } }, { transport: 'electron', url: 'https://evil.example/', isMainFrame: true });
    expect(!res.ok && res.error.code).toBe('forbidden');
    expect(snapshot(env)).toEqual(before);
    const ok = await dispatch('app:info', {}, { transport: 'electron', url: 'file:///app/index.html', isMainFrame: true });
    expect(ok.ok).toBe(true);
  });

  it('registerHandlers binds every channel on any ipcMain-like object', async () => {
    const env = setup();
    const bound = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    registerHandlers({ handle: (ch, fn) => bound.set(ch, fn) }, handlerTable(env.services), () => direct);
    expect([...bound.keys()].sort()).toEqual([...channels].sort());
    const res = (await bound.get('settings:set')?.({}, { language: 'en' })) as { ok: boolean };
    expect(res).toEqual({ ok: true, value: { language: 'en' } });
    expect(env.services.settings.get()).toEqual({ language: 'en' });
  });
});
