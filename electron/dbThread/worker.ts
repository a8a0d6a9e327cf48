import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { DatabaseDamagedError } from '../db/damage';
import { DatabaseFileError, DatabaseTooNewError } from '../db/errors';
import { useNativeBinding } from '../db/nativeBinding';
import { runHandlers, type Forward } from '../ipc/dispatch';
import { handlerTable } from '../ipc/handlers';
import { recoveryHandlerTable } from '../ipc/recovery';
import { JobRunner } from '../jobs/runner';
import { createServices, type Services } from '../services';
import { BackupScheduler, systemClock } from '../services/backupScheduler';
import type { FileDialogs } from '../services/fileDialogs';
import type { Printer } from '../services/print';
import { startDailySegmentation } from '../services/segmentSchedule';
import { startWarningSchedule } from '../services/warningSchedule';
import { openAppDatabase, replaceWithBackup } from '../services/startup';
import { announceWarnings } from './notifications';
import type { DbThreadConfig, FromThread, OpenOutcome, ShellRequest, ToThread } from './protocol';

/**
 * The database thread: the one connection of the app, the services, the handler
 * table, the schedules and the job runner. The process that owns the windows
 * checks each request and forwards it here (client.ts); nothing here touches Electron.
 */
const port = parentPort;
if (!port) throw new Error('electron/dbThread/worker.ts must run in a worker thread');
const config = workerData as DbThreadConfig;
const post = (m: FromThread) => port.postMessage(m);
const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => post({ type: 'event', event, payload });
const now = config.fixedNow ? () => new Date(config.fixedNow as string) : () => new Date();

let shellSeq = 0;
const shellCalls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
function shell<T>(request: ShellRequest): Promise<T> {
  const seq = ++shellSeq;
  return new Promise<T>((resolve, reject) => {
    shellCalls.set(seq, { resolve: resolve as (v: unknown) => void, reject });
    post({ type: 'shell', seq, request });
  });
}

// Only the dialogs the shell lends: without a save dialog, services write beside the database.
const dialogs: FileDialogs = {
  ...(config.shell.saveDialog ? { saveFile: (defaultName, filters) => shell<string | null>({ kind: 'saveFile', defaultName, filters }) } : {}),
  ...(config.shell.openDialog ? { openFile: (filters) => shell<string | null>({ kind: 'openFile', filters }) } : {}),
};
// A Buffer arrives as a plain Uint8Array after crossing threads.
const printer: Printer = {
  pdf: async (route, { paper }) => Buffer.from(await shell<Uint8Array>({ kind: 'pdf', route, paper })),
  print: (route, { paper }) => shell<boolean>({ kind: 'print', route, paper }),
};

useNativeBinding(config.nativeBinding);
const jobs = new JobRunner({ dbPath: config.dbPath, nativeBinding: config.nativeBinding, emit });
let db: Database | null = null;
const stops: (() => void)[] = [];
let scheduler: BackupScheduler | null = null;
let forward: Forward;

const logInternal = (channel: string, err: unknown) => console.error(`[ipc] ${channel} failed:`, err);

/** Opens the database (checks, migrations, demo on first start) and builds everything on it. */
function openNormally(): void {
  db = openAppDatabase(config.dbPath, { nativeBinding: config.nativeBinding, now: now() }).db;
  const services: Services = createServices({
    db,
    dbPath: config.dbPath,
    actor: config.actor,
    systemLocale: config.systemLocale,
    runtime: config.runtime,
    appVersion: config.appVersion,
    now,
    emit,
    jobs,
    ...(config.shell.saveDialog || config.shell.openDialog ? { dialogs } : {}),
    ...(config.shell.printer ? { printer } : {}),
  });
  forward = runHandlers(handlerTable(services), logInternal);
  // Automatic backups: every 30 minutes (configurable) when something changed, and one on quit.
  scheduler = new BackupScheduler({
    clock: systemClock,
    intervalMinutes: () => services.backups.settings().intervalMinutes,
    changeMark: () => services.backups.changeMark(),
    backup: (reason) => services.backups.create(reason),
    backupInBackground: (reason) => services.backups.createInBackground(reason),
    onError: (err) => console.error('Patron: automatic backup failed:', err),
  });
  scheduler.start();
  if (!config.schedules) return;
  // Segmentation once a day while the app is open (and at once when the last run is older).
  stops.push(startDailySegmentation({ lastRunAt: services.segments.lastRunAt, start: () => services.segments.run('daily'), now }));
  // Warning rules: on start, whenever the local date changes, and (inside the services) after imports, edits and segmentation.
  const checkDue = announceWarnings(services, config.shell.notifications, (title, body) => void shell({ kind: 'notify', title, body }));
  stops.push(startWarningSchedule({ lastAsOf: () => services.warnings.lastRun()?.as_of ?? null, start: (trigger) => services.warnings.run(trigger), onCheck: checkDue, now }));
}

function open(): OpenOutcome {
  try {
    openNormally();
    return { state: 'ready' };
  } catch (err) {
    // A file that is not Patron's, a folder or a read-only place: refused like a newer file, never offered a restore.
    if (err instanceof DatabaseTooNewError || err instanceof DatabaseFileError) return { state: 'refused', message: err.message };
    if (!(err instanceof DatabaseDamagedError)) return { state: 'failed', message: err instanceof Error ? err.message : String(err) };
    // Damaged: only the recovery calls answer until the user chose the newest good backup.
    const damage = err;
    forward = runHandlers(
      recoveryHandlerTable(damage, config.systemLocale, (backup) => {
        const kept = replaceWithBackup(damage.file, backup);
        if (config.afterRecovery === 'reopen') openNormally();
        else void shell({ kind: 'relaunch' });
        return { damagedFileKeptAs: kept, restoredFrom: backup };
      }),
      logInternal,
    );
    return { state: 'damaged', file: damage.file, reason: damage.reason };
  }
}

async function quit(): Promise<void> {
  for (const stop of stops) stop();
  await jobs.stopAll();
  try {
    scheduler?.quit();
  } finally {
    db?.close();
    db = null;
    post({ type: 'closed' });
  }
}

port.on('message', (m: ToThread) => {
  switch (m.type) {
    case 'call': {
      const t0 = performance.now();
      void forward(m.channel, m.request).then((envelope) => post({ type: 'answer', seq: m.seq, json: JSON.stringify(envelope), ms: performance.now() - t0 }));
      break;
    }
    case 'shell-answer': {
      const call = shellCalls.get(m.seq);
      shellCalls.delete(m.seq);
      if (m.ok) call?.resolve(m.value);
      else call?.reject(new Error(m.message));
      break;
    }
    case 'quit':
      void quit();
      break;
  }
});

post({ type: 'opened', outcome: open() });
