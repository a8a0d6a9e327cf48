import type { z } from 'zod';
import { channels, isChannel, type Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { PatronError, type Envelope, type ErrorDetail } from '../../shared/ipc/errors';
import { busyError, isBusyError } from '../db/errors';
import type { HandlerTable } from './handlers';

/** Facts about who sent a request, as far as the transport knows them. */
export interface CallerInfo {
  transport: 'electron' | 'http' | 'direct';
  /** URL of the sending frame (Electron) or null. */
  url: string | null;
  /** False when the request comes from a subframe. */
  isMainFrame: boolean;
}

export interface DispatchOptions {
  /** Rejects requests from senders that are not the app's own window. */
  isTrustedCaller?: (caller: CallerInfo) => boolean;
  /** Called for unexpected failures (not PatronErrors) so the host can log them. */
  onInternalError?: (channel: string, err: unknown) => void;
}

export type Dispatch<Answer = Envelope<unknown>> = (channel: string, payload: unknown, caller: CallerInfo) => Promise<Answer | Envelope<unknown>>;

function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Where a checked request goes: a handler table in this process (answering with an
 * envelope), or the database thread (answering with the envelope as JSON text, which
 * the window process passes on without decoding it).
 */
export type Forward<Answer = Envelope<unknown>> = (channel: Channel, request: unknown) => Promise<Answer>;

/** Runs an already checked request through a handler table and wraps the outcome in an envelope. */
export function runHandlers(table: HandlerTable, onInternalError?: (channel: string, err: unknown) => void): Forward {
  return async (channel, request) => {
    try {
      const handler = table[channel] as (req: unknown) => unknown;
      return { ok: true, value: await handler(request) };
    } catch (err) {
      return failure(channel, err, onInternalError);
    }
  };
}

function failure(channel: string, err: unknown, onInternalError?: (channel: string, err: unknown) => void): Envelope<unknown> {
  if (err instanceof PatronError) return { ok: false, error: err.toData() };
  if (isBusyError(err)) return { ok: false, error: busyError(err).toData() };
  onInternalError?.(channel, err);
  return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
}

/**
 * The one place requests are checked: known channel, trusted sender, payload
 * valid per the contract. Anything that fails never reaches `forward` (a handler
 * table here, or the database thread), so an invalid request cannot write.
 */
export function createForwarder<Answer>(forward: Forward<Answer>, options: DispatchOptions = {}): Dispatch<Answer> {
  return async (channel, payload, caller) => {
    try {
      if (!isChannel(channel)) throw new PatronError('unknown_channel', `unknown IPC channel: ${channel}`);
      if (options.isTrustedCaller && !options.isTrustedCaller(caller)) {
        throw new PatronError('forbidden', `request on ${channel} refused: sender ${caller.url ?? '(unknown)'} is not the Patron window`);
      }
      const parsed = contract[channel].request.safeParse(payload ?? {});
      if (!parsed.success) {
        const details = zodDetails(parsed.error);
        const first = details[0];
        throw new PatronError('invalid_request', `invalid request for ${channel}: ${first ? `${first.path || '(payload)'}: ${first.message}` : 'malformed'}`, details);
      }
      return await forward(channel, parsed.data);
    } catch (err) {
      return failure(channel, err, options.onInternalError);
    }
  };
}

export function createDispatcher(table: HandlerTable, options: DispatchOptions = {}): Dispatch {
  return createForwarder(runHandlers(table, options.onInternalError), options);
}

/** Anything with Electron's `ipcMain.handle` shape: ipcMain itself, the HTTP bridge, a test double. */
export interface IpcLike<Event = unknown> {
  handle(channel: string, listener: (event: Event, payload: unknown) => Promise<unknown>): void;
}

/**
 * Binds every contract channel on a transport. `callerOf` turns the
 * transport's event object into CallerInfo for the sender check.
 */
export function registerHandlers<Event>(
  ipc: IpcLike<Event>,
  table: HandlerTable,
  callerOf: (event: Event) => CallerInfo,
  options: DispatchOptions = {},
): Dispatch {
  return bindDispatch(ipc, createDispatcher(table, options), callerOf);
}

/** Binds every contract channel to a dispatcher (e.g. one forwarding to the database thread). */
export function bindDispatch<Event, Answer>(ipc: IpcLike<Event>, dispatch: Dispatch<Answer>, callerOf: (event: Event) => CallerInfo): Dispatch<Answer> {
  for (const channel of channels) {
    ipc.handle(channel, (event, payload) => dispatch(channel, payload, callerOf(event)));
  }
  return dispatch;
}
