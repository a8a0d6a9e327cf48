// Compiles the `patron` command (electron/cli) to JavaScript in .build/cli/ with esbuild,
// so the bin starts without compiling TypeScript. Same layout as the Electron build's
// out/main: the command, the job thread (worker.js), each job module as jobs/<kind>.js,
// the rollup-check thread and the migrations folder, all beside each other, so
// electron/jobs/threads.ts, runner.ts and db/migrate.ts find them as they do in the app.
// Run by the postinstall and, when a source is newer than the build, by the bin itself.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_DIR = join(root, '.build', 'cli');
/** Written last: the sources the build read, and the folders whose new files it would pick up. */
const MANIFEST = 'inputs.json';
const JOBS = join(root, 'electron', 'jobs');
const MIGRATIONS = join(root, 'electron', 'db', 'migrations');

/** Folders that hold job modules: each file of electron/jobs/kinds/, or a module of electron/jobs/ exporting run(). */
const JOB_FOLDERS = [JOBS, join(JOBS, 'kinds')];

/** Every job module is an entry `jobs/<kind>`, as the runner loads them by kind. */
function jobEntries() {
  const entries = {};
  for (const folder of JOB_FOLDERS.filter((f) => existsSync(f))) {
    for (const file of readdirSync(folder)) {
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
      if (/^export (const|async function|function) run\b/m.test(readFileSync(join(folder, file), 'utf8'))) entries[`jobs/${file.slice(0, -3)}`] = join(folder, file);
    }
  }
  return entries;
}

/** A file's modification time; `missing` for one that is not there (a deleted source: Infinity; a folder not made yet: 0). */
function mtime(file, missing) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return missing;
  }
}

/** True when the build is missing or any file or folder it was made from changed since. */
export function cliBuildIsStale() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(CLI_DIR, MANIFEST), 'utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(manifest.files) || !Array.isArray(manifest.folders)) return true;
  // A folder's time changes when a file is added to it or removed: a new job or migration.
  return manifest.files.some((rel) => mtime(join(root, rel), Infinity) > manifest.builtAt) || manifest.folders.some((rel) => mtime(join(root, rel), 0) > manifest.builtAt);
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const temporary = `${CLI_DIR}-${process.pid}-${startedAt}`;
  rmSync(temporary, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      patron: join(root, 'electron', 'cli', 'main.ts'),
      worker: join(JOBS, 'worker.ts'),
      'rollup-check': join(JOBS, 'rollup-check.ts'),
      ...jobEntries(),
    },
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The native driver loads its own .node file; it stays a package import.
    external: ['better-sqlite3'],
    // Bundled CommonJS packages still call require().
    banner: { js: "import { createRequire as __patronRequire } from 'node:module'; const require = __patronRequire(import.meta.url);" },
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'error',
  });
  cpSync(MIGRATIONS, join(temporary, 'migrations'), { recursive: true });
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  // This script too: a change to how the CLI is built makes the build stale.
  const files = [...sources, relative(root, fileURLToPath(import.meta.url)), ...readdirSync(MIGRATIONS).map((f) => relative(root, join(MIGRATIONS, f)))];
  const folders = [...JOB_FOLDERS, MIGRATIONS].map((f) => relative(root, f));
  writeFileSync(join(temporary, MANIFEST), JSON.stringify({ builtAt: startedAt, files, folders }));
  // Swap the folder in whole, so a command starting meanwhile never sees half a build.
  const old = `${CLI_DIR}-old-${process.pid}-${startedAt}`;
  mkdirSync(dirname(CLI_DIR), { recursive: true });
  if (existsSync(CLI_DIR)) renameSync(CLI_DIR, old);
  renameSync(temporary, CLI_DIR);
  rmSync(old, { recursive: true, force: true });
}
