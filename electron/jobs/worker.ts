import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { JobCancelled, type JobContext, type JobRun } from './context';
import type { WorkerInput, WorkerMessage } from './protocol';

/**
 * Worker-thread side of a job: opens its own connection (WAL lets the app keep
 * reading and writing meanwhile), runs the job module and reports back.
 */
const PROGRESS_INTERVAL_MS = 100;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('worker.ts must run in a worker thread');
  const input = workerData as WorkerInput;
  const post = (m: WorkerMessage) => port.postMessage(m);
  const cancel = new Int32Array(input.cancelFlag);
  let lastProgress = 0;
  const { db } = openDatabase(input.dbPath, { nativeBinding: input.nativeBinding });
  try {
    const mod = (await import(pathToFileURL(input.jobFile).href)) as { run?: JobRun };
    if (typeof mod.run !== 'function') throw new Error(`${input.jobFile} does not export a run() function`);
    const ctx: JobContext = {
      db,
      database: { dbPath: input.dbPath, nativeBinding: input.nativeBinding },
      params: input.params,
      progress(done, total) {
        const now = Date.now();
        if (done >= total || now - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = now;
          post({ type: 'progress', done, total });
        }
      },
      checkCancelled() {
        if (Atomics.load(cancel, 0) === 1) throw new JobCancelled();
      },
    };
    const output = await mod.run(ctx);
    post({ type: 'done', result: output.result, tables: output.tables });
  } catch (err) {
    if (err instanceof JobCancelled) post({ type: 'cancelled' });
    else post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
}

void main();
