import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CallerInfo } from '../ipc/dispatch';

/**
 * Which URLs count as Patron's own page, and which file of the built renderer an
 * app:// request reads. Kept free of Electron imports so the rules are unit-tested
 * in plain Node.
 */
export const APP_SCHEME = 'app';
const APP_HOST = 'patron';
/** The renderer's page: served by the app:// handler from out/renderer (appProtocol.ts). */
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Is `url` on app://patron (and nothing else: no user, port or other host)? */
function onAppScheme(u: URL): boolean {
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

export class AppOrigin {
  private devServer: string | null = null;

  /** `electron-vite dev` only: the Vite dev server's origin is trusted as well. */
  allowDevServer(url: string): void {
    this.devServer = new URL(url).origin;
  }

  /** app://patron, or the dev server in development. Never file:, which any local HTML file shares. */
  matches(url: string): boolean {
    const u = parsed(url);
    if (!u) return false;
    if (onAppScheme(u)) return true;
    return this.devServer !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === this.devServer;
  }

  /** Only the main frame of a window showing Patron's own page may call IPC. */
  trustsCaller(caller: CallerInfo): boolean {
    return caller.isMainFrame && caller.url !== null && this.matches(caller.url);
  }
}

/**
 * The file under `rendererDir` that an app:// request reads, or null: another host, a
 * path that leaves the folder (encoded `..` or a drive letter included) or a NUL byte.
 * The root is the renderer's index.html.
 */
export function rendererFileFor(rendererDir: string, url: string): string | null {
  const u = parsed(url);
  if (!u || !onAppScheme(u)) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, path === '/' ? 'index.html' : path));
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}
