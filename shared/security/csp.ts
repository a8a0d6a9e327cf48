/**
 * Patron's Content Security Policy, in one place: the build puts it in
 * index.html, the Electron session sends it as a header, and the test bridge
 * serves it too. Only the Vite dev server gets inline scripts, for React's
 * fast-refresh preamble.
 */
export function contentSecurityPolicy(opts: { devServer?: boolean } = {}): string {
  return [
    "default-src 'self'",
    opts.devServer ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
