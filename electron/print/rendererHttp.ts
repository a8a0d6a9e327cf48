import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { WEB_PRELOAD_JS } from './webPreload';

/**
 * Serving the built renderer over HTTP on 127.0.0.1: what the report CLI's print server
 * (rendererServer.ts) and the browser-test bridge (test/harness/bridge.ts) share. Both
 * answer IPC at POST /__patron/ipc/<channel> and inject the same `window.patron` script.
 */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function contentTypeOf(file: string): string {
  return MIME[extname(file)] ?? 'application/octet-stream';
}

const IPC_PREFIX = '/__patron/ipc/';
export const EVENTS_PATH = '/__patron/events';

/** The JSON body of a request ({} when empty); rejects on malformed JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? {} : (JSON.parse(text) as unknown);
}

/**
 * Answers a POST to `IPC_PREFIX<channel>` with the envelope `answer` gives for the channel
 * and its JSON body (undefined when malformed, so the contract's schema refuses it).
 * Returns false, having done nothing, for any other request.
 */
export async function answerIpc(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  answer: (channel: string, payload: unknown, origin: string | null) => Promise<unknown>,
): Promise<boolean> {
  if (req.method !== 'POST' || !url.pathname.startsWith(IPC_PREFIX)) return false;
  const channel = decodeURIComponent(url.pathname.slice(IPC_PREFIX.length));
  const payload = await readJsonBody(req).catch(() => undefined);
  const envelope = await answer(channel, payload, req.headers.origin ?? null);
  // An answer of the database thread is already JSON text.
  res.writeHead(200, { 'content-type': 'application/json' }).end(typeof envelope === 'string' ? envelope : JSON.stringify(envelope));
  return true;
}

/**
 * A GET handler for the renderer's files: index.html with the preload script injected and
 * the app's content security policy, the preload itself, and the built assets (never a
 * path outside `rendererDir`). Throws at once when the renderer was not built.
 */
export function rendererFiles(rendererDir: string): (pathname: string, res: ServerResponse) => void {
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`the built renderer is missing at ${indexFile}; run "npm run build" first`);
  const indexHtml = readFileSync(indexFile, 'utf8').replace('<script', '<script src="./__patron/preload.js"></script>\n    <script');
  const csp = contentSecurityPolicy();
  const root = resolve(rendererDir);
  return (pathname, res) => {
    if (pathname === '/__patron/preload.js') return void res.writeHead(200, { 'content-type': MIME['.js'] }).end(WEB_PRELOAD_JS);
    if (pathname === '/' || pathname === '/index.html') return void res.writeHead(200, { 'content-type': MIME['.html'], 'content-security-policy': csp }).end(indexHtml);
    const file = normalize(join(root, decodeURIComponent(pathname)));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': contentTypeOf(file) }).end(readFileSync(file));
  };
}
