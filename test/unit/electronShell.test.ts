import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingDirName, resolveNativeBinding } from '../../electron/main/native';
import { AppOrigin } from '../../electron/main/origin';
import { tempDir } from './helpers/temp';

// The parts of the Electron shell that need no Electron binary.
describe('app origin rule (navigation, IPC sender and request checks)', () => {
  it('accepts only our own file: page in a build', () => {
    const origin = new AppOrigin();
    expect(origin.matches('file:///opt/patron/out/renderer/index.html')).toBe(false);
    origin.set('file:///opt/patron/out/renderer/index.html');
    expect(origin.matches('file:///opt/patron/out/renderer/index.html#/settings')).toBe(true);
    expect(origin.matches('https://example.com/')).toBe(false);
    expect(origin.matches('not a url')).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    const origin = new AppOrigin();
    origin.set('http://localhost:5173/');
    expect(origin.matches('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(origin.matches('http://localhost:5174/')).toBe(false);
    expect(origin.matches('file:///etc/passwd')).toBe(false);
  });
});

describe('Electron SQLite driver location', () => {
  it('names the build by Electron version, platform and arch', () => {
    expect(nativeBindingDirName('45.4.1', 'linux', 'x64')).toBe('electron-45.4.1-linux-x64');
  });

  it('finds the packaged driver in resources/native', () => {
    const resources = tempDir();
    mkdirSync(join(resources, 'native'));
    writeFileSync(join(resources, 'native', 'better_sqlite3.node'), '');
    expect(resolveNativeBinding({ appRoot: '/nowhere', resourcesPath: resources, packaged: true })).toBe(join(resources, 'native', 'better_sqlite3.node'));
  });

  it('explains how to build the driver when it is missing', () => {
    expect(() => resolveNativeBinding({ appRoot: tempDir(), resourcesPath: '/nowhere', packaged: false })).toThrow(/npm run native:electron/);
  });
});
