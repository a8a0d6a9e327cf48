import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { EventPayload, PatronBridge, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { withBusyRetry } from '../../../shared/ipc/busy';
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
 * A `busy` answer is tried once more before the user hears of it (withBusyRetry).
 */
export async function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const envelope = await withBusyRetry(() => bridge().invoke(channel, request) as Promise<Envelope<ResponseOf<C>>>);
  if (envelope.ok) return envelope.value;
  throw isPatronErrorData(envelope.error) ? PatronError.fromData(envelope.error) : new PatronError('internal', 'malformed IPC answer');
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, (payload) => listener(payload as EventPayload<E>));
}
