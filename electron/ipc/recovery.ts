import { channels, type Channel } from '../../shared/ipc/channels';
import type { RecoveryResult } from '../../shared/domain/backups';
import { PatronError } from '../../shared/ipc/errors';
import type { DatabaseDamagedError } from '../db/damage';
import type { HandlerTable } from './handlers';

/**
 * The handler table while the database is damaged: the window can only learn
 * what is wrong and ask for the newest good backup. Every other call is refused,
 * so nothing can write to (or read half of) the damaged file.
 */
export function recoveryHandlerTable(
  damage: DatabaseDamagedError,
  systemLocale: string,
  recover: (backup: string) => RecoveryResult | Promise<RecoveryResult>,
): HandlerTable {
  const refuse = () => {
    throw new PatronError('conflict', damage.message);
  };
  const table = Object.fromEntries(channels.map((c: Channel) => [c, refuse])) as unknown as HandlerTable;
  table['recovery:status'] = () => ({ damaged: true, file: damage.file, reason: damage.reason, newestGoodBackup: damage.newestGoodBackup, systemLocale });
  table['recovery:restore'] = () => {
    if (!damage.newestGoodBackup) throw new PatronError('not_found', `no good backup of ${damage.file} was found; the damaged file has been left as it is`);
    return recover(damage.newestGoodBackup);
  };
  return table;
}
