import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { PatronError } from '../../shared/ipc/errors';

export type FilePurpose = 'read' | 'write';

/** What the renderer gets for a file the user picked: an opaque id and the name to show. */
export interface PickedFile {
  handle: string;
  name: string;
}

/** How long a picked file stays usable after its last use: a wizard left open over lunch still works. */
const IDLE_MS = 4 * 60 * 60 * 1000;
/** Old handles beyond this many are forgotten, so a renderer cannot grow the table without bound. */
const KEPT = 64;

/**
 * The files the user picked in a dialog the main process showed, by opaque handle.
 * The renderer only ever holds the handle: it cannot name a file itself, use a file
 * picked for reading as a write target (or the reverse), or use a handle after it
 * expired. Plain Node (no Electron), so it works wherever the services run.
 */
export class FileHandles {
  private readonly entries = new Map<string, { path: string; purpose: FilePurpose; lastUsed: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(path: string, purpose: FilePurpose): PickedFile {
    const handle = randomBytes(16).toString('hex');
    this.entries.set(handle, { path, purpose, lastUsed: this.now() });
    for (const old of this.entries.keys()) {
      if (this.entries.size <= KEPT) break;
      this.entries.delete(old);
    }
    return { handle, name: basename(path) };
  }

  /** The path behind a handle; throws not_found for an unknown or expired one, forbidden for the wrong purpose. */
  resolve(handle: string, purpose: FilePurpose): string {
    const entry = this.entries.get(handle);
    const now = this.now();
    if (entry && now - entry.lastUsed > IDLE_MS) this.entries.delete(handle);
    if (!entry || now - entry.lastUsed > IDLE_MS) throw new PatronError('not_found', 'the chosen file is no longer available; choose it again', [{ path: 'handle', message: 'unknown or expired file handle' }]);
    if (entry.purpose !== purpose) throw new PatronError('forbidden', `this file was chosen for ${entry.purpose === 'read' ? 'reading' : 'writing'}, not for ${purpose === 'read' ? 'reading' : 'writing'}`, [{ path: 'handle', message: 'wrong purpose' }]);
    entry.lastUsed = now;
    return entry.path;
  }
}
