import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type CallerInfo, type Dispatch } from '../../electron/ipc/dispatch';
import { handlerTable } from '../../electron/ipc/handlers';
import { contract } from '../../shared/ipc/contract';
import { createDemoDatabase } from '../../electron/services/demo/generate';
import { contentsOf } from './helpers/dbContents';
import { arbitraryOf, aroundSeed, invalidArbitraryOf, jsonSchemaOf } from './helpers/schemaArbitraries';
import { servicesOnTempDb } from './helpers/services';

/**
 * Property-based fuzzing of every IPC channel in the contract, through the real
 * dispatcher and services on a demo database: payloads built from each
 * channel's request schema must never crash a handler (no `internal` error,
 * an answer that fits the response schema), and payloads that break the schema
 * must be refused as invalid_request without writing anything.
 */
const excluded: Record<string, string> = {
  'print:pdf': 'renders a page in a browser and writes a PDF outside the database (no printer in a unit test)',
  'print:print': 'sends a page to a printer, outside the database',
  'import:pickFile': 'shows the native open dialog',
};

/** Valid calls per channel, and invalid ones; each side stops calling after its time limit (channels that start a job thread), having made at least one call. */
const VALID_RUNS = 30;
const INVALID_RUNS = 40;
const VALID_MS = 1500;
const INVALID_MS = 800;
const direct: CallerInfo = { transport: 'direct', url: null, isMainFrame: true };

/**
 * Settings whose fields are tied together by refinements (ordered levels with
 * increasing thresholds, campaign periods …) are also fuzzed around the
 * current settings, read from the channel named here.
 */
const seededBy: Record<string, [string, (answer: Record<string, unknown>) => unknown]> = {
  'loyalty:saveSettings': ['loyalty:settings', (a) => a],
  'segments:saveSettings': ['segments:settings', (a) => a],
  'segments:preview': ['segments:settings', (a) => a],
  'warnings:saveSettings': ['warnings:settings', (a) => a],
  'reports:saveSettings': ['reports:settings', (a) => a],
  'visits:savePrintSettings': ['visits:printSettings', (a) => a],
  'completeness:set': ['completeness:get', (a) => a],
  'backups:configure': ['backups:list', (a) => a.settings],
};

async function validArbitrary(channel: string, json: ReturnType<typeof jsonSchemaOf>): Promise<fc.Arbitrary<unknown>> {
  const seeded = seededBy[channel];
  if (!seeded) return arbitraryOf(json);
  const answer = await env.dispatch(seeded[0], {}, direct);
  if (!answer.ok) throw new Error(`${seeded[0]}: ${answer.error.message}`);
  return fc.oneof(arbitraryOf(json), aroundSeed(json, seeded[1](answer.value as Record<string, unknown>) as Record<string, unknown>));
}

type Env = ReturnType<typeof servicesOnTempDb> & { dispatch: Dispatch; csv: string };
let env: Env;

/**
 * Payload fields that name files: the generated string is kept for half the
 * runs (a missing file, read only), the other half names a real CSV beside the
 * database. An export's target path is dropped so it writes into the exports
 * folder beside the database, never somewhere else on disk.
 */
function grounded(channel: string, payload: unknown, coin: boolean): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const p = { ...(payload as Record<string, unknown>) };
  if (channel.startsWith('import:') && typeof p.file === 'string' && coin) p.file = env.csv;
  if (channel === 'export:run') delete p.path;
  return p;
}

async function jobsIdle(): Promise<void> {
  // A finished import starts follow-up jobs, so idle means idle twice in a row.
  for (let quiet = 0; quiet < 2; ) {
    await new Promise((r) => setTimeout(r, 10));
    quiet = env.jobs.running().length === 0 ? quiet + 1 : 0;
  }
}

// One database for the whole file (the temp helpers clear their folders after each test).
const folder = mkdtempSync(join(tmpdir(), 'patron-fuzz-'));

beforeAll(() => {
  const file = join(folder, 'patron.sqlite');
  createDemoDatabase(file, { customers: 150, orders: 1500, asOf: '2026-11-20' });
  const opened = servicesOnTempDb({ file });
  const csv = join(folder, 'customers.csv');
  writeFileSync(csv, '客户编号,客户名称,电话,合作开始时间\nF001,杭州恒信科技有限公司,13800138000,2024-03-01\nF002,宁波海川贸易,0571-88886666,2023-11-15\n');
  env = { ...opened, dispatch: createDispatcher(handlerTable(opened.services)), csv };
});

/** Calls made per channel: [valid, invalid]. */
const calls = new Map<string, [number, number]>();

afterAll(async () => {
  const counts = [...calls.values()];
  const range = (i: 0 | 1) => `${Math.min(...counts.map((c) => c[i]))}–${Math.max(...counts.map((c) => c[i]))}`;
  console.log(`IPC fuzz: ${counts.length} channels, ${range(0)} valid and ${range(1)} invalid payloads each; fewest valid: ${[...calls].sort((a, b) => a[1][0] - b[1][0]).slice(0, 5).map(([c, [v]]) => `${c} ${v}`).join(', ')}`);
  await env.jobs.stopAll();
  env.db.close();
  rmSync(folder, { recursive: true, force: true });
});

const channels = Object.keys(contract).filter((c) => !(c in excluded)) as (keyof typeof contract)[];

describe('IPC fuzzing', () => {
  it('covers every channel of the contract except the listed exclusions', () => {
    expect(channels.length + Object.keys(excluded).length).toBe(Object.keys(contract).length);
    for (const c of Object.keys(excluded)) expect(contract).toHaveProperty([c]);
  });

  it.each(channels)('%s: valid payloads never crash, invalid ones are refused and write nothing', async (channel) => {
    const { request, response } = contract[channel];
    const json = jsonSchemaOf(request);
    const failures: string[] = [];
    let valid = 0;
    const validUntil = Date.now() + VALID_MS;
    await fc.assert(
      fc.asyncProperty(await validArbitrary(channel, json), fc.boolean(), async (generated, coin) => {
        if (valid > 0 && Date.now() > validUntil) return;
        const payload = grounded(channel, generated, coin);
        if (!request.safeParse(payload).success) return; // a refinement the JSON Schema does not carry
        valid++;
        const answer = await env.dispatch(channel, payload, direct);
        if (!answer.ok && answer.error.code === 'internal') failures.push(`${JSON.stringify(payload)} → internal: ${answer.error.message}`);
        if (answer.ok && !response.safeParse(answer.value).success) failures.push(`${JSON.stringify(payload)} → answer outside the response schema: ${response.safeParse(answer.value).error?.message ?? ''}`);
      }),
      { numRuns: VALID_RUNS },
    );
    expect(failures.slice(0, 3).join('\n')).toBe('');
    expect(valid, 'valid payloads that reached the handler').toBeGreaterThan(0);

    await jobsIdle();
    const before = contentsOf(env.db);
    let refused = 0;
    const invalidUntil = Date.now() + INVALID_MS;
    await fc.assert(
      fc.asyncProperty(invalidArbitraryOf(json), async (payload) => {
        if (refused > 0 && Date.now() > invalidUntil) return;
        if (request.safeParse(payload ?? {}).success) return; // the mutation happened to stay valid
        const answer = await env.dispatch(channel, payload, direct);
        if (answer.ok || answer.error.code !== 'invalid_request') failures.push(`${JSON.stringify(payload)} → ${JSON.stringify(answer).slice(0, 200)}`);
        refused++;
      }),
      { numRuns: INVALID_RUNS },
    );
    expect(contentsOf(env.db)).toEqual(before);
    expect(failures.slice(0, 3).join('\n')).toBe('');
    expect(refused, 'invalid payloads tried').toBeGreaterThan(0);
    calls.set(channel, [valid, refused]);
  });
});
