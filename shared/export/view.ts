import { z } from 'zod';
import type { LifecycleStage } from '../analytics/lifecycle';
import type { Quadrant } from '../analytics/quadrant';
import type { Tier } from '../domain/enums';
import type { LoyaltyLevel } from '../domain/loyalty';

/**
 * What an export writes: which records, which columns in which order, how they
 * are filtered and sorted. The grid passes its live state; the CLI builds one
 * from --columns/--filter/--sort.
 */
export const exportWhats = ['customers', 'orders'] as const;
export type ExportWhat = (typeof exportWhats)[number];

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Comparisons of a column filter (CLI --filter col<op>value): equals, differs, ranges, contains. */
export const filterOps = ['=', '!=', '>=', '<=', '>', '<', '~'] as const;
export type FilterOp = (typeof filterOps)[number];

export const filterConditionSchema = z.object({ column: z.string().min(1), op: z.enum(filterOps), value: z.string() }).strict();
export type FilterCondition = z.infer<typeof filterConditionSchema>;

export const viewSpecSchema = z
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
     * column (status, kind, tier) matches its code or either label.
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

export type ColumnKind = 'text' | 'int' | 'money' | 'date';

export interface ExportColumnDef {
  id: string;
  kind: ColumnKind;
  zh: string;
  en: string;
  /**
   * Computed by Patron (segmentation, warnings, loyalty), never imported: written
   * when a view asks for it, left out of "every column", and its headers are never
   * auto-matched by the import (an exported view imports back without them).
   */
  derived?: true;
}

export const customerExportColumns: ExportColumnDef[] = [
  { id: 'code', kind: 'text', zh: '客户编号', en: 'Customer code' },
  { id: 'name', kind: 'text', zh: '客户名称', en: 'Customer name' },
  { id: 'kind', kind: 'text', zh: '客户类型', en: 'Kind' },
  { id: 'industry', kind: 'text', zh: '所属行业', en: 'Industry' },
  { id: 'region', kind: 'text', zh: '地区', en: 'Region' },
  { id: 'source', kind: 'text', zh: '客户来源', en: 'Source' },
  { id: 'ownerName', kind: 'text', zh: '负责人', en: 'Owner' },
  { id: 'cooperationStart', kind: 'date', zh: '合作开始时间', en: 'Cooperation start' },
  { id: 'status', kind: 'text', zh: '当前状态', en: 'Status' },
  { id: 'tierOverride', kind: 'text', zh: '客户层级', en: 'Tier' },
  { id: 'contactName', kind: 'text', zh: '联系人', en: 'Contact' },
  { id: 'contactTitle', kind: 'text', zh: '职务', en: 'Title' },
  { id: 'contactPhone', kind: 'text', zh: '电话', en: 'Phone' },
  { id: 'tags', kind: 'text', zh: '核心需求标签', en: 'Need tags' },
  { id: 'orderCount', kind: 'int', zh: '订单数', en: 'Orders' },
  { id: 'totalCents', kind: 'money', zh: '历史合作总额', en: 'Total amount' },
  { id: 'lastOrderDate', kind: 'date', zh: '最近合作时间', en: 'Last order date' },
  // The grid's computed columns, with the grid's headers (the tier override above keeps 客户层级, which the import reads).
  { id: 'effectiveTier', kind: 'text', zh: '计算层级', en: 'Computed tier', derived: true },
  { id: 'quadrant', kind: 'text', zh: '价值–潜力象限', en: 'Value–potential', derived: true },
  { id: 'lifecycle', kind: 'text', zh: '生命周期', en: 'Lifecycle', derived: true },
  { id: 'predictedCents', kind: 'money', zh: '预测价值（12 个月）', en: 'Predicted, 12 mo', derived: true },
  { id: 'openWarnings', kind: 'int', zh: '预警', en: 'Warnings', derived: true },
  { id: 'loyaltyLevel', kind: 'text', zh: '会员等级', en: 'Member level', derived: true },
  { id: 'pointsBalance', kind: 'int', zh: '积分余额', en: 'Points', derived: true },
  { id: 'referralCount', kind: 'int', zh: '推荐人数', en: 'Referrals', derived: true },
];

export const orderExportColumns: ExportColumnDef[] = [
  { id: 'orderNo', kind: 'text', zh: '订单号', en: 'Order no' },
  { id: 'customerCode', kind: 'text', zh: '客户编号', en: 'Customer code' },
  { id: 'customerName', kind: 'text', zh: '客户名称', en: 'Customer name' },
  { id: 'orderDate', kind: 'date', zh: '订单日期', en: 'Order date' },
  { id: 'amountCents', kind: 'money', zh: '金额', en: 'Amount' },
  { id: 'quantity', kind: 'int', zh: '数量', en: 'Quantity' },
  { id: 'items', kind: 'text', zh: '商品', en: 'Items' },
  { id: 'category', kind: 'text', zh: '品类', en: 'Category' },
  { id: 'channel', kind: 'text', zh: '渠道', en: 'Channel' },
];

type Label = { zh: string; en: string };
const tierLabels = {
  high: { zh: '高价值', en: 'High value' },
  regular: { zh: '普通', en: 'Regular' },
  potential: { zh: '潜在/流失风险', en: 'Potential / at risk' },
} satisfies Record<Tier, Label>;

/**
 * Stored codes of closed vocabularies, written as words a manager reads. The
 * import accepts these same words, so an exported sheet imports back unchanged.
 */
export const exportValueLabels: Record<string, Record<string, Label>> = {
  kind: { company: { zh: '公司', en: 'Company' }, person: { zh: '个人', en: 'Person' } },
  status: {
    prospect: { zh: '潜在', en: 'Prospect' },
    active: { zh: '合作中', en: 'Active' },
    dormant: { zh: '休眠', en: 'Dormant' },
    lost: { zh: '流失', en: 'Lost' },
  },
  tierOverride: tierLabels,
  effectiveTier: tierLabels,
  // As the grid shows them (renderer/src/i18n/segmentLabels.ts): value · potential.
  quadrant: {
    'high-high': { zh: '高价值 · 高潜力', en: 'High value · High potential' },
    'high-low': { zh: '高价值 · 低潜力', en: 'High value · Low potential' },
    'low-high': { zh: '低价值 · 高潜力', en: 'Low value · High potential' },
    'low-low': { zh: '低价值 · 低潜力', en: 'Low value · Low potential' },
  } satisfies Record<Quadrant, Label>,
  lifecycle: {
    acquisition: { zh: '获客期', en: 'Acquisition' },
    growth: { zh: '成长期', en: 'Growth' },
    maturity: { zh: '成熟期', en: 'Maturity' },
    decline: { zh: '衰退期', en: 'Decline' },
  } satisfies Record<LifecycleStage, Label>,
  loyaltyLevel: {
    basic: { zh: '普通会员', en: 'Basic' },
    silver: { zh: '银卡会员', en: 'Silver' },
    gold: { zh: '金卡会员', en: 'Gold' },
    diamond: { zh: '钻石会员', en: 'Diamond' },
  } satisfies Record<LoyaltyLevel, Label>,
};

/** Headers of computed columns in both languages: the import never auto-matches them. */
export const derivedExportHeaders: ReadonlySet<string> = new Set(customerExportColumns.filter((c) => c.derived).flatMap((c) => [c.zh, c.en]));

export const exportColumns: Record<ExportWhat, ExportColumnDef[]> = { customers: customerExportColumns, orders: orderExportColumns };
export const exportSheetNames: Record<ExportWhat, { zh: string; en: string }> = {
  customers: { zh: '客户档案', en: 'Customers' },
  orders: { zh: '订单', en: 'Orders' },
};
