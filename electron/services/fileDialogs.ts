/**
 * Native file dialogs, provided by the Electron shell (electron/main/dialogs.ts).
 * Absent in tests, the CLI and the browser harness: there the caller names the
 * file (or the wizard uploads it) and exports go to the exports folder.
 */
export interface FileDialogs {
  /** The chosen path, or null when the user cancelled. */
  saveFile(defaultName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
  openFile(filters: { name: string; extensions: string[] }[]): Promise<string | null>;
}
