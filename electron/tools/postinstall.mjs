// Runs after `npm ci` / `npm install` (and when `npx patron` first links the package
// into its cache). It compiles the `patron` command to .build/cli (buildCli.mjs) and
// reports what is missing for the desktop app, which the tests do not need. It writes
// to stderr so a bin's JSON on stdout stays clean, and it never fails the install: a
// CLI that could not be compiled now is compiled by the bin on its first run.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './buildCli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function electronBinaryPresent() {
  try {
    const dir = join(root, 'node_modules', 'electron');
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    return existsSync(join(dir, 'dist', rel));
  } catch {
    return false;
  }
}

try {
  if (electronBinaryPresent()) {
    console.error('[patron] Electron binary present: `npm start` opens the app.');
  } else {
    console.error(
      '[patron] The Electron binary is not downloaded (Electron fetches it from github.com on the first `npm start`).\n' +
        '[patron] This is fine for `npm test`: unit and browser tests do not need it, and the Electron-only specs skip with a message.',
    );
  }
} catch (err) {
  console.error(`[patron] postinstall check skipped: ${err instanceof Error ? err.message : String(err)}`);
}

try {
  await buildCli();
  console.error('[patron] Compiled the patron command into .build/cli.');
} catch (err) {
  console.error(`[patron] Could not compile the patron command now (the first run will): ${err instanceof Error ? err.message : String(err)}`);
}
