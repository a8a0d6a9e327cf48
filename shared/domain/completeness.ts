import { z } from 'zod';
import type { CustomerRow } from './customer';

/** Profile fields that can be required for a complete profile (客户档案完整度). */
export const completenessFields = ['industry', 'region', 'owner', 'cooperationStart', 'contact', 'contactTitle', 'phone', 'email', 'address', 'tags'] as const;
export type CompletenessField = (typeof completenessFields)[number];

export const completenessRulesSchema = z
  .object({ required: z.array(z.enum(completenessFields)).min(1).max(completenessFields.length) })
  .strict()
  .refine((r) => new Set(r.required).size === r.required.length, { message: 'a field is listed twice', path: ['required'] });
export type CompletenessRules = z.infer<typeof completenessRulesSchema>;

/** The process documents' template: industry, years of cooperation, main contact and title, need tags, phone, owner. */
export const defaultCompletenessRules: CompletenessRules = { required: ['industry', 'cooperationStart', 'contact', 'contactTitle', 'tags', 'phone', 'owner'] };

/** The target overall rate in the process documents. */
export const completenessTarget = 0.9;

type ProfileFacts = Pick<CustomerRow, 'industry' | 'region' | 'ownerId' | 'cooperationStart' | 'contactName' | 'contactTitle' | 'phone' | 'email' | 'address' | 'tags'>;

const filled = (v: string | null) => v !== null && v.trim() !== '';

function isFilled(row: ProfileFacts, field: CompletenessField): boolean {
  switch (field) {
    case 'industry':
      return filled(row.industry);
    case 'region':
      return filled(row.region);
    case 'owner':
      return row.ownerId !== null;
    case 'cooperationStart':
      return filled(row.cooperationStart);
    case 'contact':
      return filled(row.contactName);
    case 'contactTitle':
      return filled(row.contactTitle);
    case 'phone':
      return filled(row.phone);
    case 'email':
      return filled(row.email);
    case 'address':
      return filled(row.address);
    case 'tags':
      return row.tags.length > 0;
  }
}

/** Filled required fields / required fields, and which ones are missing. */
export function profileCompleteness(row: ProfileFacts, rules: CompletenessRules): { score: number; missing: CompletenessField[] } {
  const missing = rules.required.filter((f) => !isFilled(row, f));
  return { score: (rules.required.length - missing.length) / rules.required.length, missing };
}

/** The KPI: the mean completeness over all profiles (1 when there are none). */
export function overallCompleteness(rows: readonly ProfileFacts[], rules: CompletenessRules): number {
  if (rows.length === 0) return 1;
  let sum = 0;
  for (const r of rows) sum += profileCompleteness(r, rules).score;
  return sum / rows.length;
}
