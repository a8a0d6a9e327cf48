import { app, session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { AppOrigin } from './origin';

// The dev server (ELECTRON_RENDERER_URL) needs React's inline fast-refresh preamble; builds never do.
const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ devServer: Boolean(process.env.ELECTRON_RENDERER_URL) });

/** Session-wide rules: a CSP header on every response and no permission ever granted. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Patron needs no network: refuse every request that is not our own files or dev server.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url) && !details.url.startsWith('devtools:') });
  });
}

const appOrigin = new AppOrigin();

export function setAppOrigin(url: string): void {
  appOrigin.set(url);
}

export function isAppUrl(url: string): boolean {
  return appOrigin.matches(url);
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
