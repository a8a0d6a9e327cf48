import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { writeFixture } from '../helpers/files';
import { tempDbPath } from '../helpers/temp';
import { contentsOf, userTables } from '../helpers/dbContents';

const root = resolve(import.meta.dirname, '../../..');

describe('killed import', () => {
  it('SIGKILL in the middle of writing leaves the database content exactly as before', async () => {
    const file = tempDbPath();
    const { db } = openDatabase(file, { create: true });
    db.exec("INSERT INTO customers (id, code, kind, name) VALUES (1, 'C001', 'company', '杭州恒信'), (2, 'C002', 'person', '王芳')");
    const before = contentsOf(db, userTables);
    db.close();
    const lines = ['客户编号,订单号,订单日期,金额,数量,品类'];
    for (let i = 0; i < 400_000; i++) lines.push(`C00${(i % 2) + 1},K${i},2024-0${(i % 9) + 1}-1${i % 10},${(i % 997) + 0.5},${(i % 5) + 1},办公用品`);
    const csv = writeFixture('big-orders.csv', lines.join('\n'));

    const child = spawn(process.execPath, [join(root, 'electron/cli/patron.mjs'), 'import', '--db', file, '--type', 'orders', csv, '--json'], { cwd: root, stdio: 'ignore' });
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    // Writing has begun once the write-ahead log holds several megabytes of new pages.
    const wal = `${file}-wal`;
    const writing = await new Promise<boolean>((ok) => {
      const tick = () => {
        if (child.exitCode !== null) ok(false);
        else if (existsSync(wal) && statSync(wal).size > 8 * 1024 * 1024) ok(true);
        else setTimeout(tick, 10);
      };
      tick();
    });
    expect(writing, 'the import finished before it could be killed').toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');

    const after = new Database(file);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(contentsOf(after, userTables)).toEqual(before);
    expect(after.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    after.close();
  }, 120_000);
});
