import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { Database } from 'better-sqlite3';
import { DatabaseDamagedError } from '../../electron/db/damage';
import { registerHandlers, type CallerInfo, type Dispatch } from '../../electron/ipc/dispatch';
import { handlerTable, type HandlerTable } from '../../electron/ipc/handlers';
import { recoveryHandlerTable } from '../../electron/ipc/recovery';
import { answerIpc, EVENTS_PATH, readJsonBody, rendererFiles } from '../../electron/print/rendererHttp';
import { JobRunner } from '../../electron/jobs/runner';
import { createServices, type Services } from '../../electron/services';
import { BackupScheduler, systemClock } from '../../electron/services/backupScheduler';
import { openAppDatabase, replaceWithBackup } from '../../electron/services/startup';
import { chromiumPrinter } from './printer';

/**
 * The browser-test stand-in for Electron's main process: the real services and
 * the real handler table on a real database, bound to HTTP on 127.0.0.1 instead
 * of ipcMain. The built renderer is served from the same origin with a test
 * preload that defines `window.patron` over this bridge.
 */
export interface BridgeOptions {
  dbPath: string;
  rendererDir: string;
  systemLocale: string;
  port?: number;
  now?: () => Date;
}

export interface Bridge {
  url: string;
  services: Services;
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
  const jobs = new JobRunner({ dbPath: opts.dbPath, emit });
  let origin = '';
  // Print routes are rendered by Chromium from this very server, as Electron's hidden window would.
  const printer = chromiumPrinter(() => origin);
  const chosenFiles: string[] = [];
  const dialogs = { openFile: () => Promise.resolve(chosenFiles.shift() ?? null) };
  const handlers = new Map<string, (event: HttpEvent, payload: unknown) => Promise<unknown>>();
  const bind = (table: HandlerTable) =>
    registerHandlers<HttpEvent>(
      { handle: (channel, fn) => handlers.set(channel, fn) },
      table,
      (event): CallerInfo => ({ transport: 'http', url: event.origin, isMainFrame: true }),
      // Like the Electron sender check: only pages served by this bridge may call it.
      { isTrustedCaller: (caller) => caller.url === origin, onInternalError: (ch, err) => console.error(`[bridge] ${ch}`, err) },
    );

  let db: Database | null = null;
  let services: Services | null = null;
  let scheduler: BackupScheduler | null = null;
  /** Opens the database and binds the real handler table (again after a recovery). */
  const openNormally = () => {
    db = openAppDatabase(opts.dbPath, { now: opts.now?.() }).db;
    const live = createServices({
      db,
      dbPath: opts.dbPath,
      actor: 'e2e',
      systemLocale: opts.systemLocale,
      runtime: 'node',
      appVersion: '0.0.0-harness',
      now: opts.now ?? (() => new Date()),
      emit,
      jobs,
      printer,
      dialogs,
    });
    services = live;
    // Automatic backups as in the app (every 30 minutes when something changed; one on close).
    scheduler = new BackupScheduler({
      clock: systemClock,
      intervalMinutes: () => live.backups.settings().intervalMinutes,
      changeMark: () => live.backups.changeMark(),
      backup: (reason) => live.backups.create(reason),
      backupInBackground: (reason) => live.backups.createInBackground(reason),
      onError: (err) => console.error('[bridge] automatic backup failed:', err),
    });
    scheduler.start();
    return bind(handlerTable(live));
  };
  let dispatch: Dispatch;
  try {
    dispatch = openNormally();
  } catch (err) {
    if (!(err instanceof DatabaseDamagedError)) throw err;
    // Damaged database: only the recovery calls answer until the user chose the newest good backup.
    dispatch = bind(
      recoveryHandlerTable(err, opts.systemLocale, (backup) => {
        const kept = replaceWithBackup(opts.dbPath, backup);
        dispatch = openNormally();
        return { damagedFileKeptAs: kept, restoredFrom: backup };
      }),
    );
  }
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
    get services(): Services {
      if (!services) throw new Error('the bridge is in recovery mode: the database is damaged');
      return services;
    },
    close: () =>
      new Promise<void>((ok) => {
        void jobs.stopAll();
        void printer.close();
        for (const client of sseClients) client.end();
        server.close(() => {
          scheduler?.quit();
          db?.close();
          ok();
        });
        server.closeAllConnections();
      }),
  };
}
