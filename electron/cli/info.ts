import { statSync } from 'node:fs';
import { openDatabase } from '../db/connection';
import { latestVersion, loadMigrations, schemaVersion } from '../db/migrate';
import { rowCounts } from '../db/stats';
import { parse, requireDb } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const infoUsage = 'patron info --db FILE [--json]';

export function infoCommand(argv: string[], out: Streams): number {
  const v = parse('info', argv, { db: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('info', v.db);
  let opened;
  try {
    // `info` only looks: it never migrates or otherwise changes the file.
    opened = openDatabase(file, { inspect: true });
  } catch (err) {
    throw new CliError(`patron info: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { db } = opened;
  try {
    const version = schemaVersion(db);
    const latest = latestVersion(loadMigrations());
    const counts = version === latest ? rowCounts(db) : null;
    const report = { file, bytes: statSync(file).size, schemaVersion: version, latestSchemaVersion: latest, upToDate: version === latest, counts };
    if (v.json) {
      printJson(out, report);
    } else {
      printTable(out, [
        ['file', file],
        ['size', `${(report.bytes / 1024 / 1024).toFixed(1)} MiB`],
        ['schema version', `${version}${version === latest ? ' (current)' : ` (this Patron would migrate it to ${latest} when opening it)`}`],
        ...Object.entries(counts ?? {}).map(([k, n]): [string, number] => [k, n]),
      ]);
    }
    return 0;
  } finally {
    db.close();
  }
}
