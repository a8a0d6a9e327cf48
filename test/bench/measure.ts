import { readFileSync } from 'node:fs';
/** Timing helpers for `npm run bench`. Benchmarks measure; tests never assert on time. */
export interface BenchResult {
  name: string;
  n: number;
  ms: number;
  baseline_ms: number | null;
  ratio: number | null;
  rss_mb: number;
  note?: string;
}

export function rssMb(): number {
  return Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
}

/**
 * This process's own peak RSS in MB. On Linux getrusage's maxRSS (process.resourceUsage)
 * keeps the peak of the process image before exec, so a child spawned by a large parent
 * reports at least the parent's RSS at fork; /proc/self/status VmHWM belongs to the exec'd
 * image alone. Elsewhere maxRSS is the best there is.
 */
export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm?.[1]) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Runs `fn` `reps` times and returns the median wall time in ms. */
export function timeIt(reps: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export function result(name: string, n: number, ms: number, baselineMs: number | null, rss: number, note?: string): BenchResult {
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    name,
    n,
    ms: round(ms),
    baseline_ms: baselineMs === null ? null : round(baselineMs),
    ratio: baselineMs ? Math.round((ms / baselineMs) * 100) / 100 : null,
    rss_mb: rss,
    ...(note ? { note } : {}),
  };
}

export function printTable(results: BenchResult[]): void {
  const header = ['name', 'n', 'ms', 'baseline_ms', 'ratio', 'rss_mb'];
  const rows = results.map((r) => [r.name, String(r.n), String(r.ms), String(r.baseline_ms ?? '-'), String(r.ratio ?? '-'), String(r.rss_mb)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const r of results) if (r.note) console.log(`  ${r.name}: ${r.note}`);
}
