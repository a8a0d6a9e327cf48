// Builds better-sqlite3 for Electron's ABI into .native/, beside (never over)
// the plain-Node build in node_modules that tests and the CLI use. The app
// passes the result to better-sqlite3's `nativeBinding` option.
//
//   node electron/tools/native.mjs electron     build if missing (npm start, npm run dist)
//   node electron/tools/native.mjs electron --force
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const [target, ...flags] = process.argv.slice(2);

if (target !== 'electron') {
  console.error('usage: node electron/tools/native.mjs electron [--force]');
  process.exit(2);
}

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const { platform, arch } = process;
const dirName = `electron-${electronVersion}-${platform}-${arch}`;
const outDir = join(root, '.native', dirName);
const outFile = join(outDir, 'better_sqlite3.node');
// A fixed path for electron-builder's extraResources.
const currentDir = join(root, '.native', 'electron-current');

function publishCurrent() {
  mkdirSync(currentDir, { recursive: true });
  copyFileSync(outFile, join(currentDir, 'better_sqlite3.node'));
  writeFileSync(join(currentDir, 'binding.json'), JSON.stringify({ electronVersion, platform, arch }, null, 2));
}

if (existsSync(outFile) && !flags.includes('--force')) {
  publishCurrent();
  console.log(`[patron] SQLite driver for Electron ${electronVersion} (${platform}-${arch}) is up to date: ${outFile}`);
  process.exit(0);
}

// Work on a private copy so node_modules/better-sqlite3/build (the Node build) is never touched.
const work = join(root, '.native', `build-${dirName}`);
rmSync(work, { recursive: true, force: true });
const source = dirname(require.resolve('better-sqlite3/package.json'));
cpSync(source, work, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) });

// npm points node-gyp at the local Node headers via npm_config_nodedir; Electron needs its own.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(k)));

function run(label, cmd, args) {
  console.log(`[patron] ${label}…`);
  const res = spawnSync(cmd, args, { cwd: work, env, stdio: 'inherit' });
  return res.status === 0;
}

function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally
  }
  return candidates.find((p) => p && existsSync(p));
}

let built;
try {
  const prebuild = require.resolve('prebuild-install/bin.js');
  built = run(`downloading a prebuilt better-sqlite3 for Electron ${electronVersion}`, process.execPath, [
    prebuild,
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--platform=${platform}`,
  ]);
} catch {
  built = false;
}
if (!built) {
  const nodeGyp = findNodeGyp();
  if (nodeGyp) {
    built = run(`compiling better-sqlite3 against Electron ${electronVersion} headers`, process.execPath, [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  }
}

const produced = join(work, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(produced)) {
  rmSync(work, { recursive: true, force: true });
  console.error(
    `[patron] Could not build the SQLite driver for Electron ${electronVersion}.\n` +
      '[patron] It needs either a prebuilt binary from github.com or Electron headers from electronjs.org plus a C++ toolchain.\n' +
      '[patron] Tests and the CLI do not need it; the desktop app does.',
  );
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
copyFileSync(produced, outFile);
rmSync(work, { recursive: true, force: true });
publishCurrent();
console.log(`[patron] SQLite driver for Electron ready: ${outFile}`);
