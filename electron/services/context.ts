import type { Database } from 'better-sqlite3';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { JobRunner } from '../jobs/runner';
import type { FileDialogs } from './fileDialogs';
import type { Printer } from './print';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** What every service gets: the connection and the few facts of its surroundings. */
export interface ServiceContext {
  db: Database;
  dbPath: string;
  /** Who is recorded in the audit trail. */
  actor: string;
  systemLocale: string;
  runtime: 'electron' | 'node';
  appVersion: string;
  now: () => Date;
  emit: Emit;
  /** Runs heavy work in worker threads (electron/jobs). */
  jobs: JobRunner;
  /** Native open/save dialogs; only the Electron app has them. */
  dialogs?: FileDialogs;
  /** Renders print routes to PDF / paper (the Electron shell or the browser harness). */
  printer?: Printer;
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
