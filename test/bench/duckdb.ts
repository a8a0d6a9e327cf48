import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * DuckDB is the benchmark's yardstick only, so it is not a dependency: the npm
 * registry this project installs from publishes its native bindings for Linux
 * alone, and a lock file without the other platforms' entries makes `npm ci`
 * refuse to install. The benchmark installs it on first use, without touching
 * package.json or the lock file.
 */
const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';

interface DuckDbAppender {
  appendInteger(v: number): void;
  appendVarchar(v: string): void;
  appendBigInt(v: bigint): void;
  endRow(): void;
  flushSync(): void;
  closeSync(): void;
}
interface DuckDbConnection {
  run(sql: string): Promise<unknown>;
  createAppender(table: string): Promise<DuckDbAppender>;
  runAndReadAll(sql: string): Promise<{ getRowsJS(): unknown[][] }>;
  closeSync(): void;
}
interface DuckDbInstance {
  connect(): Promise<DuckDbConnection>;
  closeSync(): void;
}
interface DuckDbModule {
  DuckDBInstance: { create(path: string): Promise<DuckDbInstance> };
}

/**
 * Checks for the package on disk before loading it: Node remembers a failed lookup
 * for the rest of the process, so the first attempt must not fail.
 */
export function loadDuckDb(root: string, log: (msg: string) => void): DuckDbModule {
  if (!existsSync(join(root, 'node_modules', '@duckdb', 'node-api', 'package.json'))) {
    log(`DuckDB is not installed; installing ${DUCKDB_PACKAGE} for the benchmark (npm install --no-save)…`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', DUCKDB_PACKAGE], { cwd: root, stdio: 'inherit' });
  }
  return createRequire(join(root, 'package.json'))('@duckdb/node-api') as DuckDbModule;
}
