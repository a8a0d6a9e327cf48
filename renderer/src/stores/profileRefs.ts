import { create } from 'zustand';
import { defaultCompletenessRules, type CompletenessRules } from '../../../shared/domain/completeness';
import type { StaffOption } from '../../../shared/domain/profile';
import type { SavedView } from '../../../shared/domain/views';
import { invoke, on } from '../api/client';
import { errorMessage } from './errorMessage';

/** What the grid and profile need beside the rows: staff for the owner editor, completeness rules, saved views. */
interface ProfileRefsState {
  staff: StaffOption[];
  rules: CompletenessRules;
  views: SavedView[];
  user: string;
  error: string | null;
  load(): Promise<void>;
  setViews(views: SavedView[]): void;
}

let unsubscribe: (() => void) | null = null;
const watched: ReadonlySet<string> = new Set(['staff', 'settings', 'saved_views']);

export const useProfileRefs = create<ProfileRefsState>()((set, get) => ({
  staff: [],
  rules: defaultCompletenessRules,
  views: [],
  user: '',
  error: null,
  async load() {
    unsubscribe ??= on('db:changed', ({ tables }) => {
      if (tables.some((t) => watched.has(t))) void get().load();
    });
    try {
      const [staff, rules, views] = await Promise.all([invoke('customers:staff', {}), invoke('completeness:get', {}), invoke('views:list', {})]);
      set({ staff: staff.staff, rules, views: views.views, user: views.user, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  setViews(views) {
    set({ views });
  },
}));
