import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatabaseDamagedError } from '../../electron/db/damage';
import { createDispatcher, type CallerInfo } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { recoveryHandlerTable } from '../../electron/ipc/recovery';
import { openAppDatabase, replaceWithBackup } from '../../electron/services/startup';
import { contentsOf, smallDemoDb } from './helpers/dbContents';
import { servicesOnTempDb } from './helpers/services';

const direct: CallerInfo = { transport: 'direct', url: null, isMainFrame: true };

describe('backup IPC channels', () => {
  it('lists, creates, checks and restores through the contract; bad requests never reach the service', async () => {
    const file = smallDemoDb();
    const { db, services } = servicesOnTempDb({ file });
    const dispatch = createDispatcher(handlerTable(services));
    expect(await dispatch('recovery:status', {}, direct)).toEqual({ ok: true, value: { damaged: false } });
    expect(await dispatch('recovery:restore', {}, direct)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const created = await dispatch('backups:create', {}, direct);
    expect(created).toMatchObject({ ok: true, value: { reason: 'manual', ok: true } });
    const list = await dispatch('backups:list', {}, direct);
    expect(list).toMatchObject({ ok: true, value: { settings: { intervalMinutes: 30 }, backups: [{ reason: 'manual' }] } });
    expect(await dispatch('backups:check', {}, direct)).toMatchObject({ ok: true, value: { ok: true, integrity: ['ok'] } });

    const before = contentsOf(db);
    db.prepare('DELETE FROM interactions').run();
    const name = (created as { value: { name: string } }).value.name;
    expect(await dispatch('backups:restore', { name: '' }, direct)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch('backups:restore', { name, path: '/etc/passwd' }, direct)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch('backups:restore', { name }, direct)).toMatchObject({ ok: true });
    expect(contentsOf(db)).toEqual(before);

    expect(await dispatch('backups:configure', { intervalMinutes: 5, retention: { keepRecent: 0, dailyDays: 7, weeklyWeeks: 4 } }, direct)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', details: [{ path: 'retention.keepRecent' }] },
    });
    expect(await dispatch('backups:configure', { intervalMinutes: 5, retention: { keepRecent: 3, dailyDays: 7, weeklyWeeks: 4 } }, direct)).toMatchObject({
      ok: true,
      value: { intervalMinutes: 5 },
    });
  });

  it('export everything runs as a job and writes an .xlsx beside the database', async () => {
    const file = smallDemoDb();
    const { services } = servicesOnTempDb({ file });
    const dispatch = createDispatcher(handlerTable(services));
    const res = (await dispatch('backups:archive', {}, direct)) as { ok: boolean; value: { file: string; tables: { table: string; rows: number }[] } };
    expect(res.ok).toBe(true);
    expect(res.value.file).toMatch(/exports\/patron-archive-\d{8}-\d{6}\.xlsx$/);
    expect(res.value.tables.find((t) => t.table === 'customers')?.rows).toBe(150);
    expect(readFileSync(res.value.file).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('recovery handler table', () => {
  it('answers only the recovery calls while the database is damaged, and restores the newest good backup', async () => {
    const file = smallDemoDb();
    const good = servicesOnTempDb({ file });
    const expected = contentsOf(good.db);
    good.services.backups.create('manual');
    good.db.close();
    writeFileSync(file, randomBytes(20_000));
    let damage: DatabaseDamagedError | null = null;
    try {
      openAppDatabase(file);
    } catch (err) {
      damage = err as DatabaseDamagedError;
    }
    if (!damage) throw new Error('the damaged file was opened');
    const dispatch = createDispatcher(recoveryHandlerTable(damage, 'zh-CN', (backup) => ({ damagedFileKeptAs: replaceWithBackup(file, backup), restoredFrom: backup })));
    expect(await dispatch('recovery:status', {}, direct)).toMatchObject({ ok: true, value: { damaged: true, file, systemLocale: 'zh-CN' } });
    for (const channel of ['customers:list', 'settings:set', 'backups:create', 'db:stats'] as const) {
      expect(await dispatch(channel, channel === 'settings:set' ? { language: 'en' } : {}, direct)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    expect(await dispatch('recovery:restore', {}, direct)).toMatchObject({ ok: true, value: { damagedFileKeptAs: expect.stringContaining('.damaged-') as unknown } });
    const reopened = openAppDatabase(file);
    expect(contentsOf(reopened.db)).toEqual(expected);
    reopened.db.close();
  });
});
