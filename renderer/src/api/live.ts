import { useCallback, useEffect, useState } from 'react';
import { changeAffects, type EventPayload, type ReadChannel, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { errorMessage } from '../stores/errorMessage';
import { invoke, on } from './client';

/**
 * Calls `listener` whenever a write's `db:changed` names a table one of these
 * reads depends on (the tables each read declares in shared/ipc/contract/).
 * For stores; components use useLiveQuery. Returns the unsubscribe function.
 */
export function onReadsChanged(reads: readonly ReadChannel[], listener: (change: EventPayload<'db:changed'>) => void): () => void {
  return on('db:changed', (change) => {
    if (changeAffects(reads, change.tables)) listener(change);
  });
}

export interface LiveQuery<T> {
  /** The newest answer; the previous one stays while a refetch is under way. */
  data: T | null;
  error: string | null;
  /** Fetches again now (e.g. after a write whose answer the caller did not apply itself). */
  reload(): void;
  /** Replaces the answer with one a write already returned. */
  setData(data: T): void;
}

/**
 * The answer of one read, fetched on mount and again whenever its request
 * changes or a write touches one of the read's tables. Only the answer to the
 * newest request is kept.
 */
export function useLiveQuery<C extends ReadChannel>(channel: C, request: RequestOf<C>): LiveQuery<ResponseOf<C>> {
  const key = JSON.stringify(request);
  const [data, setData] = useState<ResponseOf<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    invoke(channel, JSON.parse(key) as RequestOf<C>).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
      },
      (reason: unknown) => {
        if (current) setError(errorMessage(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [channel, key, generation]);

  useEffect(() => {
    try {
      return onReadsChanged([channel], reload);
    } catch {
      return undefined; // No bridge: the fetch above reports the problem.
    }
  }, [channel, reload]);

  return { data, error, reload, setData };
}
