import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunningJobInfo } from '../../shared/ipc/contract/jobs';
import type { Emit } from '../services/context';
import type { AppJobs, JobKinds, JobParams, JobResult } from './kinds';
import type { WorkerInput, WorkerMessage } from './protocol';
import { startThread } from './threads';

export type JobOutcome<R = unknown> = { status: 'done'; result: R } | { status: 'cancelled' } | { status: 'failed'; message: string };

export interface ThreadDatabase {
  dbPath: string;
  nativeBinding?: string | undefined;
}

export interface JobRunnerOptions {
  dbPath: string;
  nativeBinding?: string | undefined;
  emit: Emit;
  /** Maps a job kind to its module file; the default looks beside this module (see jobFile). */
  resolveJob?: (kind: string) => string;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Job modules live in electron/jobs/kinds/<kind>.ts; the Electron build emits
 * each as out/main/jobs/<kind>.js (electron.vite.config.ts finds them).
 */
export function jobFile(kind: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) throw new Error(`invalid job kind: ${kind}`);
  const built = join(here, 'jobs', `${kind}.js`);
  return existsSync(built) ? built : join(here, 'kinds', `${kind}.ts`);
}

/** The job thread: worker.ts, which loads the job module (threads.ts finds the built or source entry). */
function spawnWorker(input: WorkerInput): Worker {
  return startThread('worker', input);
}

/** A job that finished while whenIdle waited. */
export interface FinishedJob {
  kind: string;
  outcome: JobOutcome;
}

/**
 * Runs heavy work (segmentation, imports, warnings …) in worker threads so the
 * main process never freezes. Each job reports `job:progress`, can be cancelled,
 * and announces the tables it wrote as `db:changed` when it finishes.
 */
export class JobRunner<Kinds extends JobKinds = AppJobs> {
  private readonly jobs = new Map<string, { info: RunningJobInfo; cancel: Int32Array; worker: Worker; outcome: Promise<JobOutcome> }>();
  /** Jobs promised for later (a retry after a busy database): whenIdle waits for them too. */
  private readonly later = new Set<Promise<unknown>>();
  private stopping = false;

  constructor(private readonly opts: JobRunnerOptions) {}

  /** The database file and native driver a helper thread opens its own connection with. */
  get database(): ThreadDatabase {
    return { dbPath: this.opts.dbPath, nativeBinding: this.opts.nativeBinding };
  }

  start<K extends keyof Kinds & string>(kind: K, params: JobParams<Kinds[K]>): { id: string; outcome: Promise<JobOutcome<JobResult<Kinds[K]>>> } {
    const id = randomUUID();
    const cancelFlag = new SharedArrayBuffer(4);
    const worker = spawnWorker({
      jobFile: (this.opts.resolveJob ?? jobFile)(kind),
      params,
      dbPath: this.opts.dbPath,
      nativeBinding: this.opts.nativeBinding,
      cancelFlag,
    });
    const info: RunningJobInfo = { id, kind, done: 0, total: 0 };
    const outcome = new Promise<JobOutcome<JobResult<Kinds[K]>>>((resolve) => {
      let settled = false;
      const finish = (o: JobOutcome<JobResult<Kinds[K]>>) => {
        if (settled) return;
        settled = true;
        this.jobs.delete(id);
        resolve(o);
      };
      worker.on('message', (m: WorkerMessage) => {
        switch (m.type) {
          case 'progress':
            info.done = m.done;
            info.total = m.total;
            this.opts.emit('job:progress', { id, done: m.done, total: m.total });
            break;
          case 'done':
            if (m.tables.length > 0) this.opts.emit('db:changed', { tables: m.tables });
            // The worker ran this kind's module, whose run() returns this type.
            finish({ status: 'done', result: m.result as JobResult<Kinds[K]> });
            break;
          case 'cancelled':
            finish({ status: 'cancelled' });
            break;
          case 'failed':
            finish({ status: 'failed', message: m.message });
            break;
        }
      });
      worker.on('error', (err) => finish({ status: 'failed', message: err.message }));
      worker.on('exit', (code) => finish(this.stopping ? { status: 'cancelled' } : code === 0 ? { status: 'failed', message: 'job ended without a result' } : { status: 'failed', message: `job worker exited with code ${code}` }));
    });
    this.jobs.set(id, { info, cancel: new Int32Array(cancelFlag), worker, outcome });
    return { id, outcome };
  }

  /** Runs `start` after `ms`; until then whenIdle counts it as work still to come. */
  startLater(ms: number, start: () => void): void {
    const pending = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(start).catch((err: unknown) => {
      console.error(`a delayed job did not start: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.later.add(pending);
    void pending.finally(() => this.later.delete(pending));
  }

  /**
   * Waits until no job runs and none is due, including the jobs that finishing
   * jobs start (segmentation → warnings), and says how each ended: the CLI's
   * imports wait for their follow-up jobs instead of cutting them off.
   */
  async whenIdle(): Promise<FinishedJob[]> {
    const finished: FinishedJob[] = [];
    for (;;) {
      const running = [...this.jobs.values()];
      if (running.length === 0 && this.later.size === 0) {
        // A finished job's listeners may start the next one in the same turn.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.jobs.size === 0 && this.later.size === 0) return finished;
        continue;
      }
      await Promise.all([...running.map(async (j) => finished.push({ kind: j.info.kind, outcome: await j.outcome })), ...this.later]);
    }
  }

  /** Asks a job to stop at its next checkCancelled(); its transaction rolls back. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    Atomics.store(job.cancel, 0, 1);
    return true;
  }

  running(): RunningJobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }));
  }

  /** Ends every job at once (on quit). An unfinished job never committed, so nothing half-done remains. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.jobs.values()].map((j) => j.worker.terminate()));
  }
}
