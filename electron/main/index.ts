import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import { DatabaseDamagedError } from '../db/damage';
import { DatabaseFileError, DatabaseTooNewError } from '../db/errors';
import { useNativeBinding } from '../db/nativeBinding';
import { handlerTable } from '../ipc/handlers';
import { recoveryHandlerTable } from '../ipc/recovery';
import { JobRunner } from '../jobs/runner';
import { createServices } from '../services';
import { BackupScheduler, systemClock } from '../services/backupScheduler';
import { startDailySegmentation } from '../services/segmentSchedule';
import { startWarningSchedule } from '../services/warningSchedule';
import { openAppDatabase, replaceWithBackup } from '../services/startup';
import { electronDialogs } from './dialogs';
import { bindIpc, broadcast } from './ipc';
import { resolveNativeBinding } from './native';
import { electronPrinter } from './print';
import { notifyNewWarnings } from './warningNotifications';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { CONTENT_SECURITY_POLICY, hardenSession, lockDownContents } from './security';
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

/**
 * The database failed its start checks: open the window on the recovery screen
 * (every other IPC call is refused). Choosing the newest good backup moves the
 * damaged file aside — never overwriting it — and restarts Patron on the backup.
 */
function startRecovery(damage: DatabaseDamagedError): void {
  bindIpc(
    recoveryHandlerTable(damage, app.getPreferredSystemLanguages()[0] ?? app.getLocale(), (backup) => {
      const kept = replaceWithBackup(damage.file, backup);
      // Let the answer reach the window before restarting on the restored file.
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 1500);
      return { damagedFileKeptAs: kept, restoredFrom: backup };
    }),
  );
  mainWindow = createMainWindow(outDir);
  mainWindow.on('closed', () => (mainWindow = null));
}

function start(): void {
  hardenSession();
  lockDownContents();
  serveRenderer(join(outDir, 'renderer'), CONTENT_SECURITY_POLICY);
  const dbPath = databasePath();
  let opened;
  let nativeBinding: string;
  try {
    nativeBinding = resolveNativeBinding({ appRoot: app.getAppPath(), resourcesPath: process.resourcesPath, packaged: app.isPackaged });
    // Every extra handle (backups, checks, restore) must load the Electron build too.
    useNativeBinding(nativeBinding);
    opened = openAppDatabase(dbPath, { nativeBinding });
  } catch (err) {
    if (err instanceof DatabaseDamagedError) startRecovery(err);
    else if (err instanceof DatabaseTooNewError || err instanceof DatabaseFileError) fail('Patron cannot open this database', err.message);
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
    printer: electronPrinter(outDir),
  });
  bindIpc(handlerTable(services));
  // Automatic backups: every 30 minutes (configurable) when something changed, and one on quit.
  const scheduler = new BackupScheduler({
    clock: systemClock,
    intervalMinutes: () => services.backups.settings().intervalMinutes,
    changeMark: () => services.backups.changeMark(),
    backup: (reason) => services.backups.create(reason),
    backupInBackground: (reason) => services.backups.createInBackground(reason),
    onError: (err) => console.error('Patron: automatic backup failed:', err),
  });
  scheduler.start();
  // Segmentation once a day while the app is open (and at once when the last run is older).
  const stopDailySegmentation = startDailySegmentation({ lastRunAt: services.segments.lastRunAt, start: () => services.segments.run('daily'), now: () => new Date() });
  // Warning rules: on start, whenever the local date changes, and (inside the services) after imports, edits and segmentation.
  const announceDueWarnings = notifyNewWarnings(services, () => {
    mainWindow?.show();
    mainWindow?.webContents.executeJavaScript("location.hash = '#/warnings'").catch(() => undefined);
  });
  const stopWarnings = startWarningSchedule({ lastAsOf: () => services.warnings.lastRun()?.as_of ?? null, start: (trigger) => services.warnings.run(trigger), onCheck: announceDueWarnings, now: () => new Date() });
  app.on('will-quit', () => {
    stopDailySegmentation();
    stopWarnings();
    void jobs.stopAll();
    try {
      scheduler.quit();
    } finally {
      db.close();
    }
  });
  mainWindow = createMainWindow(outDir);
  mainWindow.on('closed', () => (mainWindow = null));
}

registerAppScheme();
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
