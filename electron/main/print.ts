import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { Printer } from '../services/print';
import { APP_ENTRY } from './origin';
import { devServerUrl } from './security';

/** How long a print route may take to load its data and fonts. */
const READY_TIMEOUT_MS = 120_000;
const READY_SCRIPT = `new Promise((ok, fail) => {
  const t0 = Date.now();
  const check = () => document.querySelector('[data-print-ready="true"]') ? ok(true) : Date.now() - t0 > ${READY_TIMEOUT_MS} ? fail(new Error('print route did not get ready')) : setTimeout(check, 50);
  check();
})`;

/**
 * Prints renderer routes (`#/print/…`) from a hidden window with the same preload and
 * security settings as the main window, so the route loads its data over the same IPC.
 * Main process only: tests use the harness's Chromium printer instead.
 */
export function electronPrinter(outDir: string): Printer {
  const load = async (route: string): Promise<BrowserWindow> => {
    const win = new BrowserWindow({
      show: false,
      width: 1000,
      height: 1400,
      webPreferences: { preload: join(outDir, 'preload', 'index.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
    });
    await win.loadURL(`${devServerUrl() ?? APP_ENTRY}${route}`);
    await win.webContents.executeJavaScript(READY_SCRIPT);
    return win;
  };
  return {
    async pdf(route, { paper }) {
      const win = await load(route);
      try {
        return await win.webContents.printToPDF({ pageSize: paper, printBackground: true, preferCSSPageSize: true });
      } finally {
        win.destroy();
      }
    },
    async print(route, { paper }) {
      const win = await load(route);
      return new Promise<boolean>((ok) => {
        win.webContents.print({ silent: false, printBackground: true, pageSize: paper }, (success) => {
          win.destroy();
          ok(success);
        });
      });
    },
  };
}
