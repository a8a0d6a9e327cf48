import type { Envelope } from './errors';

/**
 * Makes a call and, when it answers `busy` (another program held the database
 * past SQLite's wait), makes it once more: such locks are usually short, so the
 * user hears of one only when it outlasts two waits. The renderer's invoke uses it.
 */
export async function withBusyRetry<T>(call: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  const first = await call();
  return !first.ok && first.error.code === 'busy' ? call() : first;
}
