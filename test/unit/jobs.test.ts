import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import type { JobRun } from '../../electron/jobs/context';
import type { AppJobs } from '../../electron/jobs/kinds';
import { jobFile, JobRunner } from '../../electron/jobs/runner';
import { generateDemo } from '../../electron/services/demo/generate';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { servicesOnTempDb, type EmittedEvent } from './helpers/services';
import { tempDbPath } from './helpers/temp';
import type { run as tagAll } from '../fixtures/jobs/tag-all';
import { jobEntries } from '../../electron/jobs/entries';

const fixture = resolve(import.meta.dirname, '../fixtures/jobs/tag-all.ts');

/** The test's own job kinds: the fixture, and names whose module is missing or malformed. */
type TestJobs = { 'tag-all': typeof tagAll; nope: JobRun; x: JobRun };

/** Resolves once `condition` holds (the test's own timeout bounds the wait). */
function waitUntil(condition: () => boolean): Promise<void> {
  return new Promise((ok) => {
    const poll = setInterval(() => {
      if (condition()) {
        clearInterval(poll);
        ok();
      }
    }, 5);
  });
}

/** A small demo database and a runner whose only job kind is the test fixture. */
function setup() {
  const file = tempDbPath();
  const { db } = openDatabase(file, { create: true });
  generateDemo(db, { customers: 300, orders: 2000, asOf: '2026-11-23' });
  const events: EmittedEvent[] = [];
  const runner = new JobRunner<TestJobs>({ dbPath: file, emit: (event, payload) => events.push({ event, payload }), resolveJob: () => fixture });
  const tagRows = () => db.prepare("SELECT count(*) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'VIP 回访'").pluck().get() as number;
  const snapshot = () => ({ tags: db.prepare('SELECT * FROM tags ORDER BY id').all(), links: db.prepare('SELECT count(*) FROM customer_tags').pluck().get() });
  return { file, db, events, runner, tagRows, snapshot };
}

describe('job runner (worker threads)', () => {
  it('runs a job on its own connection in a worker, reports progress and announces the tables it wrote', async () => {
    const env = setup();
    // The main thread stays free while the job works: its timer keeps ticking.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const { id, outcome } = env.runner.start('tag-all', { tag: 'VIP 回访' });
    expect(env.runner.running().map((j) => j.id)).toEqual([id]);
    const result = await outcome;
    clearInterval(timer);
    expect(result).toEqual({ status: 'done', result: { tagged: 300 } });
    expect(ticks).toBeGreaterThan(0);
    expect(env.tagRows()).toBe(300);
    const progress = env.events.filter((e) => e.event === 'job:progress').map((e) => e.payload as { id: string; done: number; total: number });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.id === id && p.total === 300)).toBe(true);
    expect(progress.at(-1)?.done).toBe(300);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(env.events.at(-1)).toEqual({ event: 'db:changed', payload: { tables: ['tags', 'customer_tags'] } });
    expect(env.runner.running()).toEqual([]);
  });

  it('a job that fails half-way leaves the database exactly as it was and says why', async () => {
    const env = setup();
    const before = env.snapshot();
    const result = await env.runner.start('tag-all', { tag: 'VIP 回访', failAt: 150 }).outcome;
    expect(result).toEqual({ status: 'failed', message: expect.stringMatching(/customer \d+: simulated failure/) as unknown });
    expect(env.snapshot()).toEqual(before);
    expect(env.events.some((e) => e.event === 'db:changed')).toBe(false);
  });

  it('a cancelled job rolls back everything it wrote', async () => {
    const env = setup();
    const before = env.snapshot();
    const { id, outcome } = env.runner.start('tag-all', { tag: 'VIP 回访', waitForCancel: true });
    // Wait until the job has written every row (its last progress), then cancel.
    await waitUntil(() => env.runner.running()[0]?.done === 300);
    expect(env.runner.cancel(id)).toBe(true);
    expect(await outcome).toEqual({ status: 'cancelled' });
    expect(env.snapshot()).toEqual(before);
    expect(env.runner.cancel(id)).toBe(false);
  });

  it('reports a missing or malformed job module as a failure', async () => {
    const env = setup();
    const missing = new JobRunner<TestJobs>({ dbPath: env.file, emit: () => undefined, resolveJob: () => join(env.file, '..', 'nope.ts') });
    expect((await missing.start('nope', {}).outcome).status).toBe('failed');
    const notAJob = new JobRunner<TestJobs>({ dbPath: env.file, emit: () => undefined, resolveJob: () => resolve(import.meta.dirname, '../../shared/domain/money.ts') });
    expect(await notAJob.start('x', {}).outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('does not export a run() function') as unknown });
  });

  it('only accepts plain job kind names', () => {
    expect(jobFile('segmentation')).toMatch(/electron[/\\]jobs[/\\]kinds[/\\]segmentation\.ts$/);
    expect(() => jobFile('../../etc/passwd')).toThrow(/invalid job kind/);
  });

  it('the typed job map and the build entries name exactly the modules in electron/jobs/kinds', () => {
    // Compiles only while it lists every kind of AppJobs and no other.
    const typed: Record<keyof AppJobs, true> = {
      archive: true,
      backup: true,
      export: true,
      import: true,
      'import-inspect': true,
      'loyalty-sync': true,
      'rollup-repair': true,
      segment: true,
      warnings: true,
    };
    const root = resolve(import.meta.dirname, '../..');
    const entries = jobEntries(root);
    expect(Object.keys(entries).sort()).toEqual(Object.keys(typed).map((k) => `jobs/${k}`).sort());
    for (const [name, file] of Object.entries(entries)) expect(file).toBe(join(root, 'electron', 'jobs', 'kinds', `${name.slice('jobs/'.length)}.ts`));
  });
});

describe('jobs over IPC', () => {
  it('lists running jobs and cancels one through the contract', async () => {
    const env = servicesOnTempDb({ resolveJob: () => fixture });
    generateDemo(env.db, { customers: 50, orders: 300, asOf: '2026-11-23' });
    const dispatch = createDispatcher(handlerTable(env.services));
    const caller = { transport: 'direct', url: null, isMainFrame: true } as const;
    // The services' runner is typed for the app's kinds; this one runs the fixture under every name.
    const jobs = env.jobs as unknown as JobRunner<TestJobs>;
    const { id, outcome } = jobs.start('tag-all', { tag: 'VIP 回访', waitForCancel: true });
    await waitUntil(() => env.jobs.running()[0]?.done === 50);
    expect(await dispatch('jobs:list', {}, caller)).toEqual({ ok: true, value: { jobs: [{ id, kind: 'tag-all', done: 50, total: 50 }] } });
    expect(await dispatch('jobs:cancel', { id: 5 }, caller)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch('jobs:cancel', { id }, caller)).toEqual({ ok: true, value: { cancelled: true } });
    expect(await outcome).toEqual({ status: 'cancelled' });
    expect(await dispatch('jobs:cancel', { id }, caller)).toEqual({ ok: true, value: { cancelled: false } });
    expect(await dispatch('jobs:list', {}, caller)).toEqual({ ok: true, value: { jobs: [] } });
    expect(env.db.prepare('SELECT count(*) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.kind = ?').pluck().get('general')).toBe(0);
  });
});
