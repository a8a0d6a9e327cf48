import { app, session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';
import type { CallerInfo } from '../ipc/dispatch';
import { AppOrigin } from './origin';

/** The Vite dev server of `electron-vite dev`; a packaged app never uses one, whatever the environment says. */
export function devServerUrl(): string | null {
  return app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null);
}

// The dev server needs React's inline fast-refresh preamble; builds never do.
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ devServer: devServerUrl() !== null });

const appOrigin = new AppOrigin();
const dev = devServerUrl();
if (dev) appOrigin.allowDevServer(dev);

function isAppUrl(url: string): boolean {
  return appOrigin.matches(url);
}

export function isTrustedCaller(caller: CallerInfo): boolean {
  return appOrigin.trustsCaller(caller);
}

/** Session-wide rules: a CSP header on every response and no permission ever granted. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Patron needs no network: refuse every request that is not our own page (app://patron) or the dev server.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url) && !details.url.startsWith('devtools:') });
  });
}

/** Every web contents: no navigation away, no new windows, no webviews. */
export function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
