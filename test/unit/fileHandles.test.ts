import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type CallerInfo } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { FileHandles } from '../../electron/services/fileHandles';
import { servicesOnTempDb } from './helpers/services';
import { fileFingerprint, tempDir } from './helpers/temp';

const direct: CallerInfo = { transport: 'direct', url: null, isMainFrame: true };

describe('file handles', () => {
  it('are random, bound to their purpose, and expire when left unused', () => {
    let now = 0;
    const handles = new FileHandles(() => now);
    const a = handles.issue('/data/客户.csv', 'read');
    const b = handles.issue('/data/客户.csv', 'read');
    expect(a.name).toBe('客户.csv');
    expect(a.handle).toMatch(/^[0-9a-f]{32}$/);
    expect(a.handle).not.toBe(b.handle);
    expect(handles.resolve(a.handle, 'read')).toBe('/data/客户.csv');
    expect(() => handles.resolve(a.handle, 'write')).toThrow(/chosen for reading, not for writing/);
    expect(() => handles.resolve('0'.repeat(32), 'read')).toThrow(/no longer available/);
    now += 3 * 60 * 60 * 1000;
    expect(handles.resolve(a.handle, 'read')).toBe('/data/客户.csv');
    now += 5 * 60 * 60 * 1000;
    expect(() => handles.resolve(a.handle, 'read')).toThrow(/no longer available/);
  });

  it('the renderer imports through a handle from the open dialog and can never name a path', async () => {
    const dir = tempDir();
    const csv = join(dir, '客户名单.csv');
    writeFileSync(csv, '客户名称,所属行业\n杭州句柄科技有限公司,制造业\n');
    const { file, services } = servicesOnTempDb({ dialogs: { openFile: () => Promise.resolve(csv) } });
    const dispatch = createDispatcher(handlerTable(services));

    const picked = await dispatch('import:pickFile', {}, direct);
    expect(picked).toMatchObject({ ok: true, value: { file: { name: '客户名单.csv', handle: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown } } });
    const handle = (picked as { value: { file: { handle: string } } }).value.file.handle;
    expect(await dispatch('import:inspect', { handle, target: 'customers' }, direct)).toMatchObject({ ok: true, value: { rows: 1, headers: ['客户名称', '所属行业'] } });
    const preview = await dispatch('import:preview', { handle, target: 'customers', mapping: { name: '客户名称', industry: '所属行业' } }, direct);
    expect(preview).toMatchObject({ ok: true, value: { new: 1, committed: false } });

    const before = fileFingerprint(file);
    // Paths are not part of any request: the schema refuses them before a service runs.
    for (const [channel, payload] of [
      ['import:inspect', { file: csv, target: 'customers' }],
      ['import:start', { file: csv, target: 'customers' }],
      ['import:start', { handle: csv, target: 'customers' }],
      ['export:run', { what: 'customers', format: 'csv', path: file }],
      ['import:upload', { name: 'x.csv', base64: '' }],
    ] as const) {
      expect(await dispatch(channel, payload, direct), channel).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(invalid_request|unknown_channel)$/) as unknown } });
    }
    // A well-formed handle the main process never issued.
    expect(await dispatch('import:start', { handle: 'f'.repeat(32), target: 'customers' }, direct)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(fileFingerprint(file)).toBe(before);
  });

  it('a cancelled open dialog answers no file', async () => {
    const { services } = servicesOnTempDb({ dialogs: { openFile: () => Promise.resolve(null) } });
    expect(await createDispatcher(handlerTable(services))('import:pickFile', {}, direct)).toEqual({ ok: true, value: { file: null } });
  });
});
