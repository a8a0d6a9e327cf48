import { useCallback, useEffect, useState } from 'react';
import type { CustomerDetail } from '../../../shared/domain/customer';
import type { ProfileActivity } from '../../../shared/domain/profile';
import { PatronError } from '../../../shared/ipc/errors';
import { invoke } from '../api/client';
import { onReadsChanged } from '../api/live';
import { errorMessage } from './errorMessage';

export interface ProfileData {
  customer: CustomerDetail | null;
  activity: ProfileActivity | null;
  notFound: boolean;
  error: string | null;
  reload: () => void;
}

/** One customer's profile and activity, refetched when a write touches what it shows. */
export function useProfile(id: number): ProfileData {
  const [state, setState] = useState<Omit<ProfileData, 'reload'>>({ customer: null, activity: null, notFound: false, error: null });
  const load = useCallback(async () => {
    try {
      const [customer, activity] = await Promise.all([invoke('customers:get', { id }), invoke('customers:activity', { id })]);
      setState({ customer, activity, notFound: false, error: null });
    } catch (error) {
      if (error instanceof PatronError && error.code === 'not_found') setState({ customer: null, activity: null, notFound: true, error: null });
      else setState((s) => ({ ...s, error: errorMessage(error) }));
    }
  }, [id]);
  useEffect(() => {
    void load();
    return onReadsChanged(['customers:get', 'customers:activity'], () => void load());
  }, [load]);
  return { ...state, reload: () => void load() };
}
