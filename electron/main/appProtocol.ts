import { readFile, stat } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeOf } from '../print/rendererHttp';
import { APP_SCHEME, rendererFileFor } from './origin';

/**
 * app:// as a standard, secure scheme: the renderer gets a real origin ('self' in the
 * CSP means app://patron) that no file on disk shares. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Answers app://patron/… with the files of the built renderer, and nothing outside it. */
export function serveRenderer(rendererDir: string, contentSecurityPolicy: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (!file || !(await stat(file).catch(() => null))?.isFile()) return new Response('not found', { status: 404 });
    return new Response(await readFile(file), { headers: { 'content-type': contentTypeOf(file), 'content-security-policy': contentSecurityPolicy } });
  });
}
