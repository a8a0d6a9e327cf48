import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/db/connection';

/**
 * Child-process half of the cold-open benchmark: a fresh process opens the
 * database and answers its first query. `patron` goes through openDatabase
 * (version check, pragmas, migrations); `baseline` is a bare better-sqlite3 open.
 * Prints one JSON line: {ms, rss_mb}.
 */
const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'patron' && mode !== 'baseline')) {
  console.error('usage: coldOpen.ts patron|baseline FILE');
  process.exit(2);
}
const t = performance.now();
const db = mode === 'patron' ? openDatabase(file).db : new Database(file);
const n = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
const ms = performance.now() - t;
db.close();
writeFileSync(1, `${JSON.stringify({ ms, n, rss_mb: Math.round((process.memoryUsage().rss / 1048576) * 10) / 10 })}\n`);
