import { create } from 'zustand';
import { defaultCompletenessRules, type CompletenessRules } from '../../../shared/domain/completeness';
import type { StaffOption } from '../../../shared/domain/profile';
import type { SavedView } from '../../../shared/domain/views';
import { invoke } from '../api/client';
import { onReadsChanged } from '../api/live';
import { readMe, writeMe } from './deviceSettings';
import { errorMessage } from './errorMessage';

/** What the grid and profile need beside the rows: staff for the owner editor, completeness rules, saved views. */
interface ProfileRefsState {
  staff: StaffOption[];
  rules: CompletenessRules;
  views: SavedView[];
  /** The system user name main runs as. */
  user: string;
  /** The staff member chosen under "I am …" on this computer (null: go by the system user name). */
  me: number | null;
  error: string | null;
  setMe(staffId: number | null): void;
  load(): Promise<void>;
  setViews(views: SavedView[]): void;
}

let unsubscribe: (() => void) | null = null;
export const useProfileRefs = create<ProfileRefsState>()((set, get) => ({
  staff: [],
  rules: defaultCompletenessRules,
  views: [],
  user: '',
  me: readMe(),
  error: null,
  setMe(staffId) {
    writeMe(staffId);
    set({ me: staffId });
  },
  async load() {
    unsubscribe ??= onReadsChanged(['customers:staff', 'completeness:get', 'views:list'], () => void get().load());
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

/** Whose customers "My customers" shows: the chosen staff member's name, else the system user name. */
export function myOwnerName(state: Pick<ProfileRefsState, 'staff' | 'me' | 'user'>): string {
  const chosen = state.me === null ? undefined : state.staff.find((s) => s.id === state.me);
  return chosen?.name ?? state.user;
}
