import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from '../services/fileDialogs';

/** Electron's native open/save dialogs, attached to the main window when there is one. */
export function electronDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    async saveFile(defaultName, filters) {
      const w = window();
      const options = { defaultPath: defaultName, filters };
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async openFile(filters) {
      const w = window();
      const options = { properties: ['openFile' as const], filters };
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
