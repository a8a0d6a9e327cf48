import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDispatcher } from '../ipc/dispatch';
import { handlerTable } from '../ipc/handlers';
import type { Services } from '../services';
import { answerIpc, EVENTS_PATH, rendererFiles } from './rendererHttp';

/**
 * Serves the built renderer (out/renderer) and the IPC handler table on 127.0.0.1, so a
 * browser outside Electron can render a print route (`patron report … OUT.pdf`). Only
 * pages from this origin may call it (the dispatcher's caller check), and it listens on
 * the loopback interface on a random port for as long as one print takes.
 */
export async function startRendererServer(opts: { rendererDir: string; services: Services }): Promise<{ origin: string; close(): Promise<void> }> {
  const files = rendererFiles(opts.rendererDir);
  let origin = '';
  const dispatch = createDispatcher(handlerTable(opts.services), { isTrustedCaller: (c) => c.url === origin });
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (await answerIpc(req, res, url, (channel, payload, from) => dispatch(channel, payload, { transport: 'http', url: from, isMainFrame: true }))) return;
      if (req.method !== 'GET') return void res.writeHead(405).end();
      // 204 tells EventSource not to reconnect: a print page needs no push events.
      if (url.pathname === EVENTS_PATH) return void res.writeHead(204).end();
      files(url.pathname, res);
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
