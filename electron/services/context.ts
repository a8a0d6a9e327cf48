import type { Database } from 'better-sqlite3';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { JobRunner } from '../jobs/runner';

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
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
