import type { Database } from 'better-sqlite3';
import type { ThreadDatabase } from './runner';

/** Thrown by `checkCancelled()`; inside a transaction it rolls the job's writes back. */
export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelled';
  }
}

/** What a job gets in its worker thread: its own connection, its parameters, progress and cancel. */
export interface JobContext<P = unknown> {
  db: Database;
  /** The same database for helper threads a job starts (each opens its own connection). */
  database: ThreadDatabase;
  params: P;
  /** Reports progress; cheap to call often (the worker throttles what it sends). */
  progress(done: number, total: number): void;
  /** Throws JobCancelled once the runner asked the job to stop. Call it in long loops. */
  checkCancelled(): void;
}

interface JobOutput<R = unknown> {
  result: R;
  /** Tables the job wrote; the runner announces them as `db:changed`. */
  tables: string[];
}

/**
 * A job module exports `run`. Jobs that write do so in one transaction
 * (`db.transaction(...)`), so a failure or a cancel leaves the database as it was.
 */
export type JobRun<P = unknown, R = unknown> = (ctx: JobContext<P>) => JobOutput<R> | Promise<JobOutput<R>>;
