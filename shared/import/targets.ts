import { z } from 'zod';
import { textLimits } from '../domain/valueRules';
import { derivedExportHeaders } from '../export/view';

/**
 * What can be imported and which fields each target takes, with the headers
 * Chinese and English spreadsheets use for them (auto-matching in the wizard).
 */
export const importTargets = ['customers', 'contacts', 'orders', 'interactions', 'complaints'] as const;
export type ImportTarget = (typeof importTargets)[number];

type FieldKind = 'text' | 'date' | 'amount' | 'int' | 'tags' | 'phone' | 'email' | 'enum' | 'contact' | 'years' | 'bool';

export interface FieldDef {
  id: string;
  kind: FieldKind;
  required?: boolean;
  /** Header spellings (compared after normaliseHeader), Chinese first. */
  aliases: string[];
  /** For 'enum': accepted spellings of each stored value. */
  values?: Record<string, string[]>;
  /** For 'text': the longest value, in characters (textLimits.short when not given). */
  max?: number;
}

const customerRef: FieldDef = { id: 'customer', kind: 'text', max: textLimits.name, required: true, aliases: ['客户编号', '客户代码', '客户名称', '客户', '公司名称', 'customer code', 'customer', 'customer name', 'customer id'] };

const statusValues = {
  prospect: ['prospect', '潜在', '意向', '潜在客户'],
  active: ['active', '活跃', '合作中', '正常', '在合作'],
  dormant: ['dormant', '沉睡', '休眠', '暂停'],
  lost: ['lost', '流失', '已流失', '终止'],
};
const tierValues = {
  high: ['high', 'high value', 'high-value', '高价值', '高', 'a', 'a类', '重点'],
  regular: ['regular', '普通', '一般', 'b', 'b类', '中'],
  potential: ['potential', 'at risk', 'at-risk', 'potential / at risk', '潜在', '流失风险', '潜在/流失风险', 'c', 'c类', '低'],
};
const channelValues = {
  phone: ['phone', 'call', '电话', '电话沟通'],
  email: ['email', 'e-mail', 'mail', '邮件', '电子邮件'],
  visit: ['visit', 'meeting', '拜访', '上门', '面谈', '走访'],
  wechat: ['wechat', 'weixin', '微信'],
  store: ['store', 'shop', '门店', '到店'],
  other: ['other', '其他'],
};

export const targetFields: Record<ImportTarget, FieldDef[]> = {
  customers: [
    { id: 'code', kind: 'text', max: textLimits.code, aliases: ['客户编号', '客户代码', '编号', 'code', 'customer code', 'customer id', 'id'] },
    { id: 'name', kind: 'text', max: textLimits.name, required: true, aliases: ['客户名称', '客户', '公司名称', '名称', '姓名', 'customer name', 'name', 'company', 'company name', 'customer'] },
    { id: 'kind', kind: 'enum', aliases: ['客户类型', '类型', 'kind', 'type', 'customer type'], values: { company: ['company', '企业', '公司', 'b', 'tob', '单位'], person: ['person', '个人', 'c', 'toc', 'individual'] } },
    { id: 'industry', kind: 'text', aliases: ['所属行业', '行业', 'industry', 'sector'] },
    { id: 'region', kind: 'text', aliases: ['地区', '区域', '所在地区', '城市', 'region', 'city', 'area'] },
    { id: 'source', kind: 'text', aliases: ['客户来源', '来源', 'source', 'lead source'] },
    { id: 'owner', kind: 'text', aliases: ['负责人', '客户经理', '所属销售', '销售', 'owner', 'account manager', 'sales rep'] },
    { id: 'cooperationStart', kind: 'date', aliases: ['合作开始时间', '合作开始日期', '首次合作时间', '开始合作时间', 'cooperation start', 'customer since', 'since'] },
    { id: 'cooperationYears', kind: 'years', aliases: ['合作年限', '合作年数', 'years of cooperation', 'years', 'tenure'] },
    { id: 'status', kind: 'enum', aliases: ['当前状态', '状态', '客户状态', 'status'], values: statusValues },
    { id: 'tier', kind: 'enum', aliases: ['客户层级', '层级', '客户等级', '等级', 'tier', 'level', 'segment'], values: tierValues },
    { id: 'phone', kind: 'phone', aliases: ['电话', '联系电话', '手机', '手机号', 'phone', 'telephone', 'mobile', 'tel'] },
    { id: 'email', kind: 'email', aliases: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', 'mail'] },
    { id: 'address', kind: 'text', max: textLimits.address, aliases: ['地址', '联系地址', '公司地址', 'address'] },
    { id: 'notes', kind: 'text', max: textLimits.notes, aliases: ['备注', '说明', 'notes', 'note', 'remarks', 'comments'] },
    { id: 'tags', kind: 'tags', aliases: ['核心需求标签', '需求标签', '标签', 'tags', 'need tags', 'needs'] },
    { id: 'contact', kind: 'contact', aliases: ['联系人及职务', '联系人', '主要联系人', 'contact', 'contact person', 'primary contact'] },
    { id: 'historyTotal', kind: 'amount', aliases: ['历史合作总额', '合作总额', '累计金额', '历史成交额', 'total amount', 'historical total', 'lifetime revenue'] },
    { id: 'lastCooperation', kind: 'date', aliases: ['最近合作时间', '最近合作日期', '最后合作时间', '最近成交日期', 'last order date', 'last cooperation', 'last purchase'] },
  ],
  contacts: [
    customerRef,
    { id: 'name', kind: 'text', max: textLimits.short, required: true, aliases: ['联系人', '联系人姓名', '姓名', 'contact', 'contact name', 'name'] },
    { id: 'title', kind: 'text', aliases: ['职务', '职位', 'title', 'position', 'job title'] },
    { id: 'phone', kind: 'phone', aliases: ['电话', '手机', '联系电话', 'phone', 'mobile'] },
    { id: 'email', kind: 'email', aliases: ['邮箱', '电子邮件', 'email', 'e-mail'] },
    { id: 'wechat', kind: 'text', aliases: ['微信', '微信号', 'wechat'] },
    { id: 'birthday', kind: 'date', aliases: ['生日', '出生日期', 'birthday', 'date of birth'] },
    { id: 'isPrimary', kind: 'bool', aliases: ['主要联系人', '是否主要联系人', 'primary', 'is primary'] },
  ],
  orders: [
    customerRef,
    { id: 'orderNo', kind: 'text', max: textLimits.orderNo, aliases: ['订单号', '订单编号', '单号', 'order no', 'order number', 'order id'] },
    { id: 'orderDate', kind: 'date', required: true, aliases: ['订单日期', '下单日期', '成交日期', '日期', 'order date', 'date'] },
    { id: 'amount', kind: 'amount', required: true, aliases: ['金额', '订单金额', '成交金额', '总金额', 'amount', 'total', 'order amount', 'value'] },
    { id: 'quantity', kind: 'int', aliases: ['数量', '件数', 'quantity', 'qty'] },
    { id: 'items', kind: 'text', max: textLimits.text, aliases: ['商品', '产品', '明细', 'items', 'products', 'product'] },
    { id: 'category', kind: 'text', aliases: ['品类', '产品类别', '类别', 'category', 'product category'] },
    { id: 'channel', kind: 'text', aliases: ['渠道', '销售渠道', 'channel', 'sales channel'] },
  ],
  interactions: [
    customerRef,
    { id: 'occurredAt', kind: 'date', required: true, aliases: ['日期', '互动日期', '沟通日期', '时间', 'date', 'occurred at', 'when'] },
    { id: 'channel', kind: 'enum', required: true, aliases: ['方式', '渠道', '沟通方式', 'channel', 'type'], values: channelValues },
    { id: 'summary', kind: 'text', max: textLimits.text, aliases: ['内容', '摘要', '沟通内容', 'summary', 'notes'] },
    { id: 'staff', kind: 'text', aliases: ['负责人', '员工', '跟进人', 'staff', 'owner'] },
    { id: 'nextFollowUp', kind: 'date', aliases: ['下次跟进', '下次跟进日期', 'next follow-up', 'next follow up'] },
  ],
  complaints: [
    customerRef,
    { id: 'openedAt', kind: 'date', required: true, aliases: ['投诉日期', '日期', '受理日期', 'opened', 'opened at', 'date'] },
    { id: 'channel', kind: 'text', aliases: ['渠道', '来源', 'channel'] },
    { id: 'category', kind: 'text', aliases: ['类别', '投诉类别', '问题类型', 'category'] },
    { id: 'severity', kind: 'enum', aliases: ['严重程度', '级别', '等级', 'severity', 'priority'], values: { low: ['low', '低', '轻微'], medium: ['medium', '中', '一般'], high: ['high', '高', '严重'], critical: ['critical', '紧急', '特急', '非常严重'] } },
    { id: 'description', kind: 'text', max: textLimits.text, aliases: ['描述', '投诉内容', '内容', 'description', 'details'] },
    { id: 'staff', kind: 'text', aliases: ['负责人', '处理人', 'staff', 'owner'] },
    { id: 'firstResponseAt', kind: 'date', aliases: ['首次响应', '首次响应时间', 'first response'] },
    { id: 'resolvedAt', kind: 'date', aliases: ['解决日期', '解决时间', 'resolved', 'resolved at'] },
    { id: 'resolution', kind: 'text', max: textLimits.text, aliases: ['处理结果', '解决方案', 'resolution'] },
    { id: 'satisfaction', kind: 'int', aliases: ['满意度', 'satisfaction', 'csat'] },
  ],
};

/** How existing customers are found: by code, phone, e-mail or normalised name. */
const matchKeys = ['code', 'phone', 'email', 'name'] as const;

/** Header text without unit suffixes, spacing or case: "历史合作总额(万元)" → "历史合作总额". */
function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_*:：]+/g, ' ')
    .trim();
}

/** A header in 万元 (or "(10k yuan)") means every amount in the column is in units of 10,000 yuan. */
export function headerUnit(header: string): number {
  return /万元|万|10k|ten thousand/i.test(header) ? 10000 : 1;
}

/** Field id → the header it reads from. Headers (not positions) so a saved mapping fits the next month's file. */
export const columnMappingSchema = z.record(z.string(), z.string());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Matches headers to fields: exact alias first, then an alias contained in the header. Each header is used once. */
export function autoMatch(headers: string[], target: ImportTarget): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  // Columns Patron computes (an exported view's tier, quadrant, points …) are never read back.
  const norm = headers.filter((h) => !derivedExportHeaders.has(h.trim())).map((h) => ({ h, n: normaliseHeader(h) }));
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of targetFields[target]) {
      if (mapping[field.id]) continue;
      for (const alias of field.aliases) {
        const a = normaliseHeader(alias);
        const hit = norm.find(({ h, n }) => !used.has(h) && n !== '' && (pass === 'exact' ? n === a : a.length >= 2 && n.includes(a)));
        if (hit) {
          mapping[field.id] = hit.h;
          used.add(hit.h);
          break;
        }
      }
    }
  }
  return mapping;
}

const dayOrderSchema = z.enum(['dmy', 'mdy']);

export const importOptionsSchema = z
  .object({
    encoding: z.string().min(1).optional(),
    sheet: z.string().min(1).optional(),
    /** Fields in year-last format read as day/month (dmy) or month/day (mdy); absent: detect, ask when ambiguous. */
    dayOrder: dayOrderSchema.optional(),
    matchBy: z.enum(matchKeys).default('code'),
    /** What to do with a row whose record already exists. */
    onExisting: z.enum(['update', 'skip']).default('update'),
    /** Bad rows: import nothing (default), or import the valid rows. */
    onErrors: z.enum(['abort', 'skip']).default('abort'),
  })
  .strict();
export type ImportOptions = z.output<typeof importOptionsSchema>;
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

/** A saved mapping file (`patron import --mapping M.json`): columns plus options. */
export const mappingFileSchema = z
  .object({
    columns: columnMappingSchema,
    options: importOptionsSchema.partial().optional(),
  })
  .strict();

const importErrorSchema = z.object({
  file: z.string(),
  row: z.number().int(),
  column: z.string(),
  /** English text for the CLI and the JSON report. */
  reason: z.string(),
  /** The same reason as a key and values, for the UI's own language. */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importReportSchema = z.object({
  target: z.enum(importTargets),
  file: z.string(),
  encoding: z.string().nullable(),
  sheet: z.string().nullable(),
  rows: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errorRows: z.number().int(),
  errors: z.array(importErrorSchema),
  /** Fields whose year-last dates read both ways; the user must choose a day order. */
  ambiguousDates: z.array(z.string()),
  /** Set when the rows were written. */
  batchId: z.number().int().nullable(),
  committed: z.boolean(),
  backupPath: z.string().nullable(),
  /** First planned rows for the preview: action and values. */
  sample: z.array(z.object({ row: z.number().int(), action: z.enum(['new', 'update', 'skip', 'error']), values: z.record(z.string(), z.string()) })),
});
export type ImportReport = z.infer<typeof importReportSchema>;
