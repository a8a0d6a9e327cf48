/** Messages between the job runner (main thread) and a job's worker thread. */
export interface WorkerInput {
  /** Absolute path of the job module (a .ts file from source, a .js file in the build). */
  jobFile: string;
  params: unknown;
  dbPath: string;
  nativeBinding?: string | undefined;
  /** One Int32 cell: the runner sets it to 1 to ask the job to stop. */
  cancelFlag: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown; tables: string[] }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
