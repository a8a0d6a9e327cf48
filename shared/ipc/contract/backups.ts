import { z } from 'zod';
import {
  archiveResultSchema,
  backupInfoSchema,
  backupListSchema,
  backupSettingsSchema,
  integrityReportSchema,
  recoveryResultSchema,
  recoveryStatusSchema,
  restoreResultSchema,
} from '../../domain/backups';
import { call, empty, read } from './define';

/** Backups, restore, integrity checks, the archive of everything, and recovery of a damaged file. */
export const backupsContract = {
  // Backups are files, not rows, but bulk writes and the schedule make them: the list follows every write.
  'backups:list': read(empty, backupListSchema, 'any'),
  'backups:create': call(empty, backupInfoSchema),
  'backups:restore': call(z.object({ name: z.string().min(1).max(255) }).strict(), restoreResultSchema),
  'backups:check': call(empty, integrityReportSchema),
  'backups:configure': call(backupSettingsSchema.strict(), backupSettingsSchema),
  'backups:archive': call(empty, archiveResultSchema),
  'recovery:status': call(empty, recoveryStatusSchema),
  'recovery:restore': call(empty, recoveryResultSchema),
};
