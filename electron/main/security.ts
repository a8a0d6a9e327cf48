import { app, session, type WebContents } from 'electron';
import { AppOrigin } from './origin';

// The dev server (ELECTRON_RENDERER_URL) needs React's inline fast-refresh preamble; builds never do.
const devServer = Boolean(process.env.ELECTRON_RENDERER_URL);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  devServer ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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
