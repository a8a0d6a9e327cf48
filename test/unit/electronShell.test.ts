import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type CallerInfo } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { nativeBindingDirName, resolveNativeBinding } from '../../electron/main/native';
import { APP_ENTRY, AppOrigin, rendererFileFor } from '../../electron/main/origin';
import { servicesOnTempDb } from './helpers/services';
import { tempDir } from './helpers/temp';

// The parts of the Electron shell that need no Electron binary.
describe('app origin rule (navigation, IPC sender and request checks)', () => {
  it('a local HTML file is neither navigable nor accepted as an IPC sender; only app://patron is', async () => {
    const page = join(tempDir(), 'invoice.html');
    writeFileSync(page, '<script>window.patron.invoke("backups:list", {})</script>');
    const local = pathToFileURL(page).href;
    const origin = new AppOrigin();
    for (const url of [local, 'file:///etc/passwd', `file://${resolve('out/renderer/index.html')}`, 'app://evil/index.html', 'app://patron@evil/', 'app://patron:8080/', 'https://example.com/', 'http://localhost:5173/', 'not a url']) {
      expect(origin.matches(url), url).toBe(false);
    }
    expect(origin.matches(APP_ENTRY)).toBe(true);
    expect(origin.matches(`${APP_ENTRY}#/print/visit-sheets?plans=1`)).toBe(true);

    const { services } = servicesOnTempDb();
    const dispatch = createDispatcher(handlerTable(services), { isTrustedCaller: (caller) => origin.trustsCaller(caller) });
    const from = (url: string, isMainFrame = true): CallerInfo => ({ transport: 'electron', url, isMainFrame });
    expect(await dispatch('backups:list', {}, from(local))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('backups:list', {}, from('file:///etc/passwd'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('backups:list', {}, from(APP_ENTRY, false))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('backups:list', {}, from(`${APP_ENTRY}#/settings`))).toMatchObject({ ok: true });
  });

  it('trusts the Vite dev server only when electron-vite dev named it', () => {
    const origin = new AppOrigin();
    origin.allowDevServer('http://localhost:5173/');
    expect(origin.matches('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(origin.matches('http://localhost:5174/')).toBe(false);
    expect(origin.matches('file:///etc/passwd')).toBe(false);
  });

  it('serves only files of the built renderer from app://patron', () => {
    const dir = tempDir();
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    expect(rendererFileFor(renderer, 'app://patron/')).toBe(join(renderer, 'index.html'));
    expect(rendererFileFor(renderer, 'app://patron/index.html#/settings')).toBe(join(renderer, 'index.html'));
    expect(rendererFileFor(renderer, 'app://patron/assets/index-abc.js?v=1')).toBe(join(renderer, 'assets', 'index-abc.js'));
    expect(rendererFileFor(renderer, 'app://patron/assets/%E5%AD%97%E4%BD%93.woff2')).toBe(join(renderer, 'assets', '字体.woff2'));
    for (const url of ['app://patron/../secret.txt', 'app://patron/..%2fsecret.txt', 'app://patron/%2e%2e/secret.txt', 'app://patron/assets/..%2f..%2fsecret.txt', 'app://patron/%00', 'app://patron/%E0%A4%A', 'app://other/index.html', 'file:///etc/passwd']) {
      const file = rendererFileFor(renderer, url);
      expect(file === null || file.startsWith(renderer + sep), url).toBe(true);
      expect(file, url).not.toBe(join(dir, 'secret.txt'));
    }
    expect(rendererFileFor(renderer, 'app://patron/..%2fsecret.txt')).toBeNull();
    expect(rendererFileFor(renderer, 'app://other/index.html')).toBeNull();
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
