import { openDatabase } from '../../electron/db/connection';
import { customerQueries } from '../../electron/db/customers';
import { viewSheet } from '../../electron/export/view';
import { writeWorkbook } from '../../electron/export/workbook';

/**
 * One export in a fresh process, so its peak RSS is the export's own:
 * `tsx test/bench/exportChild.ts DB OUT.xlsx` prints {ms, rows, rss_mb, list_ms}.
 */
const [dbFile, out] = process.argv.slice(2);
if (!dbFile || !out) throw new Error('usage: exportChild.ts DB OUT.xlsx');
const { db } = openDatabase(dbFile);
const columns = ['code', 'name', 'kind', 'industry', 'region', 'ownerName', 'cooperationStart', 'status', 'contactName', 'orderCount', 'totalCents', 'lastOrderDate'];
const t0 = performance.now();
const rows = customerQueries(db).list(() => '');
const listMs = performance.now() - t0;
const { rows: n } = await writeWorkbook(out, [viewSheet('customers', rows, { columns }, 'zh-CN')]);
const ms = performance.now() - t0;
db.close();
console.log(JSON.stringify({ ms, list_ms: listMs, rows: n, rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
