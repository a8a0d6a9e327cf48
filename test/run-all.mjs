// `npm test`: typecheck, lint, unit tests (vitest), end-to-end tests (Playwright),
// in that order, stopping at the first failing step. Ends with one summary line
// over both test runners: "total: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['unit tests', ['run', 'test:unit']],
  ['end-to-end tests', ['run', 'test:e2e']],
];

rmSync(join(results, 'vitest.json'), { force: true });
rmSync(join(results, 'playwright.json'), { force: true });

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function counts() {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const v = readJson(join(results, 'vitest.json'));
  if (v) {
    total.passed += v.numPassedTests ?? 0;
    total.failed += v.numFailedTests ?? 0;
    total.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  const p = readJson(join(results, 'playwright.json'));
  if (p?.stats) {
    total.passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
    total.failed += p.stats.unexpected ?? 0;
    total.skipped += p.stats.skipped ?? 0;
  }
  return { total, vitest: v, playwright: p };
}

let failedStep = null;
for (const [label, args] of steps) {
  console.log(`\n=== ${label}: npm ${args.join(' ')} ===`);
  const started = Date.now();
  const res = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  console.log(`=== ${label}: ${res.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s) ===`);
  if (res.status !== 0) {
    failedStep = label;
    break;
  }
}

const { total, vitest, playwright } = counts();
if (vitest) console.log(`unit (vitest): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests + vitest.numTodoTests} skipped`);
if (playwright?.stats) console.log(`e2e (playwright): ${playwright.stats.expected + playwright.stats.flaky} passed, ${playwright.stats.unexpected} failed, ${playwright.stats.skipped} skipped`);
if (failedStep) console.log(`step failed: ${failedStep}`);
if (failedStep && total.failed === 0) total.failed = 1; // a failed typecheck or lint counts as a failure
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
