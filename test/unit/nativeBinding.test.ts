import { afterEach, describe, expect, it } from 'vitest';
import { writeVerifiedBackup } from '../../electron/db/backup';
import { inspectFile } from '../../electron/db/integrity';
import { bindingOption, useNativeBinding } from '../../electron/db/nativeBinding';
import { smallDemoDb } from './helpers/dbContents';
import { servicesOnTempDb } from './helpers/services';
import { tempDbPath } from './helpers/temp';

afterEach(() => useNativeBinding(undefined));

describe('SQLite build for extra handles', () => {
  it('backup verification and start-up checks load the process-wide build the app set (Electron uses its own ABI)', () => {
    const file = smallDemoDb();
    const { db } = servicesOnTempDb({ file });
    expect(bindingOption()).toEqual({});
    expect(inspectFile(file)).toEqual({ ok: true });
    useNativeBinding('/nonexistent/electron-build/better_sqlite3.node');
    expect(bindingOption()).toEqual({ nativeBinding: '/nonexistent/electron-build/better_sqlite3.node' });
    // The only way these can fail here is by trying to load the configured build.
    expect(inspectFile(file)).toMatchObject({ ok: false, reason: expect.stringContaining('/nonexistent/electron-build') as unknown });
    expect(() => writeVerifiedBackup(db, tempDbPath('copy.sqlite'))).toThrow(/\/nonexistent\/electron-build/);
    expect(bindingOption('/explicit.node')).toEqual({ nativeBinding: '/explicit.node' });
  });
});
