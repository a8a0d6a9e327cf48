import { contract, eventSchemas, type Channel, type EventName } from './contract';

/**
 * The names of every IPC call and push event, read off the contract. The
 * sandboxed preload whitelists with these, so its bundle carries the contract's
 * zod schemas too: one list that cannot drift beats a smaller preload.
 */
export const channels = Object.keys(contract) as Channel[];

export type { Channel, EventName };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(eventSchemas, name);
}
