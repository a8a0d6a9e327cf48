/**
 * Chinese (Simplified) UI text. This file is the source of the message shape:
 * `Messages` is derived from it and the English resource must match it key for key.
 */
export const zhCN = {
  app: {
    name: 'Patron',
    tagline: '离线客户管理',
    starting: '正在启动…',
    startFailed: 'Patron 无法启动',
    retry: '重试',
    saveLanguageFailed: '语言设置未能保存',
    pageFailed: '此页面出现问题',
  },
  nav: {
    label: '主导航',
    customers: '客户',
    segments: '客户分层',
    warnings: '流失预警',
    complaints: '客诉',
    visits: '拜访计划',
    surveys: '满意度调研',
    reports: '报表',
    settings: '设置',
  },
  language: {
    label: '界面语言',
    'zh-CN': '中文',
    en: 'English',
  },
  placeholder: {
    heading: '这部分还没有建好',
    intro: '这部分正在开发中。完成后，它将：',
    segments: '用 RFM 模型（最近购买、购买频次、消费金额）把客户分为高价值、普通、潜在或流失风险三层，划分价值—潜力四象限和生命周期阶段，并预测每位客户的终身价值。',
    warnings: '每天找出需要跟进的客户：90 天没有下单也没有联系、投诉未解决、差评、订单连续两个月下降 30% 以上，并要求负责人在 24 小时内跟进。',
    complaints: '登记客户投诉，按严重程度计时：24 小时内首次响应，48–72 小时内解决；逾期和即将到期的一目了然。',
    visits: '按客户分层的模板生成拜访计划，打印拜访单，记录每次拜访是否完成、结果和下一步。',
    surveys: '打印满意度调查表（5 分制评分和 NPS），回收后快速录入，统计 CSAT 与 NPS；低于 3.5 分自动启动改进计划。',
    reports: '留存率、流失率、复购率、满意度、投诉率等指标对照目标，按月查看趋势，并导出为 Excel 交给管理层。',
  },
  customers: {
    title: '客户档案',
    countLabel: '客户总数',
    searchPlaceholder: '搜索客户…',
    searchLabel: '搜索客户',
    shown: '显示 {{shown}} / {{total}}',
    clearIdFilter: '清除此筛选',
    loading: '正在加载客户…',
    refreshing: '正在刷新…',
    loadFailed: '客户列表加载失败',
    retry: '重试',
    columns: {
      code: '编号',
      name: '客户名称',
      kind: '类型',
      industry: '行业',
      region: '地区',
      owner: '负责人',
      years: '合作年限',
      contact: '主要联系人',
      tags: '需求标签',
      total: '累计金额',
      orderCount: '订单数',
      lastOrderDate: '最近下单',
      tierOverride: '手动分层',
      status: '状态',
    },
    kind: {
      company: '公司',
      person: '个人',
    },
    status: {
      prospect: '潜在',
      active: '合作中',
      dormant: '休眠',
      lost: '流失',
    },
    tier: {
      high: '高价值',
      regular: '普通',
      potential: '潜在/流失风险',
    },
    contactSeparator: ' · ',
    tagSeparator: '、',
  },
  settings: {
    title: '设置',
    languageHeading: '语言',
    languageHint: '切换后立即生效，并在下次启动时保留。',
    databaseHeading: '数据库',
    loading: '正在读取数据库信息…',
    loadFailed: '数据库信息读取失败',
    retry: '重试',
    dbPath: '数据库文件',
    schemaVersion: '结构版本',
    fileSize: '文件大小',
    appVersion: '应用版本',
    countsHeading: '各表行数',
    table: '数据表',
    rows: '行数',
    tables: {
      customers: '客户',
      contacts: '联系人',
      tags: '需求标签',
      orders: '订单',
      interactions: '互动记录',
      complaints: '客诉',
      staff: '员工',
      audit_log: '修改记录',
    },
    bytes: '{{value}} 字节',
    kib: '{{value}} KB',
    mib: '{{value}} MB',
    gib: '{{value}} GB',
  },
  // — Backups, restore and integrity —
  // — Import and export —
  // — Customer profiles: editing, views, duplicates, audit —
  // — Segmentation and lifetime value —
};

/** Every UI string, as nested objects of strings. Leaves widen to `string`, so both languages share one type. */
export type Messages = typeof zhCN;
