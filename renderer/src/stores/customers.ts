import { create } from 'zustand';
import type { CustomerRow } from '../../../shared/domain/customer';
import { invoke, on } from '../api/client';
import { errorMessage } from './errorMessage';

/** Tables whose changes alter what the customer grid shows. */
const watchedTables: ReadonlySet<string> = new Set(['customers', 'contacts', 'orders', 'tags', 'customer_tags', 'staff', 'segment_results', 'loyalty_accounts', 'referrals']);

interface CustomersState {
  rows: CustomerRow[];
  /** The day the figures were computed for (years of cooperation count up to it). */
  asOf: string | null;
  loading: boolean;
  error: string | null;
  /** True once a load has succeeded, so a later failed reload can keep showing the old rows. */
  loaded: boolean;
  /** Fetches the list; overlapping calls are fine, only the newest answer is kept. */
  load(): Promise<void>;
  /** Loads unless a load already succeeded or is under way. */
  ensureLoaded(): Promise<void>;
  /**
   * Restricts the grid to these customers, e.g. after a click on a figure elsewhere
   * ("the 1,234 high-value customers"); the label says why, so the user can clear it.
   */
  idFilter: { label: string; ids: ReadonlySet<number> } | null;
  showOnly(label: string, ids: Iterable<number>): void;
  clearIdFilter(): void;
}

let latestRequest = 0;
let unsubscribe: (() => void) | null = null;

export const useCustomers = create<CustomersState>()((set, get) => {
  /** Subscribes once, on first use (the bridge may be missing at import time, e.g. in tests). */
  function watchChanges(): void {
    if (unsubscribe) return;
    unsubscribe = on('db:changed', ({ tables }) => {
      if (tables.some((table) => watchedTables.has(table))) void get().load();
    });
  }

  return {
    rows: [],
    asOf: null,
    loading: false,
    error: null,
    loaded: false,

    async load() {
      const request = ++latestRequest;
      set({ loading: true, error: null });
      try {
        watchChanges();
        const { rows, asOf } = await invoke('customers:list', {});
        if (request === latestRequest) {
          // The benchmark measures from here to the grid's first rendered rows.
          performance.mark('patron:customers-loaded');
          set({ rows, asOf, loading: false, loaded: true });
        }
      } catch (error) {
        if (request === latestRequest) set({ loading: false, error: errorMessage(error) });
      }
    },

    async ensureLoaded() {
      const { loaded, loading } = get();
      if (!loaded && !loading) await get().load();
    },

    idFilter: null,
    showOnly(label, ids) {
      set({ idFilter: { label, ids: new Set(ids) } });
    },
    clearIdFilter() {
      set({ idFilter: null });
    },
  };
});
