import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from './helpers/temp';
import { runCli as run } from './helpers/cli';

const cdnowFile = resolve(import.meta.dirname, '../../../shared/data/cdnow/CDNOW_sample.txt');

describe('patron segment and clv', () => {
  it('segment prints tier counts and shares, quadrants and lifecycle, stores the run and writes per-customer results', async () => {
    const file = tempDbPath();
    expect((await run('demo', '--db', file, '--customers', '400', '--orders', '5000', '--as-of', '2026-11-01')).code).toBe(0);
    const out = join(tempDir(), 'segments.csv');
    const res = await run('segment', '--db', file, '--as-of', '2026-11-01', '--json', '--out', out);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as { customers: number; tiers: Record<string, { customers: number; share: number }>; quadrants: Record<string, number>; lifecycle: Record<string, number>; runId: number };
    expect(report.customers).toBe(400);
    expect(Object.values(report.tiers).reduce((n, t) => n + t.customers, 0)).toBe(400);
    expect(Object.values(report.tiers).reduce((n, t) => n + t.share, 0)).toBeCloseTo(100, 0);
    expect(Object.values(report.quadrants).reduce((n, c) => n + c, 0)).toBe(400);
    expect(Object.values(report.lifecycle).reduce((n, c) => n + c, 0)).toBe(400);
    expect(report.runId).toBe(1);
    const csv = readFileSync(out, 'utf8').trim().split('\n');
    expect(csv).toHaveLength(401);
    expect(csv[0]).toContain('customer_id,');
    expect(csv[0]).toContain('effective_tier');
    const text = await run('segment', '--db', file, '--as-of', '2026-11-01');
    expect(text.stdout).toMatch(/tier high\s+\d+ \(\d+(\.\d)? %\)/);
    expect((await run('segment', '--db', file, '--as-of', '2026-13-01')).code).toBe(2);
  });

  it('clv on the CDNOW file prints the published estimates and per-customer predictions', async () => {
    const res = await run('clv', '--orders-file', cdnowFile, '--format', 'cdnow', '--json');
    expect(res.code).toBe(0);
    const r = JSON.parse(res.stdout) as {
      customers: number;
      bgnbd: { ok: boolean; params: Record<string, number>; logLikelihood: number };
      gammaGamma: { ok: boolean; params: Record<string, number> };
      predictions: { customer: string; pAlive: number; clv: number }[];
    };
    expect(r.customers).toBe(2357);
    expect(r.bgnbd.params.r?.toPrecision(3)).toBe('0.243');
    expect(r.bgnbd.logLikelihood.toFixed(1)).toBe('-9582.4');
    expect(r.gammaGamma.params.gamma?.toPrecision(4)).toBe('15.44');
    expect(r.predictions).toHaveLength(2357);
    expect(r.predictions.every((p) => p.pAlive > 0 && p.pAlive <= 1 && p.clv >= 0)).toBe(true);
    const text = await run('clv', '--orders-file', cdnowFile, '--format', 'cdnow');
    expect(text.stdout).toContain('r 0.243, α 4.414, a 0.793, b 2.426');
    expect(text.stdout).toContain('p 6.25, q 3.74, γ 15.44');
  });

  it('clv on a database fits per customer kind; bad input is named', async () => {
    const file = tempDbPath();
    await run('demo', '--db', file, '--customers', '400', '--orders', '5000', '--as-of', '2026-11-01');
    const res = await run('clv', '--db', file, '--as-of', '2026-11-01', '--json');
    expect(res.code).toBe(0);
    const r = JSON.parse(res.stdout) as { fits: Record<string, { ok: boolean }>; predictions: unknown[] };
    expect(Object.keys(r.fits).sort()).toEqual(['company', 'person']);
    expect(r.predictions.length).toBeGreaterThan(300);
    const bad = join(tempDir(), 'bad.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, '00001 0001 19970101 1 9.99\n00002 0002 1997-01-02 1 5\n');
    const err = await run('clv', '--orders-file', bad, '--format', 'cdnow');
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('bad.txt line 2: date must be YYYYMMDD');
    // Too little data: says so and prints no numbers.
    writeFileSync(bad, '00001 0001 19970101 1 9.99\n00001 0001 19970201 1 5\n');
    const few = await run('clv', '--orders-file', bad, '--format', 'cdnow', '--calibration-end', '1997-03-01');
    expect(few.code).toBe(1);
    expect(few.stdout).toContain('no estimates');
    expect(few.stdout).not.toMatch(/r \d/);
  });
});
