import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { settingsQueries } from '../db/settings';
import { isLanguage, type Language } from '../../shared/i18n/language';
import { addMonths, isMonth } from '../../shared/kpi/months';
import { openDatabase } from '../db/connection';
import { writeAtomically } from '../export/safeWrite';
import { JobRunner } from '../jobs/runner';
import { findBrowser, printUrlToPdf } from '../print/browserPdf';
import { startRendererServer } from '../print/rendererServer';
import { createServices } from '../services';
import { writeReportWorkbook } from '../services/reportWorkbook';
import { dashboardData, reportData } from '../services/reports';
import { CliError, printJson, printTable, type Streams } from './output';

export const reportUsage = 'patron report --db F [--month YYYY-MM] [--lang zh-CN|en] [--browser PATH] [--renderer DIR] (OUT.xlsx | OUT.pdf | --json)';

const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * The Electron binary when the electron package is installed with its binary, else null.
 * Read from the package's path.txt rather than by requiring it: requiring a package
 * without its binary starts a download.
 */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * The monthly manager report: `--json` prints the month's KPIs (the dashboard's numbers),
 * OUT.xlsx writes the workbook, OUT.pdf prints the report's print layout with Electron
 * when installed, else with a Chromium-based browser found on the system (or --browser).
 */
export async function reportCommand(argv: string[], out: Streams): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, month: { type: 'string' }, lang: { type: 'string' }, browser: { type: 'string' }, renderer: { type: 'string' }, json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new CliError(`patron report: ${err instanceof Error ? err.message : String(err)}`, 2);
  }
  const v = parsed.values;
  if (!v.db) throw new CliError('patron report: --db FILE is required', 2);
  const file = resolve(v.db);
  if (!existsSync(file)) throw new CliError(`patron report: database file not found: ${file}`);
  const now = new Date();
  const month = v.month ?? addMonths(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`, -1);
  if (!isMonth(month)) throw new CliError(`patron report: --month must be YYYY-MM, got "${month}"`, 2);
  const target = parsed.positionals[0];
  if (parsed.positionals.length > 1) throw new CliError('patron report: give one output file', 2);
  if (!target && !v.json) throw new CliError('patron report: give OUT.xlsx or OUT.pdf, or --json', 2);
  const kind = target ? extname(target).toLowerCase() : '';
  if (target && kind !== '.xlsx' && kind !== '.pdf') throw new CliError(`patron report: the output must end in .xlsx or .pdf, got "${target}"`, 2);

  const { db } = openDatabase(file);
  try {
    if (v.lang !== undefined && !isLanguage(v.lang)) throw new CliError(`patron report: --lang must be zh-CN or en, got "${v.lang}"`, 2);
    // The language the app shows (Settings), unless --lang says otherwise.
    const savedLang = settingsQueries(db).get('ui.language');
    const language: Language = v.lang !== undefined && isLanguage(v.lang) ? v.lang : isLanguage(savedLang) ? savedLang : 'zh-CN';
    const nowIso = now.toISOString();
    if (v.json) {
      const d = dashboardData(db, { month, tier: null }, nowIso);
      printJson(out, { file, month, generatedAt: nowIso, kpis: d.kpis.map(({ id, value, previous, target: goal, state }) => ({ id, value, previous, target: goal, state })), detail: d.detail, atRisk: d.atRisk });
      if (!target) return 0;
    }
    const outFile = resolve(target as string);
    if (kind === '.xlsx') {
      mkdirSync(dirname(outFile), { recursive: true });
      await writeReportWorkbook(outFile, reportData(db, month, nowIso), language, file);
      if (!v.json) printTable(out, [['report', outFile], ['month', month]]);
      return 0;
    }
    // PDF: serve the built renderer with the real handler table and print the 'report' layout.
    const electron = electronBinary();
    const browser = electron ? null : findBrowser(v.browser);
    if (!electron && !browser) {
      throw new CliError(
        v.browser
          ? `patron report: no browser at ${v.browser}`
          : 'patron report: making a PDF needs Electron or a Chromium-based browser (Chrome, Edge or Chromium), and none was found; install one or give its path with --browser PATH',
      );
    }
    const jobs = new JobRunner({ dbPath: file, emit: () => undefined });
    const services = createServices({ db, dbPath: file, actor: 'cli', systemLocale: language, runtime: 'node', appVersion: 'cli', now: () => now, emit: () => undefined, jobs });
    const server = await startRendererServer({ rendererDir: resolve(v.renderer ?? resolve(repoRoot, 'out/renderer')), services });
    try {
      const url = `${server.origin}/#/print/report?month=${month}&lang=${language}&paper=A4`;
      mkdirSync(dirname(outFile), { recursive: true });
      await writeAtomically(outFile, file, async (temporary) => {
        // Asynchronous: this process serves the page the Electron window loads.
        if (electron) await promisify(execFile)(electron, [resolve(repoRoot, 'electron/print/electronPdf.mjs'), url, temporary], { timeout: 180_000 });
        else writeFileSync(temporary, await printUrlToPdf(browser as string, url));
      });
    } finally {
      await server.close();
      await jobs.stopAll();
    }
    if (!v.json) printTable(out, [['report', outFile], ['month', month], ['renderer', electron ? 'electron' : (browser as string)]]);
    return 0;
  } finally {
    db.close();
  }
}
