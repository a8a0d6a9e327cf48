import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { createDispatcher } from '../ipc/dispatch';
import { handlerTable } from '../ipc/handlers';
import type { Services } from '../services';
import { WEB_PRELOAD_JS } from './webPreload';

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

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? {} : (JSON.parse(text) as unknown);
}

/**
 * Serves the built renderer (out/renderer) and the IPC handler table on 127.0.0.1, so a
 * browser outside Electron can render a print route (`patron report … OUT.pdf`). Only
 * pages from this origin may call it (the dispatcher's caller check), and it listens on
 * the loopback interface on a random port for as long as one print takes.
 */
export async function startRendererServer(opts: { rendererDir: string; services: Services }): Promise<{ origin: string; close(): Promise<void> }> {
  const indexFile = join(opts.rendererDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`the built renderer is missing at ${indexFile}; run "npm run build" first`);
  const indexHtml = readFileSync(indexFile, 'utf8').replace('<script', '<script src="./__patron/preload.js"></script>\n    <script');
  let origin = '';
  const dispatch = createDispatcher(handlerTable(opts.services), { isTrustedCaller: (c) => c.url === origin });
  const root = resolve(opts.rendererDir);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (req.method === 'POST' && url.pathname.startsWith('/__patron/ipc/')) {
        const channel = decodeURIComponent(url.pathname.slice('/__patron/ipc/'.length));
        const payload = await readBody(req).catch(() => undefined);
        const envelope = await dispatch(channel, payload, { transport: 'http', url: req.headers.origin ?? null, isMainFrame: true });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelope));
        return;
      }
      if (req.method !== 'GET') return void res.writeHead(405).end();
      // 204 tells EventSource not to reconnect: a print page needs no push events.
      if (url.pathname === '/__patron/events') return void res.writeHead(204).end();
      if (url.pathname === '/__patron/preload.js') return void res.writeHead(200, { 'content-type': MIME['.js'] }).end(WEB_PRELOAD_JS);
      if (url.pathname === '/' || url.pathname === '/index.html') {
        return void res.writeHead(200, { 'content-type': MIME['.html'], 'content-security-policy': contentSecurityPolicy() }).end(indexHtml);
      }
      const file = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
