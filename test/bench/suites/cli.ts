import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createDemoDatabase, DEFAULT_DEMO } from '../../../electron/services/demo/generate';
import { median, result, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

const RUNS = 9;

function startMs(args: string[], cwd: string): number {
  const t = performance.now();
  execFileSync(process.execPath, args, { cwd, stdio: 'ignore' });
  return performance.now() - t;
}

/**
 * `patron info` on the default demo database (2,000 customers) in a fresh process,
 * against a bare `node -e ''` start measured alternately in the same run; goal ≤ 3×.
 */
export function cliSuite(env: BenchEnv): BenchResult[] {
  const file = join(env.work, 'cli-demo.sqlite');
  const summary = createDemoDatabase(file, { ...DEFAULT_DEMO, asOf: '2026-11-23', seed: 7 });
  const bin = join(env.root, 'electron/cli/patron.mjs');
  // The first run rebuilds the compiled CLI if a source changed since the last build; not part of the measure.
  startMs([bin, 'info', '--db', file], env.root);
  const patron: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(startMs(['-e', ''], env.root));
    patron.push(startMs([bin, 'info', '--db', file], env.root));
  }
  const ms = median(patron);
  const baseline = median(node);
  return [
    result(
      'cli.start',
      summary.customers,
      ms,
      baseline,
      0,
      `patron info on the default demo database (${summary.customers} customers, ${summary.orders} orders), median of ${RUNS} fresh processes: the compiled CLI in .build/cli; baseline = node -e '' alternated with it; goal ≤ 3× (${(ms / baseline).toFixed(2)}×); RSS not measured (a child process)`,
    ),
  ];
}
