import { startForYears, wholeYearsInputSchema } from '../../../shared/domain/cellInput';
import { customerPatchSchema, type CustomerPatch } from '../../../shared/domain/customer';
import { parseDate } from '../../../shared/import/values';

const blankToNull = (v: unknown): unknown => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v);

/**
 * A typed date as the import reads it (2024/3/5, 2024年3月5日, 20240305 …); blank is
 * a date deleted on purpose; text that is no date is kept as it is, so the check
 * refuses it instead of saving "no date".
 */
function typedDate(v: unknown): unknown {
  const blank = blankToNull(v);
  if (typeof blank !== 'string') return blank;
  const parsed = parseDate(blank);
  return parsed.ok ? parsed.value : blank;
}

/** Splits what was typed into a tags cell: commas (also Chinese ，、), semicolons. */
export function parseTags(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((x): x is string => typeof x === 'string');
  if (typeof value !== 'string') return [];
  return value
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** How an edited grid column becomes a patch field; columns not listed here are read-only. */
const editors: Record<string, (value: unknown) => Record<string, unknown>> = {
  name: (v) => ({ name: v ?? '' }),
  kind: (v) => ({ kind: v }),
  industry: (v) => ({ industry: blankToNull(v) }),
  region: (v) => ({ region: blankToNull(v) }),
  owner: (v) => ({ ownerId: v === 0 || v === '0' ? null : blankToNull(v) }),
  cooperationStart: (v) => ({ cooperationStart: typedDate(v) }),
  phone: (v) => ({ phone: blankToNull(v) }),
  email: (v) => ({ email: blankToNull(v) }),
  address: (v) => ({ address: blankToNull(v) }),
  tags: (v) => ({ tags: parseTags(v) }),
  tierOverride: (v) => ({ tierOverride: blankToNull(v) }),
  status: (v) => ({ status: v }),
};

/** Why a value was refused, as an i18n key under profiles.errors. */
export type EditProblem = 'email' | 'phone' | 'date' | 'required' | 'tooLong' | 'invalid' | 'wholeNumber';

export type EditCheck = { ok: true; patch: CustomerPatch } | { ok: false; problem: EditProblem };

/** Checks an edited value with the same zod schema main uses; an invalid value is never sent. */
export function checkEdit(colId: string, value: unknown, asOf: string | null = null): EditCheck {
  // Years of cooperation (a number cell) set the start date, as the import does for 合作年限.
  if (colId === 'years') {
    const years = wholeYearsInputSchema.safeParse(value);
    if (!years.success || asOf === null) return { ok: false, problem: 'wholeNumber' };
    return checkEdit('cooperationStart', startForYears(years.data, asOf));
  }
  const toPatch = editors[colId];
  if (!toPatch) return { ok: false, problem: 'invalid' };
  const parsed = customerPatchSchema.safeParse(toPatch(value));
  if (parsed.success) return { ok: true, patch: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  if (issue?.code === 'too_big') return { ok: false, problem: 'tooLong' };
  if (field === 'email') return { ok: false, problem: 'email' };
  if (field === 'phone') return { ok: false, problem: 'phone' };
  if (field === 'cooperationStart') return { ok: false, problem: 'date' };
  if (issue?.code === 'too_small') return { ok: false, problem: 'required' };
  return { ok: false, problem: 'invalid' };
}
