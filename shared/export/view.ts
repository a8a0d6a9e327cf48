import { z } from 'zod';
import { tDynamic, translator } from '../i18n';
import { languages, type Language } from '../i18n/language';

/**
 * What an export writes: which records, which columns in which order, how they
 * are filtered and sorted. The grid passes its live state; the CLI builds one
 * from --columns/--filter/--sort.
 */
export const exportWhats = ['customers', 'orders'] as const;
export type ExportWhat = (typeof exportWhats)[number];

const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Comparisons of a column filter (CLI --filter col<op>value): equals, differs, ranges, contains. */
const filterOps = ['=', '!=', '>=', '<=', '>', '<', '~'] as const;

const filterConditionSchema = z.object({ column: z.string().min(1), op: z.enum(filterOps), value: z.string() }).strict();
export type FilterCondition = z.infer<typeof filterConditionSchema>;

const viewSpecSchema = z
  .object({
    /** Column ids in display order; absent or empty: every column. */
    columns: z.array(z.string().min(1)).optional(),
    sort: z.array(z.object({ column: z.string().min(1), dir: z.enum(['asc', 'desc']) }).strict()).optional(),
    /** Grid quick-filter text: every word must appear in some exported column. */
    quickFilter: z.string().optional(),
    /** Column id → text the column must contain (case-insensitive). */
    filter: z.record(z.string(), z.string()).optional(),
    /**
     * Column conditions, all of which must hold. Numbers compare as numbers
     * (money in yuan), dates as YYYY-MM-DD, text case-insensitively; a coded
     * column (status, kind, tier) matches its code or its label in either language.
     */
    conditions: z.array(filterConditionSchema).optional(),
    /** Only these records (a selection or an id filter of the grid). */
    ids: z.array(z.number().int().positive()).nullable().optional(),
  })
  .strict();
export type ViewSpec = z.infer<typeof viewSpecSchema>;

export const exportRequestSchema = z
  .object({
    what: z.enum(exportWhats),
    format: z.enum(exportFormats),
    view: viewSpecSchema.default({}),
    language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .strict();
export type ExportRequest = z.input<typeof exportRequestSchema>;

export const exportResultSchema = z.object({ path: z.string(), rows: z.number().int(), cancelled: z.boolean() });
export type ExportResult = z.infer<typeof exportResultSchema>;

type ColumnKind = 'text' | 'int' | 'money' | 'date';

export interface ExportColumnDef {
  id: string;
  kind: ColumnKind;
  /**
   * Computed by Patron (segmentation, warnings, loyalty), never imported: written
   * when a view asks for it, left out of "every column", and its headers are never
   * auto-matched by the import (an exported view imports back without them).
   */
  derived?: true;
}

export const customerExportColumns: ExportColumnDef[] = [
  { id: 'code', kind: 'text' },
  { id: 'name', kind: 'text' },
  { id: 'kind', kind: 'text' },
  { id: 'industry', kind: 'text' },
  { id: 'region', kind: 'text' },
  { id: 'source', kind: 'text' },
  { id: 'ownerName', kind: 'text' },
  { id: 'cooperationStart', kind: 'date' },
  { id: 'status', kind: 'text' },
  { id: 'tierOverride', kind: 'text' },
  { id: 'contactName', kind: 'text' },
  { id: 'contactTitle', kind: 'text' },
  { id: 'contactPhone', kind: 'text' },
  { id: 'tags', kind: 'text' },
  { id: 'orderCount', kind: 'int' },
  { id: 'totalCents', kind: 'money' },
  { id: 'lastOrderDate', kind: 'date' },
  // The grid's computed columns, with the grid's headers (the tier override above keeps 客户层级, which the import reads).
  { id: 'effectiveTier', kind: 'text', derived: true },
  { id: 'quadrant', kind: 'text', derived: true },
  { id: 'lifecycle', kind: 'text', derived: true },
  { id: 'predictedCents', kind: 'money', derived: true },
  { id: 'openWarnings', kind: 'int', derived: true },
  { id: 'loyaltyLevel', kind: 'text', derived: true },
  { id: 'pointsBalance', kind: 'int', derived: true },
  { id: 'referralCount', kind: 'int', derived: true },
];

const orderExportColumns: ExportColumnDef[] = [
  { id: 'orderNo', kind: 'text' },
  { id: 'customerCode', kind: 'text' },
  { id: 'customerName', kind: 'text' },
  { id: 'orderDate', kind: 'date' },
  { id: 'amountCents', kind: 'money' },
  { id: 'quantity', kind: 'int' },
  { id: 'items', kind: 'text' },
  { id: 'category', kind: 'text' },
  { id: 'channel', kind: 'text' },
];

/** An export column's header in a language (catalogue section `exportSheet`). */
export function exportHeader(what: ExportWhat, column: string, language: Language): string {
  return tDynamic(translator(language), `exportSheet.${what}.${column}`);
}

/** The sheet's name in a language. */
export function exportSheetName(what: ExportWhat, language: Language): string {
  return tDynamic(translator(language), `exportSheet.sheets.${what}`);
}

/** Headers of computed columns in both languages: the import never auto-matches them. */
export const derivedExportHeaders: ReadonlySet<string> = new Set(customerExportColumns.filter((c) => c.derived).flatMap((c) => languages.map((l) => exportHeader('customers', c.id, l))));

export const exportColumns: Record<ExportWhat, ExportColumnDef[]> = { customers: customerExportColumns, orders: orderExportColumns };
