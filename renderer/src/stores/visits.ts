import { create } from 'zustand';
import type { VisitList, VisitStatus } from '../../../shared/domain/visits';
import { invoke } from '../api/client';
import { onReadsChanged } from '../api/live';
import { errorMessage } from './errorMessage';
import { useSettings } from './settings';

export interface VisitFilter {
  ownerId: number | null;
  status: VisitStatus | null;
  from: string | null;
  to: string | null;
  overdue: boolean;
}

interface VisitsState {
  filter: VisitFilter;
  list: VisitList | null;
  error: string | null;
  /** Customers picked in the grid for "Plan visits". */
  selection: number[];
  setFilter(patch: Partial<VisitFilter>): void;
  load(): Promise<void>;
  setSelection(ids: number[]): void;
}

let latest = 0;
let subscribed = false;
export const language = (): 'zh-CN' | 'en' => (useSettings.getState().language === 'en' ? 'en' : 'zh-CN');

export const useVisits = create<VisitsState>()((set, get) => ({
  filter: { ownerId: null, status: null, from: null, to: null, overdue: false },
  list: null,
  error: null,
  selection: [],
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
    void get().load();
  },
  async load() {
    if (!subscribed) {
      subscribed = true;
      onReadsChanged(['visits:list'], () => void get().load());
    }
    const request = ++latest;
    try {
      const list = await invoke('visits:list', { ...get().filter, language: language() });
      if (request === latest) set({ list, error: null });
    } catch (error) {
      if (request === latest) set({ error: errorMessage(error) });
    }
  },
  setSelection(ids) {
    set({ selection: ids });
  },
}));
