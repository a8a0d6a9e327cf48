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

/** Every module exporting a job's run() is a job entry, as the runner loads them by kind. */
function jobEntries() {
  const entries = {};
  for (const file of readdirSync(JOBS)) {
    if (!file.endsWith('.ts')) continue;
    if (/^export const run\b/m.test(readFileSync(join(JOBS, file), 'utf8'))) entries[`jobs/${file.slice(0, -3)}`] = join(JOBS, file);
  }
  return entries;
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Infinity;
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
  return manifest.watched.some((rel) => mtime(join(root, rel)) > manifest.builtAt);
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
  const watched = [...sources, relative(root, JOBS), relative(root, MIGRATIONS), ...readdirSync(MIGRATIONS).map((f) => relative(root, join(MIGRATIONS, f)))];
  writeFileSync(join(temporary, MANIFEST), JSON.stringify({ builtAt: startedAt, watched }));
  // Swap the folder in whole, so a command starting meanwhile never sees half a build.
  const old = `${CLI_DIR}-old-${process.pid}-${startedAt}`;
  mkdirSync(dirname(CLI_DIR), { recursive: true });
  if (existsSync(CLI_DIR)) renameSync(CLI_DIR, old);
  renameSync(temporary, CLI_DIR);
  rmSync(old, { recursive: true, force: true });
}
