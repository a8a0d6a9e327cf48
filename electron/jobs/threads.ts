import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Starts a worker thread on one of the thread entries beside this module:
 * out/main/<entry>.js in the build (each listed in electron.vite.config.ts),
 * electron/jobs/<entry>.ts (or `sourceFile`) from source (tests, CLI, bench),
 * loaded through tsx inside the new thread.
 */
export function startThread(entry: string, workerData: unknown, sourceFile = join(here, `${entry}.ts`)): Worker {
  if (!/^[a-z][a-z0-9-]*$/.test(entry)) throw new Error(`invalid thread entry: ${entry}`);
  // This module may be bundled into out/main or into a job in out/main/jobs.
  const built = [join(here, `${entry}.js`), join(dirname(here), `${entry}.js`)].find((f) => existsSync(f));
  if (built) return new Worker(built, { workerData });
  const source = pathToFileURL(sourceFile).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** What a one-shot thread posts once: its answer, or why it failed. */
export type ThreadAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs a one-shot thread: resolves with the value it posts, rejects with its
 * error (a thrown error, a failed answer or an exit without one). `post` sends
 * it a message (e.g. work decided while it was starting).
 */
export function runThread<T>(entry: string, workerData: unknown): { answer: Promise<T>; post: (message: unknown) => void; stop: () => void } {
  const worker = startThread(entry, workerData);
  const answer = new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.once('message', (m: ThreadAnswer<T>) => {
      settled = true;
      if (m.ok) resolve(m.value);
      else reject(new Error(m.message));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`thread ${entry} stopped (exit code ${String(code)}) without an answer`));
    });
  });
  return { answer, post: (message) => worker.postMessage(message), stop: () => void worker.terminate() };
}
