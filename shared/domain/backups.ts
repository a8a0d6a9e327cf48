import { z } from 'zod';

/** Why a backup was taken; part of its file name so a folder listing explains itself. */
export type BackupReason = 'scheduled' | 'quit' | 'manual' | 'migration' | 'import' | 'import-revert' | 'merge' | 'merge-undo' | 'bulk-edit' | 'restore' | 'visit-plans';

export const backupInfoSchema = z.object({
  /** File name inside the backups folder; the only handle the renderer gets (never a free path). */
  name: z.string(),
  path: z.string(),
  /** When it was taken, ISO UTC (from the file name, which survives copying the folder). */
  takenAt: z.string(),
  reason: z.string(),
  bytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nullable(),
  /** Rows per table, or null when the file could not be read (it is then also not `ok`). */
  counts: z.record(z.string(), z.number().int()).nullable(),
  ok: z.boolean(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

const retentionPolicySchema = z.object({
  /** The newest N backups are always kept. */
  keepRecent: z.number().int().min(1).max(1000),
  /** Then the newest backup of each of the last N days. */
  dailyDays: z.number().int().min(0).max(366),
  /** Then the newest backup of each of the last N weeks. */
  weeklyWeeks: z.number().int().min(0).max(520),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const backupSettingsSchema = z.object({
  /** Minutes between automatic backups while something changed; 0 turns the schedule off. */
  intervalMinutes: z.number().int().min(0).max(24 * 60),
  retention: retentionPolicySchema,
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const defaultBackupSettings: BackupSettings = {
  intervalMinutes: 30,
  retention: { keepRecent: 10, dailyDays: 7, weeklyWeeks: 5 },
};

export const integrityReportSchema = z.object({
  ok: z.boolean(),
  /** `PRAGMA integrity_check` lines; ['ok'] when healthy. */
  integrity: z.array(z.string()),
  foreignKeys: z.array(z.object({ table: z.string(), rowid: z.number().int().nullable(), parent: z.string() })),
  checkedAt: z.string(),
});
export type IntegrityReport = z.infer<typeof integrityReportSchema>;

const DAY = 24 * 60 * 60 * 1000;

/**
 * Which backups to keep (grandfather-father-son, like Time Machine): the newest
 * `keepRecent`, plus the newest of each calendar day (UTC) within `dailyDays`,
 * plus the newest of each calendar week (Monday to Sunday, UTC) within `weeklyWeeks`. Anything older than
 * all windows goes, except that the newest backup is never dropped. Pure: the
 * caller passes the times and "now", so tests need no clock.
 */
export function backupsToKeep(times: readonly Date[], now: Date, policy: RetentionPolicy): Set<number> {
  const order = times.map((t, i) => ({ t: t.getTime(), i })).sort((a, b) => b.t - a.t);
  const keep = new Set<number>();
  order.slice(0, Math.max(1, policy.keepRecent)).forEach((b) => keep.add(b.i));
  const nowMs = now.getTime();
  const seenDays = new Set<number>();
  const seenWeeks = new Set<number>();
  for (const b of order) {
    const age = nowMs - b.t;
    const day = Math.floor(b.t / DAY);
    if (age < policy.dailyDays * DAY && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.i);
    }
    // Calendar weeks starting Monday (1970-01-01 was a Thursday), so buckets do not slide with "now".
    const week = Math.floor((day + 3) / 7);
    if (age < policy.weeklyWeeks * 7 * DAY && !seenWeeks.has(week)) {
      seenWeeks.add(week);
      keep.add(b.i);
    }
  }
  return keep;
}

export const backupListSchema = z.object({
  folder: z.string(),
  backups: z.array(backupInfoSchema),
  settings: backupSettingsSchema,
});

export const restoreResultSchema = z.object({ restoredFrom: z.string(), undoBackup: z.string() });

export const archiveResultSchema = z.object({
  file: z.string(),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int(), sheets: z.array(z.string()) })),
});
export type ArchiveResult = z.infer<typeof archiveResultSchema>;

/** What the window learns at start: whether Patron opened normally or is waiting for a recovery decision. */
export const recoveryStatusSchema = z.discriminatedUnion('damaged', [
  z.object({ damaged: z.literal(false) }),
  z.object({
    damaged: z.literal(true),
    file: z.string(),
    reason: z.string(),
    newestGoodBackup: z.string().nullable(),
    /** The OS language, so the recovery screen speaks it (the stored setting is inside the damaged file). */
    systemLocale: z.string(),
  }),
]);
export type RecoveryStatus = z.infer<typeof recoveryStatusSchema>;

export const recoveryResultSchema = z.object({ damagedFileKeptAs: z.string(), restoredFrom: z.string() });
export type RecoveryResult = z.infer<typeof recoveryResultSchema>;
