import { localToday } from '../../shared/domain/dates';
import type { SegmentOverview, SegmentPreview, SegmentRunDto, SegmentSelector } from '../../shared/domain/segments';
import { clvStatusSchema, segmentSummarySchema } from '../../shared/domain/segments';
import { activityWindows, predictionsFor, segment, type Prediction } from '../../shared/analytics/segmentation';
import { defaultSegmentSettings, segmentSettingsSchema, type SegmentSettings } from '../../shared/analytics/settings';
import { segmentQueries, type SegmentRunRecord } from '../db/segments';
import { settingsQueries } from '../db/settings';
import { nowIso, type ServiceContext } from './context';
import type { RollupRepairResult } from '../../shared/domain/rollups';
import type { SegmentRunParams, SegmentTrigger } from './segmentRun';

/** Settings-table key of the segmentation knobs (kept apart from the app's settingsSchema). */
export const SEGMENT_SETTINGS_KEY = 'segmentation';
const SEGMENT_JOB = 'segment';
const ROLLUP_REPAIR_JOB = 'rollup-repair';

function runDto(r: SegmentRunRecord): SegmentRunDto {
  return {
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    asOf: r.as_of,
    trigger: r.trigger,
    customers: r.customers,
    settings: segmentSettingsSchema.catch(defaultSegmentSettings).parse(JSON.parse(r.settings)),
    clv: clvStatusSchema.parse(JSON.parse(r.clv)),
    summary: segmentSummarySchema.parse(JSON.parse(r.summary)),
  };
}

/** Segmentation use cases: settings, runs (as a worker job), the page's figures and their click-through ids. */
export function segmentService(ctx: ServiceContext) {
  const q = segmentQueries(ctx.db);
  const store = settingsQueries(ctx.db);
  const running = () => ctx.jobs.running().find((j) => j.kind === SEGMENT_JOB) ?? null;
  // Areas that derive data from a run's results (warnings read p_alive and tiers) hear when one finishes.
  const finished: (() => void)[] = [];

  const settings = (): SegmentSettings => {
    const parsed = segmentSettingsSchema.safeParse(store.get(SEGMENT_SETTINGS_KEY));
    return parsed.success ? parsed.data : defaultSegmentSettings;
  };

  /** Starts a run in a worker unless one is under way (then that one's id is returned). */
  const start = (trigger: SegmentTrigger): { jobId: string; alreadyRunning: boolean } => {
    const current = running();
    if (current) return { jobId: current.id, alreadyRunning: true };
    const params: SegmentRunParams = { asOf: localToday(ctx.now()), trigger, settings: settings() };
    const { id, outcome } = ctx.jobs.start(SEGMENT_JOB, params);
    void outcome.then((o) => {
      if (o.status === 'failed') console.error(`segmentation run failed: ${o.message}`);
      if (o.status === 'done') for (const f of finished) f();
    });
    return { jobId: id, alreadyRunning: false };
  };

  let repairing: Promise<RollupRepairResult> | null = null;

  return {
    settings,
    /**
     * Recomputes the rollups from every order and interaction and writes what
     * differs (rollupRepair.ts), as a job; a request while one runs waits for
     * that one.
     */
    repairRollups(): Promise<RollupRepairResult> {
      repairing ??= ctx.jobs
        .start(ROLLUP_REPAIR_JOB, {})
        .outcome.then((o) => {
          if (o.status === 'done') return o.result;
          throw new Error(o.status === 'failed' ? o.message : 'the repair was cancelled; nothing was changed');
        })
        .finally(() => {
          repairing = null;
        });
      return repairing;
    },
    saveSettings(next: SegmentSettings): SegmentSettings {
      store.set(SEGMENT_SETTINGS_KEY, next, nowIso(ctx));
      ctx.emit('db:changed', { tables: ['settings'] });
      return settings();
    },
    run: (trigger: SegmentTrigger = 'manual') => start(trigger),
    onRunFinished: (listener: () => void) => void finished.push(listener),
    /**
     * Call after an import has committed: the rollups are already current (the
     * triggers ran inside the import's transaction), so only the run is needed.
     */
    afterImport: () => start('import'),
    /** The newest run's finish time, for the daily scheduler. */
    lastRunAt: (): string | null => q.latestRuns(1)[0]?.finished_at ?? null,

    overview(): SegmentOverview {
      const [latest, previous] = q.latestRuns(2);
      return {
        run: latest ? runDto(latest) : null,
        previousRun: previous ? { id: previous.id, asOf: previous.as_of, finishedAt: previous.finished_at } : null,
        tiers: q.effectiveTiers().map((r) => ({ tier: r.tier, customers: r.customers, valueCents: r.value_cents, overridden: r.overridden })),
        quadrants: q.quadrantCells().map((r) => ({ quadrant: r.quadrant, customers: r.customers, valueCents: r.value_cents, predictedCents: r.predicted_cents })),
        lifecycle: q.lifecycleCells().map((r) => ({ stage: r.lifecycle, customers: r.customers, valueCents: r.value_cents })),
        migration: latest && previous ? q.migration(previous.id, latest.id).map((r) => ({ from: r.from_tier, to: r.to_tier, customers: r.customers })) : [],
        running: running() !== null,
      };
    },

    ids(selector: SegmentSelector): { ids: number[] } {
      switch (selector.by) {
        case 'tier':
          return { ids: q.tierIds(selector.tier) };
        case 'quadrant':
          return { ids: q.quadrantIds(selector.quadrant) };
        case 'lifecycle':
          return { ids: q.lifecycleIds(selector.stage) };
        case 'overridden':
          return { ids: q.overriddenIds() };
        case 'migration': {
          const [latest, previous] = q.latestRuns(2);
          return { ids: latest && previous ? q.migrationIds(previous.id, latest.id, selector.from, selector.to) : [] };
        }
      }
    },

    /**
     * What the given settings would do, next to what the latest run did. Reuses
     * the latest run's CLV predictions, so it answers in a fraction of a second.
     */
    preview(proposed: SegmentSettings): SegmentPreview {
      const latest = q.latestRuns(1)[0];
      const predictions = new Map<number, Prediction>();
      for (const r of q.results()) {
        if (r.predicted_cents !== null) predictions.set(r.customer_id, { predicted_cents: r.predicted_cents, p_alive: r.p_alive ?? 0, expected_purchases: r.expected_purchases ?? 0 });
      }
      const asOf = localToday(ctx.now());
      const inputs = q.inputs(activityWindows(asOf, proposed.lifecycle));
      return {
        current: latest ? runDto(latest).summary : null,
        proposed: segment(inputs, asOf, proposed, predictionsFor(inputs, predictions)).summary,
        usesStoredPredictions: predictions.size > 0,
      };
    },

    /** Per customer: computed tier, override, effective tier, quadrant, lifecycle, predicted value (for the grid columns). */
    customerColumns: () => q.customerColumns(),
  };
}
