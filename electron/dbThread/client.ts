import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Channel, EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import type { Forward } from '../ipc/dispatch';
import { startThread } from '../jobs/threads';
import type { FileDialogs } from '../services/fileDialogs';
import type { Printer } from '../services/print';
import type { DbThreadConfig, FromThread, OpenOutcome, ShellRequest, ToThread } from './protocol';

/** What the process that owns the windows does for the database thread. */
interface DbShell {
  dialogs?: FileDialogs;
  printer?: Printer;
  notify?: (title: string, body: string) => void;
  relaunch?: () => void;
}

interface DbThreadOptions {
  shell: DbShell;
  /** Events of the thread (db:changed, job:progress, …), to pass on to the windows. */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Told about every call that took longer than `slowMs` (default 40 ms) in the thread. */
  onSlowCall?: (channel: Channel, ms: number) => void;
  slowMs?: number;
}

function failed(message: string): string {
  const envelope: Envelope<never> = { ok: false, error: { code: 'internal', message } };
  return JSON.stringify(envelope);
}

const here = dirname(fileURLToPath(import.meta.url));
/** Built: out/main/db-thread.js (an entry in electron.vite.config.ts); from source: worker.ts beside this file. */
const THREAD_ENTRY = 'db-thread';
const SOURCE = join(here, 'worker.ts');

/**
 * The window process's side of the database thread: starts it, forwards checked
 * requests as `{seq, channel, request}` and resolves each with the thread's
 * `{seq, envelope}`, and answers the thread's calls for dialogs, printing and
 * notifications. The window process itself runs no SQL.
 */
export class DbThreadClient {
  private seq = 0;
  private readonly pending = new Map<number, { channel: Channel; resolve: (json: string) => void }>();
  private stopped: string | null = null;
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly opts: DbThreadOptions,
  ) {}

  /** Starts the thread and resolves once it has opened the database (or found it damaged, too new, or unusable). */
  static open(config: Omit<DbThreadConfig, 'shell'>, opts: DbThreadOptions): Promise<{ client: DbThreadClient; outcome: OpenOutcome }> {
    const full: DbThreadConfig = { ...config, shell: { openDialog: opts.shell.dialogs?.openFile !== undefined, saveDialog: opts.shell.dialogs?.saveFile !== undefined, printer: Boolean(opts.shell.printer), notifications: Boolean(opts.shell.notify) } };
    const client = new DbThreadClient(startThread(THREAD_ENTRY, full, SOURCE), opts);
    return new Promise((resolve) => {
      client.worker.on('message', (m: FromThread) => {
        if (m.type === 'opened') resolve({ client, outcome: m.outcome });
        else client.receive(m);
      });
      const end = (why: string) => {
        client.stop(why);
        resolve({ client, outcome: { state: 'failed', message: why } });
      };
      client.worker.on('error', (err) => end(`the database thread failed: ${err.message}`));
      client.worker.on('exit', (code) => end(`the database thread stopped (exit code ${String(code)})`));
    });
  }

  /** Sends a request the caller has already checked; resolves with the thread's envelope as JSON text. */
  readonly forward: Forward<string> = (channel, request) => {
    if (this.stopped) return Promise.resolve(failed(this.stopped));
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, { channel, resolve });
      this.send({ type: 'call', seq, channel, request });
    });
  };

  /** Stops the schedules and jobs, takes the backup on quit if anything changed, closes the database, ends the thread. */
  quit(): Promise<void> {
    if (this.closed) return this.closed;
    this.closed = this.stopped
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          this.worker.once('exit', () => resolve());
          this.worker.on('message', (m: FromThread) => {
            if (m.type === 'closed') void this.worker.terminate();
          });
          this.send({ type: 'quit' });
        });
    return this.closed;
  }

  private send(m: ToThread): void {
    this.worker.postMessage(m);
  }

  private stop(why: string): void {
    if (this.stopped) return;
    this.stopped = why;
    for (const call of this.pending.values()) call.resolve(failed(why));
    this.pending.clear();
  }

  private receive(m: FromThread): void {
    switch (m.type) {
      case 'answer': {
        const call = this.pending.get(m.seq);
        this.pending.delete(m.seq);
        if (!call) return;
        if (m.ms > (this.opts.slowMs ?? 40)) this.opts.onSlowCall?.(call.channel, m.ms);
        call.resolve(m.json);
        break;
      }
      case 'event':
        this.opts.emit(m.event, m.payload as EventPayload<typeof m.event>);
        break;
      case 'shell':
        void this.answerShell(m.request).then(
          (value) => this.send({ type: 'shell-answer', seq: m.seq, ok: true, value }),
          (err: unknown) => this.send({ type: 'shell-answer', seq: m.seq, ok: false, message: err instanceof Error ? err.message : String(err) }),
        );
        break;
      case 'opened':
      case 'closed':
        break;
    }
  }

  private async answerShell(r: ShellRequest): Promise<unknown> {
    const { dialogs, printer, notify, relaunch } = this.opts.shell;
    switch (r.kind) {
      case 'saveFile':
        return dialogs?.saveFile ? await dialogs.saveFile(r.defaultName, r.filters) : null;
      case 'openFile':
        return dialogs?.openFile ? await dialogs.openFile(r.filters) : null;
      case 'pdf':
        if (!printer) throw new Error('printing is not available here');
        return await printer.pdf(r.route, { paper: r.paper });
      case 'print':
        if (!printer?.print) throw new Error('printing to paper is not available here');
        return await printer.print(r.route, { paper: r.paper });
      case 'notify':
        notify?.(r.title, r.body);
        return null;
      case 'relaunch':
        relaunch?.();
        return null;
    }
  }
}
