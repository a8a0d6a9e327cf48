import { PatronError } from '../../shared/ipc/errors';

/**
 * Raised at start when the database file fails its checks. Nothing has been
 * written to it; `newestGoodBackup` is the backup a recovery would offer.
 */
export class DatabaseDamagedError extends PatronError {
  readonly file: string;
  readonly reason: string;
  readonly newestGoodBackup: string | null;

  constructor(file: string, reason: string, newestGoodBackup: string | null) {
    super(
      'conflict',
      `${file} cannot be opened safely: ${reason}. Patron has not changed the file. ` +
        (newestGoodBackup ? `The newest good backup is ${newestGoodBackup}.` : 'No good backup was found beside it.'),
    );
    this.name = 'DatabaseDamagedError';
    this.file = file;
    this.reason = reason;
    this.newestGoodBackup = newestGoodBackup;
  }
}
