import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportWhats, type ExportWhat, type ViewSpec } from '../../shared/export/view';
import { importTargets, mappingFileSchema, type ImportOptionsInput, type ImportTarget } from '../../shared/import/targets';
import { openDatabase } from '../db/connection';
import { parseCondition } from '../export/conditions';
import { JobRunner, type FinishedJob } from '../jobs/runner';
import { createServices, type Services } from '../services';
import { requireDb } from './args';
import { CliError, printJson, printTable, type Streams } from './output';

export const importUsage =
  'patron import --db F --type customers|contacts|orders|interactions|complaints FILE [--mapping M.json] [--encoding E] [--sheet S] [--match-by code|phone|email|name] [--on-existing update|skip] [--valid-rows] [--day-order dmy|mdy] [--dry-run] [--json]';
export const exportUsage = 'patron export --db F --what customers|orders [--columns a,b] [--filter col<op>value]… [--quick TEXT] [--sort col[:desc]] [--lang zh-CN|en] OUT.xlsx|OUT.csv';

function usageError(command: string, err: unknown): CliError {
  return new CliError(`patron ${command}: ${err instanceof Error ? err.message : String(err)}`, 2);
}

async function withServices<T>(dbFile: string, fn: (s: Services) => Promise<T>, after?: (finished: FinishedJob[]) => void): Promise<T> {
  if (!existsSync(dbFile)) throw new CliError(`database file not found: ${dbFile}`);
  const { db } = openDatabase(dbFile);
  const jobs = new JobRunner({ dbPath: dbFile, emit: () => undefined });
  const services = createServices({
    db,
    dbPath: dbFile,
    actor: process.env.USER ?? 'cli',
    systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    runtime: 'node',
    appVersion: 'cli',
    now: () => new Date(),
    emit: () => undefined,
    jobs,
  });
  try {
    const result = await fn(services);
    // Jobs the command set off (an import's segmentation, warnings and loyalty sync) run to their end.
    const finished = await jobs.whenIdle();
    after?.(finished);
    return result;
  } finally {
    await jobs.stopAll();
    db.close();
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function importCommand(argv: string[], out: Streams): Promise<number> {
  const importOptions = {
    db: { type: 'string' },
    type: { type: 'string' },
    mapping: { type: 'string' },
    encoding: { type: 'string' },
    sheet: { type: 'string' },
    'match-by': { type: 'string' },
    'on-existing': { type: 'string' },
    'valid-rows': { type: 'boolean', default: false },
    'day-order': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: importOptions, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError('import', err);
  }
  const { values: v, positionals } = parsed;
  const dbFile = requireDb('import', v.db);
  const target = str(v.type);
  if (!target || !(importTargets as readonly string[]).includes(target)) throw new CliError(`patron import: --type must be one of ${importTargets.join(', ')}`, 2);
  if (positionals.length !== 1 || !positionals[0]) throw new CliError('patron import: give exactly one FILE to import', 2);
  const file = resolve(positionals[0]);
  if (!existsSync(file)) throw new CliError(`patron import: file not found: ${file}`);
  let mapping;
  let options: ImportOptionsInput = {};
  const mappingFile = str(v.mapping);
  if (mappingFile) {
    let mf;
    try {
      mf = mappingFileSchema.safeParse(JSON.parse(readFileSync(mappingFile, 'utf8')));
    } catch (err) {
      throw new CliError(`patron import: ${mappingFile}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!mf.success) throw new CliError(`patron import: ${mappingFile}: not a mapping file (${mf.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
    mapping = mf.data.columns;
    options = { ...mf.data.options };
  }
  const pick = (key: 'matchBy' | 'onExisting' | 'dayOrder', flag: 'match-by' | 'on-existing' | 'day-order', allowed: readonly string[]) => {
    const value = str(v[flag]);
    if (value === undefined) return;
    if (!allowed.includes(value)) throw new CliError(`patron import: --${flag} must be one of ${allowed.join(', ')}`, 2);
    // The value was checked against the allowed list just above; the schema checks it again in the service.
    Object.assign(options, { [key]: value });
  };
  pick('matchBy', 'match-by', ['code', 'phone', 'email', 'name']);
  pick('onExisting', 'on-existing', ['update', 'skip']);
  pick('dayOrder', 'day-order', ['dmy', 'mdy']);
  if (str(v.encoding)) options.encoding = str(v.encoding);
  if (str(v.sheet)) options.sheet = str(v.sheet);
  if (v['valid-rows']) options.onErrors = 'skip';
  const req = { file, target: target as ImportTarget, mapping, options };
  let followUps: { job: string; status: string; message?: string }[] = [];
  const report = await withServices(
    dbFile,
    async (s) => {
      try {
        return v['dry-run'] ? await s.imports.preview(req) : await s.imports.run(req);
      } catch (err) {
        throw new CliError(`patron import: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    (finished) => {
      followUps = finished.map((f) => ({ job: f.kind, status: f.outcome.status, ...(f.outcome.status === 'failed' ? { message: f.outcome.message } : {}) }));
    },
  );
  const { sample: _sample, ...shown } = report;
  for (const f of followUps) if (f.message !== undefined) out.stderr.write(`patron import: the ${f.job} job after the import failed: ${f.message}\n`);
  if (v.json) printJson(out, { ...shown, followUps });
  else {
    printTable(out, [
      ['file', report.file],
      ['rows', report.rows],
      ['new', report.new],
      ['updated', report.updated],
      ['skipped', report.skipped],
      ['error rows', report.errorRows],
      ['written', report.committed ? `yes (batch ${report.batchId})` : 'no'],
      ...(report.backupPath ? [['backup before the import', report.backupPath] as [string, string]] : []),
      ...followUps.map((f) => [`then ${f.job}`, f.status] as [string, string]),
    ]);
    for (const e of report.errors) out.stdout.write(`${e.file}, row ${e.row}, ${e.column}: ${e.reason}\n`);
    if (report.ambiguousDates.length > 0) out.stdout.write(`dates read both ways in ${report.ambiguousDates.join(', ')}: pass --day-order dmy or mdy\n`);
    if (!report.committed && !v['dry-run'] && report.errorRows > 0) out.stdout.write('nothing was imported; fix the rows or pass --valid-rows to import the valid ones\n');
  }
  const blocked = report.ambiguousDates.length > 0 || (report.errorRows > 0 && !report.committed);
  return blocked ? 1 : 0;
}

export async function exportCommand(argv: string[], out: Streams): Promise<number> {
  const exportOptions = {
    db: { type: 'string' },
    what: { type: 'string' },
    columns: { type: 'string' },
    filter: { type: 'string', multiple: true },
    quick: { type: 'string' },
    sort: { type: 'string', multiple: true },
    lang: { type: 'string', default: 'zh-CN' },
    json: { type: 'boolean', default: false },
  } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: exportOptions, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError('export', err);
  }
  const { values: v, positionals } = parsed;
  const dbFile = requireDb('export', v.db);
  const what = str(v.what);
  if (!what || !(exportWhats as readonly string[]).includes(what)) throw new CliError(`patron export: --what must be one of ${exportWhats.join(', ')}`, 2);
  if (positionals.length !== 1 || !positionals[0]) throw new CliError('patron export: give exactly one OUT.xlsx or OUT.csv', 2);
  const path = resolve(positionals[0]);
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new CliError('patron export: the output file must end in .xlsx or .csv', 2);
  const lang = str(v.lang);
  if (lang !== 'zh-CN' && lang !== 'en') throw new CliError('patron export: --lang must be zh-CN or en', 2);
  const view: ViewSpec = {};
  const columns = str(v.columns);
  if (columns) view.columns = columns.split(',').map((c) => c.trim()).filter((c) => c !== '');
  const filters = (Array.isArray(v.filter) ? v.filter : []).filter((f): f is string => typeof f === 'string');
  if (filters.length > 0) {
    view.conditions = filters.map((f) => {
      const c = parseCondition(f);
      if (!c) throw new CliError(`patron export: --filter must look like column<op>value with op one of = != >= <= > < ~, got "${f}"`, 2);
      return c;
    });
  }
  const quick = str(v.quick);
  if (quick) view.quickFilter = quick;
  const sorts = (Array.isArray(v.sort) ? v.sort : []).filter((s): s is string => typeof s === 'string');
  if (sorts.length > 0) view.sort = sorts.map((s) => ({ column: s.split(':')[0] ?? s, dir: s.endsWith(':desc') ? 'desc' : 'asc' }));
  const started = performance.now();
  const result = await withServices(dbFile, async (s) => {
    try {
      return await s.exports.run({ what: what as ExportWhat, format: ext === '.xlsx' ? 'xlsx' : 'csv', view, language: lang, path });
    } catch (err) {
      throw new CliError(`patron export: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  const ms = Math.round(performance.now() - started);
  if (v.json) printJson(out, { file: result.path, rows: result.rows, ms });
  else out.stdout.write(`Exported ${result.rows} ${what} to ${result.path} in ${(ms / 1000).toFixed(1)} s\n`);
  return 0;
}
