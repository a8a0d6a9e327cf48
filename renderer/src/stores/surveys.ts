import { create } from 'zustand';

/** Customers picked in the grid for "Survey forms" (the forms tab issues them). */
export const useSurveySelection = create<{ ids: number[]; set(ids: number[]): void }>()((set) => ({
  ids: [],
  set: (ids) => set({ ids }),
}));
