import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The build entries of the job kinds: every module in electron/jobs/kinds/ is
 * one, emitted as out/main/jobs/<kind>.js where the runner looks (runner.ts jobFile).
 */
export function jobEntries(root: string): Record<string, string> {
  const folder = join(root, 'electron', 'jobs', 'kinds');
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => [`jobs/${name.slice(0, -'.ts'.length)}`, join(folder, name)]),
  );
}
