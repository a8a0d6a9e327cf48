import { openDatabase } from '../../electron/db/connection';
import { customerQueries } from '../../electron/db/customers';
import { exportView } from '../../electron/export/exportView';
import { peakRssMb } from './measure';

/**
 * One export in a fresh process, so its peak RSS is the export's own:
 * `tsx test/bench/exportChild.ts DB OUT.xlsx [export|list]` prints {ms, rows, rss_mb}.
 * It runs exactly what the export job runs. With `list` it only loads the rows
 * the way the grid does (customers:list), the baseline, in its own process too.
 */
const [dbFile, out, mode] = process.argv.slice(2);
if (!dbFile || !out) throw new Error('usage: exportChild.ts DB OUT.xlsx [export|list]');
const { db } = openDatabase(dbFile);
const columns = ['code', 'name', 'kind', 'industry', 'region', 'ownerName', 'cooperationStart', 'status', 'contactName', 'orderCount', 'totalCents', 'lastOrderDate'];
const t0 = performance.now();
let n: number;
if (mode === 'list') n = customerQueries(db).list(() => '').length;
else n = (await exportView(db, { what: 'customers', format: 'xlsx', view: { columns }, language: 'zh-CN', path: out })).rows;
const ms = performance.now() - t0;
db.close();
console.log(JSON.stringify({ ms, rows: n, rss_mb: peakRssMb() }));
