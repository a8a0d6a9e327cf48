import { z } from 'zod';

const duplicateReasons = ['phone', 'email', 'name', 'similarName'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

export const duplicatePairSchema = z.object({
  a: z.number().int(),
  b: z.number().int(),
  reasons: z.array(z.enum(duplicateReasons)),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

/** Profile fields whose value the user picks from one side when merging. */
export const mergeFields = ['name', 'kind', 'industry', 'region', 'source', 'ownerId', 'cooperationStart', 'status', 'tierOverride', 'phone', 'email', 'address', 'notes'] as const;
export type MergeField = (typeof mergeFields)[number];

export const mergeRequestSchema = z
  .object({
    keepId: z.number().int().positive(),
    mergeId: z.number().int().positive(),
    /** Fields whose value comes from the merged customer; the others keep the kept customer's value. */
    takeFromMerged: z.array(z.enum(mergeFields)).max(mergeFields.length),
  })
  .strict()
  .refine((r) => r.keepId !== r.mergeId, { message: 'cannot merge a customer with itself', path: ['mergeId'] });
export type MergeRequest = z.infer<typeof mergeRequestSchema>;

export const mergeRecordSchema = z.object({
  id: z.number().int(),
  batchId: z.string(),
  keptId: z.number().int(),
  mergedId: z.number().int(),
  mergedName: z.string(),
  actor: z.string(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof mergeRecordSchema>;

const FULLWIDTH_OFFSET = 0xfee0;
const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团', '公司', 'coltd', 'co', 'ltd', 'inc', 'llc', 'gmbh'];

/**
 * A name reduced to what identifies it: full-width letters folded, case and
 * punctuation and spaces dropped, common company suffixes removed.
 */
export function normaliseName(name: string): string {
  let s = name
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULLWIDTH_OFFSET))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  for (const suffix of SUFFIXES) {
    if (s.length > suffix.length + 1 && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

/** Digits only, without a leading +86 / 0086 country code. */
export function normalisePhone(phone: string | null): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

/** True when the two strings differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
