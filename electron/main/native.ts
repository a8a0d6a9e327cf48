import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled twice from one checkout: node_modules holds the
 * build for plain Node (tests, CLI), and `electron/tools/native.mjs` puts an
 * Electron-ABI build under `.native/electron-<version>-<platform>-<arch>/`.
 * The app hands that file to better-sqlite3's `nativeBinding` option, so
 * neither build ever overwrites the other.
 */
export function nativeBindingDirName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export function resolveNativeBinding(opts: { appRoot: string; resourcesPath: string; packaged: boolean }): string {
  const dir = nativeBindingDirName(process.versions.electron ?? 'unknown', process.platform, process.arch);
  const candidates = opts.packaged
    ? [join(opts.resourcesPath, 'native', 'better_sqlite3.node')]
    : [join(opts.appRoot, '.native', dir, 'better_sqlite3.node')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `The SQLite driver for this Electron version is missing (looked in ${candidates.join(', ')}). ` +
        'Run "npm run native:electron" (npm start does this for you) and start again.',
    );
  }
  return found;
}
