import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { handlerTable } from '../../../electron/ipc/handlers';
import { servicesOnTempDb } from '../helpers/services';
import { tempDir } from '../helpers/temp';
import type { DashboardData } from '../../../shared/kpi/dashboard';
import { fillKpiFixture } from './fixture';

const value = (d: DashboardData, id: string) => d.kpis.find((k) => k.id === id)?.value;

describe('dashboard data from the rollups, alerts, complaints, visits and survey tables', () => {
  it('computes every KPI of 2026-10 as worked out by hand', () => {
    const { db, services } = servicesOnTempDb();
    fillKpiFixture(db);
    const d = services.reports.dashboard({ month: '2026-10', tier: null });
    expect(d.months).toHaveLength(12);
    expect(d.months.at(-1)).toBe('2026-10');
    // Window 3 months: at the start of Oct active = ordered Jul–Sep: c1 c2 c3 c4; at the end = Aug–Oct: c1 c2 c4 c6; lost c3.
    expect(d.detail).toMatchObject({ activeAtStart: 4, lost: 1, ordering: 3 });
    expect(value(d, 'customers')).toBe(5);
    expect(value(d, 'activeCustomers')).toBe(4);
    expect(value(d, 'retention')).toBe(0.75);
    expect(value(d, 'churn')).toBe(0.25);
    expect(value(d, 'repurchase')).toBe(0.75);
    // Interactions in Oct: 4 over 4 active customers.
    expect(value(d, 'interactionsPerCustomer')).toBe(1);
    // Complaints: 2 opened / 4 active; SLA: c1 on time, c2 late.
    expect(value(d, 'complaintRate')).toBe(0.5);
    expect(value(d, 'slaAttainment')).toBe(0.5);
    // Surveys: scores 5,4,3,2 → mean 3.5, share ≥ 4 = 0.5; NPS answers 10 and 5 → 50 − 50 = 0; 2 responses / 4 forms sent.
    expect(value(d, 'csat')).toBe(3.5);
    expect(value(d, 'csatShare')).toBe(0.5);
    expect(value(d, 'nps')).toBe(0);
    expect(value(d, 'responseRate')).toBe(0.5);
    expect(d.detail.dimensions).toEqual([
      { dimension: 'quality', mean: 4, satisfiedShare: 0.5, answers: 2 },
      { dimension: 'response', mean: 3, satisfiedShare: 0.5, answers: 2 },
    ]);
    // Visits in Oct: yes, partial, no → 2 / 3.
    expect(value(d, 'visitsDone')).toBeCloseTo(2 / 3, 12);
    // Warnings open at the end of Oct: c3 (overdue) and c2.
    expect(value(d, 'openWarnings')).toBe(2);
    expect(value(d, 'overdueWarnings')).toBe(1);
    // Completeness with required industry + phone: 3 filled of 6 × 2.
    expect(value(d, 'completeness')).toBe(0.25);
    // Value: (30000 + 5000 + 7000 + 4000 + 4000) / 5; predicted (50000 + 30000) / 2.
    expect(value(d, 'avgValue')).toBe(10000);
    expect(value(d, 'avgPredicted')).toBe(40000);
    expect(d.detail.actions).toEqual({ open: 1, overdue: 1, done: 1, cancelled: 0 });
    // Sep: start Jun–Aug: c1 c2 c3; end Jul–Sep: + c4; nobody lost.
    const churn = d.kpis.find((k) => k.id === 'churn');
    expect(churn).toMatchObject({ previous: 0, target: 0.05, state: 'red' });
    expect(d.kpis.find((k) => k.id === 'csat')?.state).toBe('red');
    expect(d.kpis.find((k) => k.id === 'customers')?.state).toBe('none');
    // Tier distribution of each month's last run; at risk: c1 (high, p alive 0.2); c4 is high but likely alive.
    expect(d.tierTrend.at(-1)).toEqual({ month: '2026-10', high: 2, regular: 2, potential: 1 });
    expect(d.tierTrend.at(-2)).toEqual({ month: '2026-09', high: 1, regular: 3, potential: 1 });
    expect(d.atRisk.map((r) => r.code)).toEqual(['C1']);
  });

  it('filters by segment (effective tier)', () => {
    const { db, services } = servicesOnTempDb();
    fillKpiFixture(db);
    const d = services.reports.dashboard({ month: '2026-10', tier: 'high' });
    // High: c1 and c4, both active at start and end of Oct.
    expect(d.detail).toMatchObject({ activeAtStart: 2, lost: 0, ordering: 2 });
    expect(value(d, 'customers')).toBe(2);
    expect(value(d, 'complaintRate')).toBe(0.5);
    expect(value(d, 'avgPredicted')).toBe(40000);
  });

  it('clicks through to the customers behind each figure', () => {
    const { db, services } = servicesOnTempDb();
    fillKpiFixture(db);
    const ids = (what: Parameters<typeof services.reports.customers>[0]['what'], tier: 'high' | null = null) => services.reports.customers({ what, month: '2026-10', tier }).ids;
    expect(ids('churn')).toEqual([3]);
    expect(ids('retention')).toEqual([1, 2, 4]);
    expect(ids('activeCustomers')).toEqual([1, 2, 4, 6]);
    expect(ids('repurchase')).toEqual([1, 4, 6]);
    expect(ids('complaintRate')).toEqual([1, 2]);
    expect(ids('overdueWarnings')).toEqual([3]);
    expect(ids('openWarnings')).toEqual([2, 3]);
    expect(ids('completeness')).toEqual([2, 3, 4, 5, 6]);
    expect(ids('nps')).toEqual([1, 2]);
    expect(ids('visitsDone')).toEqual([1, 2, 4]);
    expect(ids('atRisk')).toEqual([1]);
    expect(ids('repurchase', 'high')).toEqual([1, 4]);
    expect(ids('tier', 'high')).toEqual([1, 4]);
  });

  it('answers over the IPC contract and keeps edited targets', async () => {
    const { db, services } = servicesOnTempDb();
    fillKpiFixture(db);
    const settings = services.reports.settings();
    expect(settings.targets.churn).toBe(0.05);
    const dispatch = createDispatcher(handlerTable(services));
    const caller = { transport: 'direct', url: null, isMainFrame: true } as const;
    const saved = await dispatch('reports:saveSettings', { ...settings, targets: { ...settings.targets, churn: 0.3 } }, caller);
    expect(saved).toMatchObject({ ok: true });
    const d = (await dispatch('reports:dashboard', { month: '2026-10' }, caller)) as { ok: true; value: DashboardData };
    expect(d.value.kpis.find((k) => k.id === 'churn')).toMatchObject({ target: 0.3, state: 'green' });
    const bad = await dispatch('reports:dashboard', { month: '2026-13' }, caller);
    expect(bad).toMatchObject({ ok: false });
  });

  it('writes the manager report as a multi-sheet .xlsx that LibreOffice opens with the expected values', async () => {
    const { db, services, file } = servicesOnTempDb();
    fillKpiFixture(db);
    const { path } = await services.reports.exportXlsx('2026-10', 'en');
    expect(path).toBe(join(file, '..', 'reports', 'patron-report-2026-10.xlsx'));
    const out = tempDir();
    // Sheet 1 (KPIs) as CSV through LibreOffice headless.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, path as string], { stdio: 'ignore', timeout: 120_000 });
    const csvs = readdirSync(out).filter((f) => f.endsWith('.csv'));
    const kpiSheet = csvs.find((f) => f.includes('KPIs'));
    expect(kpiSheet).toBeDefined();
    const kpis = readFileSync(join(out, kpiSheet as string), 'utf8');
    expect(kpis).toContain('Monthly churn,25,0,5,%,Off target');
    expect(kpis).toContain('Average predicted value,400,,,¥,—');
    const complaints = readFileSync(join(out, csvs.find((f) => f.includes('Complaints')) as string), 'utf8');
    expect(complaints).toMatch(/C2,乙,2026-10-20,High,,2026-10-25,2026-10-28,Late/);
    const trend = readFileSync(join(out, csvs.find((f) => f.includes('Monthly trend')) as string), 'utf8');
    expect(trend.split('\n')[0]).toContain('Monthly churn');
    expect(csvs.length).toBe(9);
  });
});
