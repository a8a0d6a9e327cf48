import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { EventPayload, PatronBridge, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { PatronError, isPatronErrorData, type Envelope } from '../../../shared/ipc/errors';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the test preload (HTTP bridge); nothing else is exposed. */
    patron?: PatronBridge;
  }
}

function bridge(): PatronBridge {
  if (!window.patron) throw new PatronError('internal', 'Patron bridge missing: the page was opened without the Patron preload');
  return window.patron;
}

/**
 * Calls one contract channel; resolves with its typed response or rejects with a PatronError.
 * A `busy` answer (another program held the database past SQLite's wait) is tried once more
 * before the user hears of it: such locks are usually short.
 */
export async function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  let envelope = (await bridge().invoke(channel, request)) as Envelope<ResponseOf<C>>;
  if (!envelope.ok && envelope.error.code === 'busy') envelope = (await bridge().invoke(channel, request)) as Envelope<ResponseOf<C>>;
  if (envelope.ok) return envelope.value;
  throw isPatronErrorData(envelope.error) ? PatronError.fromData(envelope.error) : new PatronError('internal', 'malformed IPC answer');
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, (payload) => listener(payload as EventPayload<E>));
}
