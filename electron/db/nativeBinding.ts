/**
 * The better-sqlite3 build that extra handles (backup verification, backup
 * listing, start-up checks, restore) must load. Electron sets it once at start
 * to its own-ABI build (electron/main/native.ts); plain Node (tests, CLI) leaves
 * it unset and gets node_modules' build. Without this, a second handle opened
 * inside Electron would load the Node build and fail.
 */
let processBinding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  processBinding = path;
}

/** better-sqlite3 options for a new handle: an explicit binding wins over the process-wide one. */
export function bindingOption(explicit?: string): { nativeBinding?: string } {
  const chosen = explicit ?? processBinding;
  return chosen ? { nativeBinding: chosen } : {};
}
