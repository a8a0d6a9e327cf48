/** The compiled CLI's folder (.build/cli). */
export const CLI_DIR: string;
/** True when the build is missing or a file or folder it was made from changed since. */
export function cliBuildIsStale(): boolean;
/** Compiles the CLI, its job threads and migrations into CLI_DIR, swapping the folder in whole. */
export function buildCli(): Promise<void>;
