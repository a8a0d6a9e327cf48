/**
 * Native file dialogs, shown by the process that owns the windows (electron/main/dialogs.ts).
 * Absent in unit tests and the CLI, where the caller names the file; the browser harness
 * answers `openFile` with the file a test chose. Without `saveFile`, files are written into
 * a folder beside the database (exports/, reports/, prints/).
 */
export interface FileDialogs {
  /** The chosen path, or null when the user cancelled. */
  saveFile?(defaultName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
  openFile?(filters: { name: string; extensions: string[] }[]): Promise<string | null>;
}
