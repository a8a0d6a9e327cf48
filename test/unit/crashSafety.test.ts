import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { jobEntries } from '../../electron/jobs/entries';
import { diffRollups, diffSize } from '../../electron/db/rollupCheck';
import { EDIT_CLASSES, IMPORTED, operations, type Operation } from '../fixtures/crash/plan';
import { smallDemoDb } from './helpers/dbContents';
import { tempDir } from './helpers/temp';

/** How many SIGKILLs: 200 inside `npm test`, 1,000 with `npm run test:crash` (PATRON_KILLS). */
const KILLS = Number(process.env.PATRON_KILLS ?? 200);
/** Each lane goes back to the untouched demo database this often, so the file and its backups stay small. */
const RESET_EVERY = 25;
const root = resolve(import.meta.dirname, '../..');
/**
 * How long each operation takes here, first guessed, then followed from the
 * children's own start/done lines (the machine may be busy): a kill comes at a
 * random moment within 1.2 times that after the operation starts.
 */
const durationMs: Record<Operation, number> = { 'import-customers': 500, 'import-orders': 500, 'bulk-edit': 100, merge: 60 };

const bundles: string[] = [];
afterAll(() => {
  for (const b of bundles) rmSync(b, { recursive: true, force: true });
});

/**
 * Compiles the child (test/fixtures/crash/operations.ts) and the thread entries
 * it starts into plain JavaScript laid out as the Electron build lays out
 * out/main (worker.js, jobs/<kind>.js, migrations/), so a child starts in
 * Node's start-up time rather than a TypeScript loader's. The folder sits in
 * the repository (in the ignored test-results/) so the bundles find node_modules.
 */
async function bundleChild(): Promise<string> {
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const out = mkdtempSync(join(root, 'test-results', 'crash-child-'));
  bundles.push(out);
  const jobs = join(root, 'electron/jobs');
  const entryPoints: Record<string, string> = {
    child: join(root, 'test/fixtures/crash/operations.ts'),
    worker: join(jobs, 'worker.ts'),
    'rollup-check': join(jobs, 'rollup-check.ts'),
    ...jobEntries(root),
  };
  await build({ entryPoints, outdir: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'error' });
  cpSync(join(root, 'electron/db/migrations'), join(out, 'migrations'), { recursive: true });
  return join(out, 'child.js');
}

interface Run {
  /** "bulk-edit 3006": the operation that had started and not finished when the kill landed (null: between two). */
  interrupted: string | null;
  /** "import-orders 3005", "merge K3004-1", … : what the child reported finished. */
  done: string[];
}

/** Starts the child on `file`; once it starts `target`, kills it at a random moment within about the operation's length. */
function runAndKill(child: string, file: string, round: number, csvFolder: string, target: Operation): Promise<Run> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, [child, file, String(round), csvFolder, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    const started = new Map<string, number>();
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.stdout.on('data', (c: Buffer) => {
      const whole = out.length === 0 || out.endsWith('\n') ? '' : out.slice(out.lastIndexOf('\n') + 1);
      out += c.toString();
      for (const line of (whole + c.toString()).split('\n').slice(0, -1)) {
        const [kind, op = '', key = ''] = line.split(' ');
        if (kind === 'start') started.set(`${op} ${key}`, performance.now());
        const since = started.get(`${op} ${key}`);
        if (kind === 'done' && since !== undefined && op in durationMs) durationMs[op as Operation] = 0.7 * durationMs[op as Operation] + 0.3 * (performance.now() - since);
        if (kind === 'start' && op === target && !armed) {
          armed = true;
          setTimeout(() => {
            // Still running when killed: it takes at least this long (an operation never seen to finish would keep a low guess).
            if (!out.includes(`done ${op} ${key}`)) durationMs[target] = Math.max(durationMs[target], performance.now() - (started.get(`${op} ${key}`) ?? 0));
            proc.kill('SIGKILL');
          }, Math.random() * 1.2 * durationMs[target]);
        }
      }
    });
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') {
        fail(new Error(`child ended by itself (code ${String(code)}): ${err}`));
        return;
      }
      const lines = out.split('\n').filter((l) => l.startsWith('start ') || l.startsWith('done '));
      const last = lines.at(-1);
      ok({
        interrupted: last?.startsWith('start ') ? last.slice(6) : null,
        done: lines.filter((l) => l.startsWith('done ')).map((l) => l.slice(5)),
      });
    });
  });
}

/**
 * What is wrong with the database after a kill, as readable lines (none when
 * all is well): integrity, foreign keys, rollups, and each operation whole or
 * absent, each finished operation present. Also says whether the interrupted
 * operation had committed.
 */
function verdict(file: string, run: Run): { problems: string[]; committed: boolean } {
  const db = new Database(file, { fileMustExist: true });
  try {
    const out: string[] = [];
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') out.push(`integrity_check: ${integrity}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) out.push(`foreign_key_check: ${fk.length} rows`);
    const rollups = diffRollups(db);
    if (diffSize(rollups) > 0) out.push(`rollups differ from orders/interactions: ${JSON.stringify(rollups).slice(0, 300)}`);

    const batches = new Map<string, number>();
    for (const b of db.prepare("SELECT file_name, new_rows FROM import_batches WHERE actor = 'crash-test'").all() as { file_name: string; new_rows: number }[]) {
      if (batches.has(b.file_name)) out.push(`${b.file_name} recorded twice`);
      batches.set(b.file_name, b.new_rows);
    }
    const customers = new Map((db.prepare("SELECT code, id FROM customers WHERE code LIKE 'K%'").raw().all() as [string, number][]).map(([code, id]) => [code, id]));
    const orders = new Map((db.prepare("SELECT order_no, customer_id FROM orders WHERE order_no LIKE 'KO%'").raw().all() as [string, number][]).map(([no, c]) => [no, c]));
    const merges = new Map(
      (db.prepare("SELECT json_extract(snapshot, '$.merged.code'), kept_id FROM customer_merges WHERE actor = 'crash-test'").raw().all() as [string, number][]).map(([code, kept]) => [code, kept]),
    );
    const rounds = new Set<string>();
    for (const code of [...customers.keys(), ...merges.keys()]) rounds.add(code.slice(1, code.indexOf('-')));
    for (const name of batches.keys()) rounds.add(name.replace(/^\D+-(\d+)\.csv$/, '$1'));
    for (const s of rounds) {
      const imported = batches.get(`customers-${s}.csv`);
      const ordered = batches.get(`orders-${s}.csv`);
      const keptId = merges.get(`K${s}-1`);
      const merged = keptId !== undefined;
      const present = [...Array(IMPORTED).keys()].filter((i) => customers.has(`K${s}-${i}`));
      const expected = imported === undefined ? [] : [...Array(IMPORTED).keys()].filter((i) => !(merged && i === 1));
      if (imported !== undefined && imported !== IMPORTED) out.push(`customers-${s}.csv recorded ${imported} new rows`);
      if (present.join() !== expected.join()) out.push(`round ${s}: customers ${present.length} of ${IMPORTED} present (import ${imported === undefined ? 'not recorded' : 'recorded'}, merge ${merged ? 'recorded' : 'not recorded'})`);
      const orderOwners = [...Array(IMPORTED).keys()].map((i) => orders.get(`KO${s}-${i}`));
      if (ordered === undefined) {
        if (orderOwners.some((o) => o !== undefined)) out.push(`round ${s}: orders present without their import`);
      } else {
        if (ordered !== IMPORTED) out.push(`orders-${s}.csv recorded ${ordered} new rows`);
        const wrong = orderOwners.filter((owner, i) => owner === undefined || owner !== customers.get(`K${s}-${merged && i === 1 ? 0 : i}`));
        if (wrong.length > 0) out.push(`round ${s}: ${wrong.length} orders missing or with another customer`);
      }
      if (merged && keptId !== customers.get(`K${s}-0`)) out.push(`round ${s}: merge recorded but K${s}-0 is not the kept customer`);
    }

    const classSize = new Map(
      (db.prepare("SELECT id % ?, count(*) FROM customers WHERE code NOT LIKE 'K%' GROUP BY 1").raw().all(EDIT_CLASSES) as [number, number][]).map(([c, n]) => [c, n]),
    );
    const tagged = db
      .prepare(
        "SELECT t.name, count(*), sum(c.id % ? = CAST(substr(t.name, 6) AS INTEGER) % ? AND c.code NOT LIKE 'K%') FROM tags t JOIN customer_tags ct ON ct.tag_id = t.id JOIN customers c ON c.id = ct.customer_id WHERE t.name LIKE 'edit-%' GROUP BY t.name",
      )
      .raw()
      .all(EDIT_CLASSES, EDIT_CLASSES) as [string, number, number][];
    const edits = new Set<string>();
    for (const [tag, holders, inClass] of tagged) {
      edits.add(tag);
      const size = classSize.get(Number(tag.slice(5)) % EDIT_CLASSES);
      if (holders !== size || inClass !== size) out.push(`bulk edit ${tag}: on ${holders} customers (${inClass} of its ${String(size)})`);
    }

    const there = (step: string) => {
      const [op, key = ''] = step.split(' ');
      return op === 'import-customers' ? batches.has(`customers-${key}.csv`) : op === 'import-orders' ? batches.has(`orders-${key}.csv`) : op === 'bulk-edit' ? edits.has(`edit-${key}`) : merges.has(key);
    };
    for (const d of run.done) if (!there(d) && d !== 'merge nothing') out.push(`finished ${d} is missing`);
    return { problems: out, committed: run.interrupted !== null && there(run.interrupted) };
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`${KILLS} SIGKILLs at random moments during Patron's CSV imports, bulk edits and merges: every time integrity_check passes, rollups match, and each operation is whole or absent`, async () => {
    const child = await bundleChild();
    const lanes = ['a', 'b'].map((name) => {
      const file = smallDemoDb(`${name}.sqlite`);
      const pristine = join(dirname(file), `${name}-pristine.sqlite`);
      copyFileSync(file, pristine);
      return { file, pristine, csv: tempDir('patron-crash-csv-') };
    });
    const interrupted: Record<Operation | 'between', number> = { 'import-customers': 0, 'import-orders': 0, 'bulk-edit': 0, merge: 0, between: 0 };
    // Kills that landed after the interrupted operation's commit, before the child could say it was done.
    const afterCommit: Record<Operation, number> = { 'import-customers': 0, 'import-orders': 0, 'bulk-edit': 0, merge: 0 };
    let finished = 0;

    // Two databases killed side by side: the same number of kills in about half the time.
    const lane = async ({ file, pristine, csv }: (typeof lanes)[number], first: number) => {
      for (let round = first; round <= KILLS; round += lanes.length) {
        if (round % RESET_EVERY < lanes.length) {
          for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
          copyFileSync(pristine, file);
        }
        // Each operation in turn is the one the kill aims at.
        const target = operations[Math.floor(round / lanes.length) % operations.length] ?? 'merge';
        const run = await runAndKill(child, file, round, csv, target);
        const { problems, committed } = verdict(file, run);
        expect({ round, target, problems }).toEqual({ round, target, problems: [] });
        const op = (run.interrupted?.split(' ')[0] ?? 'between') as Operation | 'between';
        interrupted[op]++;
        if (committed && op !== 'between') afterCommit[op]++;
        finished += run.done.length;
        rmSync(join(dirname(file), 'backups'), { recursive: true, force: true });
        rmSync(csv, { recursive: true, force: true });
        mkdirSync(csv);
      }
    };
    const started = performance.now();
    await Promise.all(lanes.map((l, i) => lane(l, i + 1)));
    console.log(`crash safety: ${KILLS} kills in ${((performance.now() - started) / 1000).toFixed(1)} s; interrupted: ${JSON.stringify(interrupted)}, of which already committed: ${JSON.stringify(afterCommit)}; operations finished before a kill: ${finished}; operation lengths (ms): ${JSON.stringify(durationMs, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
    // The kills really landed inside each kind of operation, not only before or between them. A
    // bulk edit or merge lasts a few tens of milliseconds, about as long as a busy machine takes to
    // deliver the kill, so only one kill in twenty is required to land inside each.
    for (const op of operations) expect(interrupted[op], op).toBeGreaterThan(KILLS / 20);
  }, Math.max(120_000, KILLS * 3000));
});
