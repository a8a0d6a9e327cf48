import { existsSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BackupWriteError, writeVerifiedBackup } from '../../electron/db/backup';
import { backupFolder } from '../../electron/services/safety';
import { contentsOf, smallDemoDb } from './helpers/dbContents';
import { readOnlyFolder, tinyDisk } from './helpers/mounts';
import { servicesOnTempDb } from './helpers/services';
import { fileFingerprint } from './helpers/temp';

describe('a backup that cannot be written', () => {
  it('disk full (/dev/full answers every write with ENOSPC): a plain error, nothing left behind, the live database untouched', () => {
    const file = smallDemoDb();
    const { db } = servicesOnTempDb({ file });
    const before = contentsOf(db);
    const print = fileFingerprint(file);
    expect(() => writeVerifiedBackup(db, '/dev/full')).toThrow(BackupWriteError);
    expect(() => writeVerifiedBackup(db, '/dev/full')).toThrow(/the disk is full\. The database itself was not changed/);
    // The device is still the device, and SQLite's journal beside it was cleaned up.
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(existsSync('/dev/full-journal')).toBe(false);
    expect(contentsOf(db)).toEqual(before);
    expect(fileFingerprint(file)).toBe(print);
    db.prepare("UPDATE customers SET name = 'still writable' WHERE id = 1").run();
  });

  it('disk full in the backups folder itself (a tiny tmpfs, where mounting is allowed; else /dev/full above covers ENOSPC)', () => {
    const file = smallDemoDb();
    const { db, services } = servicesOnTempDb({ file });
    const before = contentsOf(db);
    if (!tinyDisk(backupFolder(file), 64 * 1024)) return;
    expect(() => services.backups.create('manual')).toThrow(/the disk is full/);
    expect(readdirSync(backupFolder(file))).toEqual([]);
    expect(contentsOf(db)).toEqual(before);
  });

  it('read-only backups folder: a plain error and the live database untouched', () => {
    const file = smallDemoDb();
    const { db, services } = servicesOnTempDb({ file });
    const before = contentsOf(db);
    const method = readOnlyFolder(backupFolder(file));
    expect(method, 'no way to make a folder read-only here').not.toBeNull();
    expect(() => services.backups.create('manual')).toThrow(/cannot write the backup .*(read-only|cannot be created)/);
    expect(() => services.backups.create('manual')).toThrow(/The database itself was not changed/);
    expect(contentsOf(db)).toEqual(before);
    expect(services.customers.list().rows).toHaveLength(150);
  });

  it('a file where the backups folder should be (fails for root too): a plain error, the bulk write does not start', () => {
    const file = smallDemoDb();
    const { db, services } = servicesOnTempDb({ file });
    writeFileSync(backupFolder(file), 'a file in the way');
    const print = fileFingerprint(file);
    expect(() => services.backups.create('manual')).toThrow(/a file is in the way/);
    expect(fileFingerprint(file)).toBe(print);
    expect(contentsOf(db).customers?.startsWith('150:')).toBe(true);
  });
});
