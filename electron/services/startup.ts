import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { localToday } from '../../shared/domain/dates';
import { openDatabase, type OpenedDatabase } from '../db/connection';
import { createDemoDatabase, DEFAULT_DEMO, type DemoSummary } from './demo/generate';

export interface StartupResult extends OpenedDatabase {
  createdDemo: DemoSummary | null;
}

/**
 * What the app does with its database at start: on the very first start (no
 * file yet) it builds the demo database so there is something to look at, then
 * opens it, migrating if needed. A database from a newer Patron throws
 * DatabaseTooNewError before anything is written.
 */
export function openAppDatabase(file: string, opts: { nativeBinding?: string; now?: Date } = {}): StartupResult {
  let createdDemo: DemoSummary | null = null;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    createdDemo = createDemoDatabase(file, { ...DEFAULT_DEMO, asOf: localToday(opts.now), nativeBinding: opts.nativeBinding });
  }
  const opened = openDatabase(file, { nativeBinding: opts.nativeBinding });
  return { ...opened, createdDemo };
}
