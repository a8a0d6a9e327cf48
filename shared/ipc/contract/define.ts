import { z } from 'zod';

/**
 * What each contract slice is made of: `'domain:verb'` entries, each with the zod
 * schema its request must pass and the schema of its answer. A read also names
 * the tables its answer depends on, so the renderer refetches it when a write's
 * `db:changed` names one of them (see renderer/src/api/live.ts).
 */
export interface Entry {
  request: z.ZodType;
  response: z.ZodType;
  tables?: Tables;
}

/** The tables a read depends on; `'any'` for answers that follow every write (row counts, the backup list). */
export type Tables = readonly string[] | 'any';

export const call = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });

export const read = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, tables: Tables) => ({ request, response, tables });

export const empty = z.object({}).strict();
export const idRequest = z.object({ id: z.number().int().positive() }).strict();
export const jobStarted = z.object({ jobId: z.string(), alreadyRunning: z.boolean() });
export const language = z.enum(['zh-CN', 'en']);

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Merges domain maps (contract slices, handler maps) into one; a name given twice
 * is a mistake the spread would hide, so it throws at startup instead.
 */
export function mergeDomains<M extends Record<string, unknown>[]>(...maps: M): Intersection<M[number]> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (name in merged) throw new Error(`IPC channel ${name} is declared twice`);
      merged[name] = value;
    }
  }
  return merged as Intersection<M[number]>;
}
