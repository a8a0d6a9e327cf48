import { useCallback, useEffect, useState } from 'react';
import type { DbStats } from '../../../shared/ipc/contract/app';
import { invoke, on } from '../api/client';
import { errorMessage } from '../stores/errorMessage';

interface DbStatsState {
  stats: DbStats | null;
  error: string | null;
  reload: () => void;
}

/** Database statistics, read on mount and again whenever any table changes while mounted. */
export function useDbStats(): DbStatsState {
  const [stats, setStats] = useState<DbStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    invoke('db:stats', {}).then(
      (value) => {
        if (!current) return;
        setStats(value);
        setError(null);
      },
      (reason: unknown) => {
        if (current) setError(errorMessage(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [generation]);

  useEffect(() => {
    try {
      return on('db:changed', reload);
    } catch {
      return undefined; // No bridge: the stats call above reports the problem.
    }
  }, [reload]);

  return { stats, error, reload };
}
