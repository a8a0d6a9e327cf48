import { execFileSync } from 'node:child_process';

/**
 * DuckDB is the benchmark's yardstick only, so it is not a dependency: the npm
 * registry this project installs from publishes its native bindings for Linux
 * alone, and a lock file without the other platforms' entries makes `npm ci`
 * refuse to install. The benchmark installs it on first use, without touching
 * package.json or the lock file.
 */
export const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';

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
export interface DuckDbInstance {
  connect(): Promise<DuckDbConnection>;
  closeSync(): void;
}
interface DuckDbModule {
  DuckDBInstance: { create(path: string): Promise<DuckDbInstance> };
}

async function importDuckDb(): Promise<DuckDbModule> {
  // A variable module name keeps TypeScript from requiring the package at type-check time.
  const name = '@duckdb/node-api';
  return (await import(name)) as DuckDbModule;
}

export async function loadDuckDb(root: string, log: (msg: string) => void): Promise<DuckDbModule> {
  try {
    return await importDuckDb();
  } catch {
    log(`DuckDB is not installed; installing ${DUCKDB_PACKAGE} for the benchmark (npm install --no-save)…`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', DUCKDB_PACKAGE], { cwd: root, stdio: 'inherit' });
    return importDuckDb();
  }
}
