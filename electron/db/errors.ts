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
