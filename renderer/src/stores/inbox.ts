import { create } from 'zustand';
import type { InboxCounts, TodayDto } from '../../../shared/warnings/dto';
import { invoke } from '../api/client';
import { onReadsChanged } from '../api/live';
import { errorMessage } from './errorMessage';

interface InboxState {
  today: TodayDto | null;
  counts: InboxCounts | null;
  error: string | null;
  /** True from a click on "Check now" until the run's results arrive. */
  checking: boolean;
  load(): Promise<void>;
  loadCounts(): Promise<void>;
  run(): Promise<void>;
}

let subscribed = false;
let latest = 0;

/** The daily follow-up inbox and the navigation badges; refetched when a write touches what they show. */
export const useInbox = create<InboxState>()((set, get) => {
  function watch(): void {
    if (subscribed) return;
    subscribed = true;
    onReadsChanged(['warnings:today', 'warnings:counts'], ({ tables }) => {
      if (tables.includes('warning_runs')) set({ checking: false });
      void get().loadCounts();
      if (get().today) void get().load();
    });
  }
  return {
    today: null,
    counts: null,
    error: null,
    checking: false,
    async load() {
      watch();
      const request = ++latest;
      try {
        const today = await invoke('warnings:today', {});
        if (request === latest) set({ today, error: null, ...(today.running ? {} : { checking: false }) });
      } catch (error) {
        if (request === latest) set({ error: errorMessage(error) });
      }
    },
    async loadCounts() {
      watch();
      try {
        set({ counts: await invoke('warnings:counts', {}) });
      } catch {
        // The badge is a hint; the pages show their own errors.
      }
    },
    async run() {
      try {
        set({ checking: true });
        await invoke('warnings:run', {});
      } catch (error) {
        set({ checking: false, error: errorMessage(error) });
      }
    },
  };
});
