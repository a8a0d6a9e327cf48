import { PatronError } from '../../shared/ipc/errors';

/** Raised before anything is written when a database comes from a newer Patron. */
export class DatabaseTooNewError extends PatronError {
  readonly file: string;
  readonly fileVersion: number;
  readonly supportedVersion: number;

  constructor(file: string, fileVersion: number, supportedVersion: number) {
    super(
      'database_too_new',
      `${file} was written by a newer version of Patron (schema version ${fileVersion}; this version understands up to ${supportedVersion}). ` +
        'Update Patron to open it. The file has not been changed.',
    );
    this.file = file;
    this.fileVersion = fileVersion;
    this.supportedVersion = supportedVersion;
  }
}

/** Why a database file is refused before Patron writes anything to it. */
export type DatabaseFileProblem = 'missing' | 'empty' | 'directory' | 'not_sqlite' | 'not_patron' | 'read_only';

/**
 * A database file Patron will not open for writing. The file is left exactly
 * as it was; the message says what to do instead (init, adopt, move it).
 */
export class DatabaseFileError extends PatronError {
  readonly file: string;
  readonly problem: DatabaseFileProblem;

  constructor(file: string, problem: DatabaseFileProblem) {
    super('database_file', databaseFileMessage(file, problem));
    this.name = 'DatabaseFileError';
    this.file = file;
    this.problem = problem;
  }
}

function databaseFileMessage(file: string, problem: DatabaseFileProblem): string {
  switch (problem) {
    case 'missing':
      return `${file} does not exist. Create a new database with "patron init --db ${file} --name NAME" (or "patron demo --db ${file}" for demo data).`;
    case 'empty':
      return `${file} is empty (0 bytes, or an SQLite file without tables): it holds no Patron data. If it should hold your customers, restore a backup; to start a new database use "patron init".`;
    case 'directory':
      return `${file} is a folder, not a database file. Give the path of the .sqlite file inside it.`;
    case 'not_sqlite':
      return `${file} is not a Patron database (it is not an SQLite file). The file has not been changed.`;
    case 'not_patron':
      return (
        `${file} is an SQLite database of another program (it lacks Patron's marker). Patron has not changed it. ` +
        `To turn it into a Patron database anyway, run "patron adopt --db ${file}" (Patron's tables are added beside its own, after a backup).`
      );
    case 'read_only':
      return `${file} is in a read-only location (or the file is read-only): Patron cannot save changes there. Copy it to a writable folder, or open it only to look (patron info, patron check).`;
  }
}

/** SQLite's "database is locked": another connection held its lock past busy_timeout. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** The typed answer for a busy database, kept apart from bugs ('internal'). */
export function busyError(err: unknown): PatronError {
  return new PatronError('busy', `the database is busy: another program or Patron window holds it locked (${err instanceof Error ? err.message : String(err)})`);
}
