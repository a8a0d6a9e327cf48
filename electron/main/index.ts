import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Notification, type BrowserWindow } from 'electron';
import { DbThreadClient } from '../dbThread/client';
import { electronDialogs } from './dialogs';
import { bindIpc, broadcast } from './ipc';
import { resolveNativeBinding } from './native';
import { electronPrinter } from './print';
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

function openWindow(): void {
  mainWindow = createMainWindow(outDir);
  mainWindow.on('closed', () => (mainWindow = null));
}

function showWarnings(): void {
  mainWindow?.show();
  mainWindow?.webContents.executeJavaScript("location.hash = '#/warnings'").catch(() => undefined);
}

/**
 * The database, the services, the schedules and the jobs live in the database
 * thread (electron/dbThread); this process only checks requests, forwards them,
 * passes events on to the windows and lends the thread its dialogs, printing and
 * notifications. A damaged file opens the window on the recovery screen (the
 * thread answers only the recovery calls); a file from a newer Patron is refused.
 */
async function start(): Promise<void> {
  hardenSession();
  lockDownContents();
  serveRenderer(join(outDir, 'renderer'), CONTENT_SECURITY_POLICY);
  const dbPath = databasePath();
  let nativeBinding: string;
  try {
    nativeBinding = resolveNativeBinding({ appRoot: app.getAppPath(), resourcesPath: process.resourcesPath, packaged: app.isPackaged });
  } catch (err) {
    fail('Patron could not start', err instanceof Error ? err.message : String(err));
    return;
  }
  const { client, outcome } = await DbThreadClient.open(
    {
      dbPath,
      nativeBinding,
      actor: process.env.USER ?? process.env.USERNAME ?? 'staff',
      systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
      runtime: 'electron',
      appVersion: app.getVersion(),
      schedules: true,
      afterRecovery: 'relaunch',
    },
    {
      emit: broadcast,
      onSlowCall: (channel, ms) => console.warn(`[db] ${channel} took ${Math.round(ms)} ms`),
      shell: {
        dialogs: electronDialogs(() => mainWindow),
        printer: electronPrinter(outDir),
        ...(Notification.isSupported()
          ? {
              notify: (title: string, body: string) => {
                const n = new Notification({ title, body });
                n.on('click', showWarnings);
                n.show();
              },
            }
          : {}),
        // Let the recovery answer reach the window before restarting on the restored file.
        relaunch: () =>
          setTimeout(() => {
            app.relaunch();
            app.exit(0);
          }, 1500),
      },
    },
  );
  if (outcome.state === 'refused' || outcome.state === 'failed') {
    fail(outcome.state === 'refused' ? 'Patron cannot open this database' : 'Patron could not start', outcome.message);
    return;
  }
  bindIpc(client.forward);
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // The thread takes the backup on quit and closes the database; this process stays responsive meanwhile.
    event.preventDefault();
    quitting = true;
    void client.quit().finally(() => app.exit(0));
  });
  openWindow();
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
  app.whenReady().then(start).catch((err: unknown) => fail('Patron could not start', String(err)));
}
