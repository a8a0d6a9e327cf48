import { create } from 'zustand';
import type { SegmentOverview, SegmentSelector } from '../../../shared/domain/segments';
import { invoke, on } from '../api/client';
import { onReadsChanged } from '../api/live';
import { errorMessage } from './errorMessage';
import { useCustomers } from './customers';

interface SegmentsState {
  overview: SegmentOverview | null;
  loading: boolean;
  error: string | null;
  /** The running job's id and progress, while one runs. */
  job: { id: string; done: number; total: number } | null;
  load(): Promise<void>;
  run(): Promise<void>;
  /** Stops the running job; its transaction rolls back, so the last run stays as it was. */
  cancel(): Promise<void>;
  /** Shows the customers behind a number in the customer grid. */
  showCustomers(selector: SegmentSelector, label: string): Promise<void>;
}

let latestRequest = 0;
let subscribed = false;
const JOB_POLL_MS = 1000;

export const useSegments = create<SegmentsState>()((set, get) => {
  function watch(): void {
    if (subscribed) return;
    subscribed = true;
    onReadsChanged(['segments:overview'], ({ tables }) => {
      if (tables.includes('segment_runs')) set({ job: null });
      void get().load();
    });
    on('job:progress', (p) => {
      const job = get().job;
      if (job && job.id === p.id) set({ job: { id: p.id, done: p.done, total: p.total } });
    });
  }

  return {
    overview: null,
    loading: false,
    error: null,
    job: null,

    async load() {
      const request = ++latestRequest;
      set({ loading: true, error: null });
      try {
        watch();
        const overview = await invoke('segments:overview', {});
        if (request === latestRequest) set({ overview, loading: false, ...(overview.running ? {} : { job: null }) });
      } catch (error) {
        if (request === latestRequest) set({ loading: false, error: errorMessage(error) });
      }
    },

    async run() {
      try {
        watch();
        const { jobId } = await invoke('segments:run', {});
        set({ job: { id: jobId, done: 0, total: 0 }, error: null });
        // A cancelled or failed job writes nothing and announces nothing: watch the job list for its end.
        const poll = setInterval(() => {
          invoke('jobs:list', {}).then(
            ({ jobs }) => {
              if (jobs.some((j) => j.id === jobId)) return;
              clearInterval(poll);
              if (get().job?.id === jobId) set({ job: null });
              void get().load();
            },
            () => {
              clearInterval(poll);
            },
          );
        }, JOB_POLL_MS);
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async cancel() {
      try {
        const id = get().job?.id ?? (await invoke('jobs:list', {})).jobs.find((j) => j.kind === 'segment')?.id;
        if (id) await invoke('jobs:cancel', { id });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async showCustomers(selector, label) {
      try {
        const { ids } = await invoke('segments:ids', selector);
        useCustomers.getState().showOnly(label, ids);
        location.hash = '#/customers';
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
  };
});
