import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { DatabaseTooNewError } from './errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Where the numbered .sql files live. In the source tree they sit beside this
 * module; the Electron build copies them next to the bundled main script, which
 * is then the directory of `import.meta.url` as well.
 */
function defaultMigrationsDir(): string {
  if (process.env.PATRON_MIGRATIONS_DIR) return process.env.PATRON_MIGRATIONS_DIR;
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const m = FILE_PATTERN.exec(file);
      if (!m) throw new Error(`migration file name must look like 0001_name.sql: ${join(dir, file)}`);
      return { version: Number(m[1]), name: m[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3… without gaps; found ${m.version} at position ${i + 1} in ${dir}`);
  });
  return migrations;
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.length === 0 ? 0 : (migrations[migrations.length - 1]?.version ?? 0);
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration up to `target` in one transaction, so a
 * failure leaves the database at the version it had. A database whose version
 * is above what we know is refused before anything is written.
 */
export function migrate(db: Database, migrations: Migration[] = loadMigrations(), target: number = latestVersion(migrations)): MigrationResult {
  const from = schemaVersion(db);
  const known = latestVersion(migrations);
  if (from > known) throw new DatabaseTooNewError(db.name, from, known);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from, applied: [] };
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: schemaVersion(db), applied: pending.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`) };
}
