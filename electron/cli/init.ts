import { existsSync } from 'node:fs';
import { isLanguage } from '../../shared/i18n/language';
import { printSettingsSchema } from '../../shared/domain/visits';
import { applyConnectionPragmas, openDatabase, PATRON_APPLICATION_ID } from '../db/connection';
import { loadMigrations, migrate, schemaVersion } from '../db/migrate';
import { settingsQueries } from '../db/settings';
import { PRINT_SETTINGS_KEY } from '../services/visits';
import { LANGUAGE_KEY } from '../services/settings';
import { writeBackupOf } from '../services/safety';
import { parse, requireDb } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const initUsage = 'patron init --db FILE --name NAME [--lang zh-CN|en] [--json]';
export const adoptUsage = 'patron adopt --db FILE [--json]';

/** A new, empty database ready for use: the one way besides `patron demo` (and the app's first start) to create one. */
export function initCommand(argv: string[], out: Streams): number {
  const v = parse('init', argv, { db: { type: 'string' }, name: { type: 'string' }, lang: { type: 'string', default: 'zh-CN' }, json: { type: 'boolean', default: false } });
  const file = requireDb('init', v.db);
  const name = printSettingsSchema.shape.businessName.safeParse(v.name ?? '');
  if (!name.success || name.data === '') throw new CliError('patron init: --name NAME (the business name, at most 200 characters) is required', 2);
  if (!isLanguage(v.lang)) throw new CliError(`patron init: --lang must be zh-CN or en, got "${v.lang}"`, 2);
  // Never over an existing file, not even an empty one: it may be a database whose contents were lost.
  if (existsSync(file)) throw new CliError(`patron init: ${file} already exists; Patron creates a new database only where no file is`);
  const { db, migration } = openDatabase(file, { create: true });
  try {
    const settings = settingsQueries(db);
    const at = new Date().toISOString();
    db.transaction(() => {
      settings.set(PRINT_SETTINGS_KEY, { businessName: name.data }, at);
      settings.set(LANGUAGE_KEY, v.lang, at);
    })();
    const report = { file, businessName: name.data, language: v.lang, schemaVersion: migration?.to ?? schemaVersion(db), customers: 0 };
    if (v.json) printJson(out, report);
    else {
      out.stdout.write(`Created an empty Patron database ${file}\n`);
      printTable(out, [
        ['business', report.businessName],
        ['language', report.language],
        ['schema version', report.schemaVersion],
        ['customers', 0],
      ]);
    }
    return 0;
  } finally {
    db.close();
  }
}

/**
 * Takes over an SQLite file that lacks Patron's marker, on the user's explicit
 * request: a backup of it first, then Patron's schema from the start (its own
 * user_version meant something else) in one transaction.
 */
export function adoptCommand(argv: string[], out: Streams): number {
  const v = parse('adopt', argv, { db: { type: 'string' }, json: { type: 'boolean', default: false } });
  const file = requireDb('adopt', v.db);
  // Opened only to look until the backup exists: even the switch to WAL would change the file.
  const { db } = openDatabase(file, { adopt: true, inspect: true });
  try {
    if ((db.pragma('application_id', { simple: true }) as number) === PATRON_APPLICATION_ID) {
      throw new CliError(`patron adopt: ${file} is already a Patron database; nothing to do`);
    }
    const backup = writeBackupOf(db, file, 'migration', new Date());
    const migrations = loadMigrations();
    applyConnectionPragmas(db);
    try {
      db.transaction(() => {
        db.pragma('user_version = 0');
        migrate(db, migrations);
      })();
    } catch (err) {
      throw new CliError(`patron adopt: Patron's tables cannot be added to ${file} (${err instanceof Error ? err.message : String(err)}); the file has not been changed`);
    }
    const report = { file, backup, schemaVersion: schemaVersion(db) };
    if (v.json) printJson(out, report);
    else out.stdout.write(`Adopted ${file} as a Patron database (schema version ${report.schemaVersion}); the file as it was is in ${backup}\n`);
    return 0;
  } finally {
    db.close();
  }
}
