import { create } from 'zustand';
import type { Tier } from '../../../shared/domain/enums';
import type { DashboardData } from '../../../shared/kpi/dashboard';
import type { CustomersBehindRequest } from '../../../shared/kpi/report';
import { invoke } from '../api/client';
import { onReadsChanged } from '../api/live';
import { errorMessage } from './errorMessage';
import { useCustomers } from './customers';

const thisMonth = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

interface ReportsState {
  month: string;
  tier: Tier | null;
  data: DashboardData | null;
  loading: boolean;
  error: string | null;
  setPeriod(month: string, tier: Tier | null): void;
  load(): Promise<void>;
  /** Shows the customers behind a figure in the customer grid. */
  showCustomers(what: CustomersBehindRequest['what'], label: string, month?: string, tier?: Tier | null): Promise<void>;
}

let latestRequest = 0;
let subscribed = false;

export const useReports = create<ReportsState>()((set, get) => ({
  month: thisMonth(),
  tier: null,
  data: null,
  loading: false,
  error: null,

  setPeriod(month, tier) {
    set({ month, tier });
    void get().load();
  },

  async load() {
    if (!subscribed) {
      subscribed = true;
      onReadsChanged(['reports:dashboard'], () => void get().load());
    }
    const request = ++latestRequest;
    const { month, tier } = get();
    set({ loading: true, error: null });
    try {
      const data = await invoke('reports:dashboard', { month, tier });
      if (request === latestRequest) set({ data, loading: false });
    } catch (error) {
      if (request === latestRequest) set({ loading: false, error: errorMessage(error) });
    }
  },

  async showCustomers(what, label, month, tier) {
    try {
      const { ids } = await invoke('reports:customers', { what, month: month ?? get().month, tier: tier === undefined ? get().tier : tier });
      useCustomers.getState().showOnly(label, ids);
      location.hash = '#/customers';
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
