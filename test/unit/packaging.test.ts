import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(join(root, 'package.json'));

interface BuilderConfig {
  appId: string;
  productName: string;
  npmRebuild: boolean;
  files: unknown;
  icon: string;
  extraResources: { from: string; to: string }[];
  win: { target: string[] };
  mac: { target: string[] };
  linux: { target: string[] };
  asar: boolean;
  electronFuses: Record<string, boolean>;
}

// electron-builder's own loader and schema validation, without building anything.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig: (dir: string, file: string | null, extra: null) => Promise<BuilderConfig>;
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('packaging config (electron-builder.yml)', () => {
  it('passes electron-builder schema validation and targets every OS', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'app.patron.crm', productName: 'Patron' });
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('ships the build output and the Electron SQLite driver where the app looks for it', async () => {
    const config = await getConfig(root, null, null);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    expect(JSON.stringify(config.files)).toContain('"out/**"');
    // Never rebuild node_modules for Electron: that build belongs to Node (tests, CLI).
    expect(config.npmRebuild).toBe(false);
    // native.mjs publishes .native/electron-current/; electron/main/native.ts reads resources/native/.
    expect(config.extraResources).toEqual([{ from: '.native/electron-current/better_sqlite3.node', to: 'native/better_sqlite3.node' }]);
    expect(readFileSync(join(root, 'electron/tools/native.mjs'), 'utf8')).toContain("'electron-current'");
    expect(readFileSync(join(root, 'electron/main/native.ts'), 'utf8')).toContain("join(opts.resourcesPath, 'native', 'better_sqlite3.node')");
  });

  it('flips the Electron fuses that close Node and debugger entry points and lock the app to its checked app.asar', async () => {
    const config = await getConfig(root, null, null);
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has an icon large enough for every platform (at least 512 × 512 PNG)', async () => {
    const config = await getConfig(root, null, null);
    const png = readFileSync(join(root, config.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });
});
