import { useEffect, useState } from 'react';
import type { LoyaltyProfile } from '../../../shared/domain/loyalty';
import { invoke, on } from '../api/client';
import { errorMessage } from './errorMessage';

/** Tables whose changes alter a customer's loyalty section (settings: benefits and the reward catalogue). */
const watched: ReadonlySet<string> = new Set(['points_ledger', 'loyalty_accounts', 'loyalty_level_history', 'referrals', 'customers', 'settings']);

/** One customer's level, balance, ledger and referrals, refetched when a write touches them. */
export function useLoyalty(customerId: number) {
  const [profile, setProfile] = useState<LoyaltyProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    invoke('loyalty:profile', { customerId }).then(
      (value) => {
        if (!current) return;
        setProfile(value);
        setError(null);
      },
      (reason: unknown) => {
        if (current) setError(errorMessage(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [customerId, generation]);
  useEffect(
    () =>
      on('db:changed', ({ tables }) => {
        if (tables.some((t) => watched.has(t))) setGeneration((g) => g + 1);
      }),
    [],
  );
  return { profile, error, setProfile };
}
