import type { EventName } from '../../../shared/ipc/channels';
import type { EventPayload } from '../../../shared/ipc/contract';
import { afterEach } from 'vitest';
import { openDatabase } from '../../../electron/db/connection';
import { JobRunner } from '../../../electron/jobs/runner';
import { createServices } from '../../../electron/services';
import type { FileDialogs } from '../../../electron/services/fileDialogs';
import { tempDbPath } from './temp';

const runners: JobRunner[] = [];

// Background work a test did not wait for (e.g. safety backups) ends before its temp folder is removed.
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stopAll()));
});

export interface EmittedEvent {
  event: EventName;
  payload: EventPayload<EventName>;
}

/** Real services on a real, freshly migrated SQLite file, with the events they emit recorded. */
export function servicesOnTempDb(opts: { file?: string; now?: Date; resolveJob?: (kind: string) => string; dialogs?: FileDialogs } = {}) {
  const file = opts.file ?? tempDbPath();
  const { db } = openDatabase(file, { create: true });
  const events: EmittedEvent[] = [];
  const emit = (event: EventName, payload: EventPayload<EventName>) => {
    events.push({ event, payload });
  };
  const jobs = new JobRunner({ dbPath: file, emit, resolveJob: opts.resolveJob });
  runners.push(jobs);
  const services = createServices({
    db,
    dbPath: file,
    actor: 'tester',
    systemLocale: 'zh-CN',
    runtime: 'node',
    appVersion: '0.0.0-test',
    now: () => opts.now ?? new Date('2026-11-23T09:00:00Z'),
    emit,
    jobs,
    ...(opts.dialogs ? { dialogs: opts.dialogs } : {}),
  });
  return { file, db, services, events, jobs };
}
