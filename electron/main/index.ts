import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import { DatabaseTooNewError } from '../db/errors';
import { handlerTable } from '../ipc/handlers';
import { JobRunner } from '../jobs/runner';
import { createServices } from '../services';
import { openAppDatabase } from '../services/startup';
import { electronDialogs } from './dialogs';
import { bindIpc, broadcast } from './ipc';
import { resolveNativeBinding } from './native';
import { hardenSession, lockDownContents } from './security';
import { createMainWindow } from './window';

/** out/ (the build output), whatever the current working directory. */
const outDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
let mainWindow: BrowserWindow | null = null;

/** `--db FILE` (or PATRON_DB) opens another database than the one in the user-data folder. */
function databasePath(): string {
  const args = process.argv;
  const i = args.indexOf('--db');
  const fromArgs = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--db='))?.slice('--db='.length);
  return resolve(fromArgs ?? process.env.PATRON_DB ?? join(app.getPath('userData'), 'patron.sqlite'));
}

function fail(title: string, message: string): void {
  // Automated runs (and people starting Patron from a terminal with this set) get the text on stderr instead of a modal box.
  if (process.env.PATRON_ERRORS_TO_STDERR) console.error(`${title}: ${message}`);
  else dialog.showErrorBox(title, message);
  app.exit(1);
}

function start(): void {
  hardenSession();
  lockDownContents();
  const dbPath = databasePath();
  let opened;
  let nativeBinding: string;
  try {
    nativeBinding = resolveNativeBinding({ appRoot: app.getAppPath(), resourcesPath: process.resourcesPath, packaged: app.isPackaged });
    opened = openAppDatabase(dbPath, { nativeBinding });
  } catch (err) {
    if (err instanceof DatabaseTooNewError) fail('Patron cannot open this database', err.message);
    else fail('Patron could not start', err instanceof Error ? err.message : String(err));
    return;
  }
  const { db } = opened;
  const jobs = new JobRunner({ dbPath, nativeBinding, emit: broadcast });
  const services = createServices({
    db,
    dbPath,
    actor: process.env.USER ?? process.env.USERNAME ?? 'staff',
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    runtime: 'electron',
    appVersion: app.getVersion(),
    now: () => new Date(),
    emit: broadcast,
    jobs,
    dialogs: electronDialogs(() => mainWindow),
  });
  bindIpc(handlerTable(services));
  app.on('will-quit', () => {
    void jobs.stopAll();
    db.close();
  });
  mainWindow = createMainWindow(outDir);
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  // Another Patron already has the database open; it focuses itself (below).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (err: unknown) => fail('Patron could not start', String(err)));
}
