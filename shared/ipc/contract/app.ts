import { z } from 'zod';
import { languages } from '../../i18n/language';
import { call, empty, read } from './define';

const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  systemLocale: z.string(),
  runtime: z.enum(['electron', 'node']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const dbStatsSchema = z.object({
  schemaVersion: z.number().int(),
  fileBytes: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});
export type DbStats = z.infer<typeof dbStatsSchema>;

const settingsSchema = z.object({
  /** null until the first start has picked one from the OS locale. */
  language: z.enum(languages).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The app itself: version and database facts, and the user's settings. */
export const appContract = {
  'app:info': call(empty, appInfoSchema),
  'db:stats': read(empty, dbStatsSchema, 'any'),
  'settings:get': call(empty, settingsSchema),
  'settings:set': call(settingsSchema.partial().strict(), settingsSchema),
};
