// `electron electron/print/electronPdf.mjs URL OUT.pdf`: prints a print route of the
// renderer server to PDF in a hidden window, as the app's own print window does
// (electron/main/print.ts). Used by `patron report … OUT.pdf` when Electron is installed.
import { writeFileSync } from 'node:fs';
import { app, BrowserWindow } from 'electron';

const [url, out] = process.argv.slice(-2);
app.whenReady().then(async () => {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
  await win.loadURL(url);
  const deadline = Date.now() + 120_000;
  while (!(await win.webContents.executeJavaScript(`document.querySelector('[data-print-ready="true"]') !== null`))) {
    if (Date.now() > deadline) throw new Error(`the page did not finish loading: ${url}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
  const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  writeFileSync(out, pdf);
  app.exit(0);
}).catch((err) => {
  console.error(String(err));
  app.exit(1);
});
