import { resolve } from 'node:path';
import { writeVerifiedBackup } from '../db/backup';
import { openDatabase } from '../db/connection';
import { foreignKeyCheck, inspectFile, integrityCheck } from '../db/integrity';
import { writeArchive } from '../export/archive';
import { JobRunner } from '../jobs/runner';
import { backupService } from '../services/backups';
import type { ServiceContext } from '../services/context';
import { replaceWithBackup } from '../services/startup';
import { writeBackupOf } from '../services/safety';
import { parse, requireDb } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const backupUsage = 'patron backup --db FILE [--to FILE] [--json]';
export const restoreUsage = 'patron restore --db FILE --from BACKUP [--json]';
export const checkUsage = 'patron check --db FILE [--json]';
export const archiveUsage = 'patron archive --db FILE --to FILE.xlsx [--json]';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Opens a database that passed the start checks, for reading (no migration, nothing written). */
function openChecked(command: string, file: string) {
  const verdict = inspectFile(file);
  if (!verdict.ok) throw new CliError(`patron ${command}: ${file} cannot be used: ${verdict.reason}. The file has not been changed.`);
  try {
    return openDatabase(file, { inspect: true }).db;
  } catch (err) {
    throw new CliError(`patron ${command}: ${message(err)}`);
  }
}

export function backupCommand(argv: string[], out: Streams): number {
  const v = parse('backup', argv, { db: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('backup', v.db);
  const db = openChecked('backup', file);
  try {
    let target: string;
    try {
      if (v.to) {
        target = resolve(v.to);
        writeVerifiedBackup(db, target);
      } else {
        target = writeBackupOf(db, file, 'manual', new Date());
      }
    } catch (err) {
      throw new CliError(`patron backup: ${message(err)}`);
    }
    if (v.json) printJson(out, { file, backup: target, verified: true });
    else printTable(out, [['database', file], ['backup', target], ['verified', 'quick_check ok']]);
    return 0;
  } finally {
    db.close();
  }
}

export async function restoreCommand(argv: string[], out: Streams): Promise<number> {
  const v = parse('restore', argv, { db: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('restore', v.db);
  if (!v.from) throw new CliError('patron restore: --from BACKUP is required', 2);
  const from = resolve(v.from);
  const verdict = inspectFile(file);
  if (!verdict.ok) {
    // A damaged database cannot be backed up first; it is moved aside instead, never overwritten.
    let aside: string;
    try {
      aside = replaceWithBackup(file, from);
    } catch (err) {
      throw new CliError(`patron restore: ${message(err)}`);
    }
    const report = { file, restoredFrom: from, damagedFileMovedTo: aside, reason: verdict.reason };
    if (v.json) printJson(out, report);
    else printTable(out, [['database', file], ['restored from', from], ['damaged file kept as', aside]]);
    return 0;
  }
  const { db } = openDatabase(file);
  const jobs = new JobRunner({ dbPath: file, emit: () => undefined });
  const ctx: ServiceContext = {
    db,
    dbPath: file,
    actor: process.env.USER ?? 'cli',
    systemLocale: 'en',
    runtime: 'node',
    appVersion: 'cli',
    now: () => new Date(),
    emit: () => undefined,
    jobs,
  };
  try {
    const result = await backupService(ctx).restoreFrom(from);
    if (v.json) printJson(out, { file, ...result });
    else printTable(out, [['database', file], ['restored from', from], ['previous state saved as', result.undoBackup]]);
    return 0;
  } catch (err) {
    throw new CliError(`patron restore: ${message(err)}`);
  } finally {
    db.close();
  }
}

export function checkCommand(argv: string[], out: Streams): number {
  const v = parse('check', argv, { db: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('check', v.db);
  const verdict = inspectFile(file);
  if (!verdict.ok) {
    if (v.json) printJson(out, { file, ok: false, integrity: [verdict.reason], foreignKeys: [] });
    else out.stdout.write(`${file}: DAMAGED — ${verdict.reason}\n`);
    return 1;
  }
  const db = openDatabase(file, { inspect: true }).db;
  try {
    const integrity = integrityCheck(db);
    const foreignKeys = foreignKeyCheck(db);
    const ok = integrity.ok && foreignKeys.length === 0;
    if (v.json) {
      printJson(out, { file, ok, integrity: integrity.lines, foreignKeys });
    } else {
      out.stdout.write(`${file}: ${ok ? 'OK — integrity_check and foreign_key_check found no problems' : 'PROBLEMS FOUND'}\n`);
      if (!integrity.ok) for (const line of integrity.lines) out.stdout.write(`  integrity: ${line}\n`);
      for (const fk of foreignKeys) out.stdout.write(`  ${fk.table} row ${fk.rowid ?? '?'} points to a missing ${fk.parent} row\n`);
    }
    return ok ? 0 : 1;
  } finally {
    db.close();
  }
}

export async function archiveCommand(argv: string[], out: Streams): Promise<number> {
  const v = parse('archive', argv, { db: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('archive', v.db);
  if (!v.to) throw new CliError('patron archive: --to FILE.xlsx is required', 2);
  if (!v.to.toLowerCase().endsWith('.xlsx')) throw new CliError(`patron archive: --to must name an .xlsx file, got "${v.to}"`, 2);
  const db = openChecked('archive', file);
  try {
    const summary = await writeArchive(db, resolve(v.to));
    if (v.json) printJson(out, summary);
    else printTable(out, [['workbook', summary.file], ...summary.tables.map((t): [string, number] => [t.table, t.rows])]);
    return 0;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`patron archive: ${message(err)}`);
  } finally {
    db.close();
  }
}
