// Runs after `npm ci` / `npm install` (and when `npx patron` first links the package
// into its cache). It writes to stderr so a bin's JSON on stdout stays clean, and it
// must never fail the install: it only
// reports what is missing for the desktop app, which the tests do not need.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
