import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { openDatabase } from '../../../electron/db/connection';
import { JobRunner } from '../../../electron/jobs/runner';
import { createServices } from '../../../electron/services';
import { generateRequestSchema } from '../../../shared/domain/visits';
import type { PrintRequest, PrintResult } from '../../../shared/print/contract';
import { startBridge, type Bridge } from '../../harness/bridge';
import { median, result, rssMb, type BenchResult } from '../measure';
import type { BenchEnv } from '.';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const SHEETS = 200;

/** print:pdf through the bridge, as the print button sends it. */
async function pdf(bridge: Bridge, req: PrintRequest): Promise<PrintResult> {
  const answer = await bridge.invoke('print:pdf', req);
  if (!answer.ok) throw new Error(`print:pdf failed: ${answer.error.message}`);
  return answer.value as PrintResult;
}

function pdfPages(file: string): string {
  try {
    return /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
  } catch {
    return '? (no pdfinfo)';
  }
}

/** The same number of plain A4 pages with about as much text, straight from HTML: what Chromium's PDF step costs alone. */
function plainPages(n: number): string {
  const page = (i: number) =>
    `<section style="break-after:page;height:270mm"><h1>客户拜访单 ${i}</h1>${'<p>客户概况 联系人 最近订单 预警与客诉 本次拜访 目标 措施 资源 拜访记录</p>'.repeat(20)}</section>`;
  return `<!doctype html><html lang="zh-CN"><body style="font-family:'Noto Sans CJK SC',sans-serif">${Array.from({ length: n }, (_, i) => page(i)).join('')}</body></html>`;
}

/** 200 visit sheets into one PDF through the harness (goal ≤ 10 s), against plain HTML pages of the same count. */
export async function visitSheetsSuite(env: BenchEnv): Promise<BenchResult[]> {
  const rendererDir = join(env.root, 'out/renderer');
  if (!CHROMIUM || !existsSync(join(rendererDir, 'index.html'))) {
    env.log('visitSheets: no Chromium or no renderer build (run npm run build): skipped');
    return [];
  }
  const file = join(env.work, 'visit-sheets.sqlite');
  copyFileSync(env.file, file);

  // 200 plans, one per customer spread over the file, from one template (the bench file need not be segmented).
  const { db } = openDatabase(file);
  const services = createServices({ db, dbPath: file, actor: 'bench', systemLocale: 'zh-CN', runtime: 'node', appVersion: 'bench', now: () => new Date(), emit: () => undefined, jobs: new JobRunner({ dbPath: file, emit: () => undefined }) });
  const customerIds = Array.from({ length: SHEETS }, (_, i) => 1 + Math.floor((i * env.customers) / SHEETS));
  let t = performance.now();
  services.visits.create(generateRequestSchema.parse({ target: { by: 'ids', ids: customerIds }, from: '2026-12-01', to: '2026-12-31', templateKey: 'high-high:high', language: 'zh-CN' }));
  const createMs = performance.now() - t;
  const planIds = services.visits.list({}).plans.map((p) => p.id).slice(0, SHEETS);
  t = performance.now();
  services.visits.sheets(planIds, 'zh-CN');
  const dataMs = performance.now() - t;
  db.close();
  const results: BenchResult[] = [
    result('visits.create-200', SHEETS, createMs, null, rssMb(), 'visits:create for 200 customers incl. the verified backup of the whole file'),
    result('visits.sheet-data-200', SHEETS, dataMs, null, rssMb(), 'visits:sheets: the data of 200 sheets (profile, contacts, orders, complaints)'),
  ];

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const baselines: number[] = [];
  try {
    const page = await browser.newPage();
    const html = plainPages(SHEETS);
    for (let rep = 0; rep < env.reps; rep++) {
      t = performance.now();
      await page.setContent(html);
      await page.pdf({ format: 'A4', printBackground: true });
      baselines.push(performance.now() - t);
    }
  } finally {
    await browser.close();
  }

  const bridge = await startBridge({ dbPath: file, rendererDir, systemLocale: 'zh-CN', port: 0 });
  try {
    const route = (ids: number[]) => `#/print/visit-sheets?plans=${ids.join(',')}&paper=A4`;
    // Warm-up: starts the harness's Chromium once, as the app's print window is created once.
    await pdf(bridge, { route: route(planIds.slice(0, 1)), paper: 'A4', fileName: 'bench-warmup' });
    const times: number[] = [];
    let last = '';
    for (let rep = 0; rep < env.reps; rep++) {
      t = performance.now();
      const r = await pdf(bridge, { route: route(planIds), paper: 'A4', fileName: 'bench-visit-sheets' });
      times.push(performance.now() - t);
      last = r.path ?? '';
    }
    results.push(
      result('visits.pdf-200-sheets', SHEETS, median(times), median(baselines), rssMb(), `print:pdf of #/print/visit-sheets with 200 plans through the harness (route load, data over the bridge, React render, Chromium PDF, file written; ${pdfPages(last)} pages); baseline = 200 plain HTML pages to PDF in the same Chromium; goal ≤ 10,000 ms`),
    );
  } finally {
    await bridge.close();
  }
  return results;
}
