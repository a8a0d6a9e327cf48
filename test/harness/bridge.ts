import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Channel, EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import { DbThreadClient } from '../../electron/dbThread/client';
import { bindDispatch, createForwarder, type CallerInfo } from '../../electron/ipc/dispatch';
import { answerIpc, EVENTS_PATH, readJsonBody, rendererFiles } from '../../electron/print/rendererHttp';
import { chromiumPrinter } from './printer';

/**
 * The browser-test stand-in for Electron's main process, arranged the same way:
 * the real services and the real handler table on a real database in the
 * database thread (electron/dbThread), this process checking and forwarding each
 * request, bound to HTTP on 127.0.0.1 instead of ipcMain. The built renderer is
 * served from the same origin with a test preload that defines `window.patron`
 * over this bridge.
 */
export interface BridgeOptions {
  dbPath: string;
  rendererDir: string;
  systemLocale: string;
  port?: number;
  /** A fixed clock for the database thread. */
  now?: Date;
}

export interface Bridge {
  url: string;
  /** Calls a channel as the bridge's own page would (sender and payload checks included). */
  invoke(channel: Channel, payload: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

interface HttpEvent {
  origin: string | null;
}

/**
 * Test-only: the file the next open dialog "chooses". The app's main process shows a real
 * dialog; tests post the path here (the bridge serves this route, the app has no such thing).
 */
export const TEST_OPEN_FILE_PATH = '/__patron/test/open-file';

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const files = rendererFiles(opts.rendererDir);
  const sseClients = new Set<ServerResponse>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const client of sseClients) client.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  let origin = '';
  // Print routes are rendered by Chromium from this very server, as Electron's hidden window would.
  const printer = chromiumPrinter(() => origin);
  const chosenFiles: string[] = [];
  const dialogs = { openFile: () => Promise.resolve(chosenFiles.shift() ?? null) };
  const { client, outcome } = await DbThreadClient.open(
    { dbPath: opts.dbPath, actor: 'e2e', systemLocale: opts.systemLocale, runtime: 'node', appVersion: '0.0.0-harness', fixedNow: opts.now?.toISOString(), schedules: false, afterRecovery: 'reopen' },
    { emit, shell: { printer, dialogs } },
  );
  if (outcome.state === 'refused' || outcome.state === 'failed') {
    await client.quit();
    await printer.close();
    throw new Error(outcome.message);
  }
  const handlers = new Map<string, (event: HttpEvent, payload: unknown) => Promise<unknown>>();
  const dispatch = bindDispatch<HttpEvent, string>(
    { handle: (channel, fn) => handlers.set(channel, fn) },
    // Like the Electron sender check: only pages served by this bridge may call it.
    createForwarder(client.forward, { isTrustedCaller: (caller) => caller.url === origin, onInternalError: (ch, err) => console.error(`[bridge] ${ch}`, err) }),
    (event): CallerInfo => ({ transport: 'http', url: event.origin, isMainFrame: true }),
  );
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const answered = await answerIpc(req, res, url, async (channel, payload, from) => {
        const handler = handlers.get(channel);
        return handler ? await handler({ origin: from } satisfies HttpEvent, payload) : await dispatch(channel, payload, { transport: 'http', url: from, isMainFrame: true });
      });
      if (answered) return;
      if (req.method === 'POST' && url.pathname === TEST_OPEN_FILE_PATH) {
        const body = (await readJsonBody(req)) as { path?: unknown };
        if (typeof body.path !== 'string') return void res.writeHead(400).end('path missing');
        chosenFiles.push(body.path);
        return void res.writeHead(204).end();
      }
      if (req.method === 'GET' && url.pathname === EVENTS_PATH) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      if (req.method !== 'GET') {
        res.writeHead(405).end();
        return;
      }
      files(url.pathname, res);
    })().catch((err: unknown) => {
      console.error('[bridge]', err);
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });

  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    invoke: async (channel, payload) => {
      const answer = await dispatch(channel, payload, { transport: 'http', url: origin, isMainFrame: true });
      return typeof answer === 'string' ? (JSON.parse(answer) as Envelope<unknown>) : answer;
    },
    close: () =>
      new Promise<void>((ok) => {
        void printer.close();
        for (const sse of sseClients) sse.end();
        server.close(() => void client.quit().then(ok));
        server.closeAllConnections();
      }),
  };
}
