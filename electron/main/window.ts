import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { setAppOrigin } from './security';

export function createMainWindow(outDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Patron',
    show: false,
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) {
    setAppOrigin(devUrl);
    void win.loadURL(devUrl);
  } else {
    const file = join(outDir, 'renderer', 'index.html');
    setAppOrigin(`file://${file}`);
    void win.loadFile(file);
  }
  return win;
}
