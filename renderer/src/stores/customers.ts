import { create } from 'zustand';
import type { CustomerRow } from '../../../shared/domain/customer';
import { maxRefreshIds } from '../../../shared/domain/rowRefresh';
import { invoke } from '../api/client';
import { onReadsChanged } from '../api/live';
import { mergeRows, type RowPatch } from '../grid/mergeRows';
import { errorMessage } from './errorMessage';

interface CustomersState {
  rows: CustomerRow[];
  /** How the last change to `rows` came about when it was a refresh of some rows (null after a full load). */
  patch: RowPatch | null;
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
  /** Fetches just these customers' rows and puts them in place (a full load if none succeeded yet). */
  refreshRows(ids: readonly number[]): Promise<void>;
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
    unsubscribe = onReadsChanged(['customers:list'], ({ customerIds }) => {
      // A change that names its customers refreshes only their rows, not all 100,000.
      if (customerIds && customerIds.length <= maxRefreshIds) void get().refreshRows(customerIds);
      else void get().load();
    });
  }

  return {
    rows: [],
    patch: null,
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
          set({ rows, patch: null, asOf, loading: false, loaded: true });
        }
      } catch (error) {
        if (request === latestRequest) set({ loading: false, error: errorMessage(error) });
      }
    },

    async ensureLoaded() {
      const { loaded, loading } = get();
      if (!loaded && !loading) await get().load();
    },

    async refreshRows(ids) {
      const { loaded, loading } = get();
      // A full load under way may have been answered before this change: load again instead.
      if (!loaded || loading) return get().load();
      if (ids.length === 0) return;
      const request = latestRequest;
      try {
        const { rows: fresh } = await invoke('customers:rows', { ids: [...ids] });
        // A full load started since then brings these rows too.
        if (request === latestRequest) {
          const patch = mergeRows(get().rows, ids, fresh);
          set({ rows: patch.to, patch });
        }
      } catch {
        await get().load();
      }
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
