import { z } from 'zod';
import { appContract } from './contract/app';
import { backupsContract } from './contract/backups';
import { careContract } from './contract/care';
import { completenessContract } from './contract/completeness';
import { complaintsContract } from './contract/complaints';
import { contactsContract } from './contract/contacts';
import { customersContract } from './contract/customers';
import { mergeDomains, type Entry, type Tables } from './contract/define';
import { duplicatesContract } from './contract/duplicates';
import { exportsContract } from './contract/exports';
import { importsContract } from './contract/imports';
import { jobsContract } from './contract/jobs';
import { loyaltyContract } from './contract/loyalty';
import { ordersContract } from './contract/orders';
import { printContract } from './contract/print';
import { reportsContract } from './contract/reports';
import { segmentsContract } from './contract/segments';
import { surveysContract } from './contract/surveys';
import { viewsContract } from './contract/views';
import { visitsContract } from './contract/visits';
import { warningsContract } from './contract/warnings';

/**
 * The one IPC contract: every call `'domain:verb'` with the zod schema its
 * request must pass and the schema of what it answers, merged from one slice per
 * domain (shared/ipc/contract/<domain>.ts). Main validates each request against
 * it; the renderer's client and the unit tests derive their types from it; the
 * HTTP bridge serves the very same table.
 */
export const contract = mergeDomains(
  appContract,
  jobsContract,
  customersContract,
  contactsContract,
  ordersContract,
  duplicatesContract,
  viewsContract,
  completenessContract,
  backupsContract,
  importsContract,
  exportsContract,
  segmentsContract,
  warningsContract,
  complaintsContract,
  careContract,
  visitsContract,
  printContract,
  surveysContract,
  reportsContract,
  loyaltyContract,
) satisfies Record<string, Entry>;

export type Channel = keyof typeof contract;

export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof contract)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof contract)[C]['response']>;

/** The reads: channels whose entry names the tables their answer depends on. */
export type ReadChannel = { [C in Channel]: (typeof contract)[C] extends { tables: Tables } ? C : never }[Channel];

/** The tables a read depends on (see contract/define.ts). */
export function tablesOf(channel: ReadChannel): Tables {
  return (contract[channel] as Entry).tables ?? 'any';
}

/** True when a write that changed `tables` may have changed the answer of one of these reads. */
export function changeAffects(reads: readonly ReadChannel[], tables: readonly string[]): boolean {
  return reads.some((read) => {
    const depends = tablesOf(read);
    return depends === 'any' || tables.some((table) => depends.includes(table));
  });
}

export const eventSchemas = {
  /**
   * `customerIds`, when given, says the change touched only those customers' grid rows
   * (ids gone from the database were deleted), so the grid refreshes just them.
   */
  'db:changed': z.object({ tables: z.array(z.string()).min(1), customerIds: z.array(z.number().int()).optional() }),
  'job:progress': z.object({ id: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
};

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.output<(typeof eventSchemas)[E]>;

/** The whole API a window sees: the preload (Electron) or the test preload (HTTP bridge) provides it. */
export interface PatronBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
