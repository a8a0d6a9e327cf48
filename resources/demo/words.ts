/**
 * Seed vocabulary of the demo-data generator. Plain data only: the generator
 * decides frequencies. Chinese entries that end up in e-mail addresses carry
 * their pinyin, so addresses look like the names they belong to.
 */

/** [surname, pinyin] — roughly the 65 most common Chinese surnames. */
export const CN_SURNAMES = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'],
  ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'],
  ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'], ['韦', 'wei'],
] as const;

/** [character, pinyin] used for one- and two-character given names. */
export const CN_GIVEN_CHARS = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['英', 'ying'], ['华', 'hua'], ['建', 'jian'],
  ['文', 'wen'], ['辉', 'hui'], ['玲', 'ling'], ['鹏', 'peng'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'], ['婷', 'ting'],
  ['雪', 'xue'], ['慧', 'hui'], ['琳', 'lin'], ['晨', 'chen'], ['欣', 'xin'], ['怡', 'yi'], ['佳', 'jia'], ['思', 'si'],
  ['子', 'zi'], ['梓', 'zi'], ['涵', 'han'], ['博', 'bo'], ['俊', 'jun'], ['峰', 'feng'], ['志', 'zhi'], ['国', 'guo'],
  ['海', 'hai'], ['东', 'dong'], ['亮', 'liang'], ['斌', 'bin'], ['晓', 'xiao'], ['红', 'hong'], ['春', 'chun'], ['燕', 'yan'],
  ['萍', 'ping'], ['颖', 'ying'], ['倩', 'qian'], ['嘉', 'jia'], ['睿', 'rui'], ['轩', 'xuan'], ['泽', 'ze'], ['然', 'ran'],
  ['昊', 'hao'], ['宁', 'ning'], ['越', 'yue'], ['瑶', 'yao'], ['晶', 'jing'], ['雨', 'yu'], ['欢', 'huan'], ['立', 'li'],
] as const;

export const EN_FIRST_NAMES = [
  'James', 'John', 'Robert', 'Michael', 'David', 'William', 'Richard', 'Thomas', 'Daniel', 'Matthew', 'Andrew', 'Kevin',
  'Brian', 'George', 'Peter', 'Jason', 'Ryan', 'Eric', 'Steven', 'Mark', 'Mary', 'Linda', 'Susan', 'Karen', 'Lisa',
  'Nancy', 'Emily', 'Emma', 'Olivia', 'Sophia', 'Grace', 'Chloe', 'Hannah', 'Anna', 'Rachel', 'Laura', 'Amy', 'Helen',
  'Sarah', 'Jessica',
] as const;

export const EN_LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
  'Martin', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright',
  'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell',
  'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart',
] as const;

export const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'] as const;
export type RegionName = (typeof REGIONS)[number];

/** [city, region, telephone area code]. Weighted towards the coast, where most small exporters sit. */
export const CITIES = [
  ['上海', '华东', '021'], ['南京', '华东', '025'], ['杭州', '华东', '0571'], ['苏州', '华东', '0512'], ['宁波', '华东', '0574'],
  ['合肥', '华东', '0551'], ['福州', '华东', '0591'], ['厦门', '华东', '0592'], ['济南', '华东', '0531'], ['青岛', '华东', '0532'],
  ['无锡', '华东', '0510'], ['温州', '华东', '0577'], ['南昌', '华东', '0791'],
  ['广州', '华南', '020'], ['深圳', '华南', '0755'], ['东莞', '华南', '0769'], ['佛山', '华南', '0757'], ['南宁', '华南', '0771'],
  ['海口', '华南', '0898'], ['珠海', '华南', '0756'],
  ['北京', '华北', '010'], ['天津', '华北', '022'], ['石家庄', '华北', '0311'], ['太原', '华北', '0351'], ['呼和浩特', '华北', '0471'],
  ['保定', '华北', '0312'],
  ['武汉', '华中', '027'], ['长沙', '华中', '0731'], ['郑州', '华中', '0371'], ['洛阳', '华中', '0379'],
  ['成都', '西南', '028'], ['重庆', '西南', '023'], ['昆明', '西南', '0871'], ['贵阳', '西南', '0851'],
  ['西安', '西北', '029'], ['兰州', '西北', '0931'], ['乌鲁木齐', '西北', '0991'], ['银川', '西北', '0951'],
  ['沈阳', '东北', '024'], ['大连', '东北', '0411'], ['长春', '东北', '0431'], ['哈尔滨', '东北', '0451'],
] as const satisfies readonly (readonly [string, RegionName, string])[];

export const STREETS = [
  '人民路', '解放路', '中山路', '建设路', '和平路', '新华路', '长江路', '黄河路', '科技路', '创业路', '工业大道', '滨江大道',
  '环城东路', '学府路', '文化路', '迎宾大道', '振兴路', '光明路', '青年路', '湖滨路',
] as const;

/** First and second syllables of a company's trade name (字号): 40 × 40 = 1,600 brands. [character, pinyin]. */
export const BRAND_FIRST = [
  ['华', 'hua'], ['鑫', 'xin'], ['盛', 'sheng'], ['达', 'da'], ['恒', 'heng'], ['泰', 'tai'], ['宏', 'hong'], ['瑞', 'rui'],
  ['祥', 'xiang'], ['隆', 'long'], ['丰', 'feng'], ['源', 'yuan'], ['金', 'jin'], ['信', 'xin'], ['和', 'he'], ['安', 'an'],
  ['新', 'xin'], ['嘉', 'jia'], ['润', 'run'], ['诚', 'cheng'], ['汇', 'hui'], ['博', 'bo'], ['创', 'chuang'], ['远', 'yuan'],
  ['宇', 'yu'], ['天', 'tian'], ['中', 'zhong'], ['永', 'yong'], ['康', 'kang'], ['荣', 'rong'], ['凯', 'kai'], ['兴', 'xing'],
  ['正', 'zheng'], ['佳', 'jia'], ['明', 'ming'], ['弘', 'hong'], ['卓', 'zhuo'], ['腾', 'teng'], ['锦', 'jin'], ['启', 'qi'],
] as const;

export const BRAND_SECOND = [
  ['邦', 'bang'], ['联', 'lian'], ['通', 'tong'], ['辰', 'chen'], ['元', 'yuan'], ['海', 'hai'], ['峰', 'feng'], ['科', 'ke'],
  ['德', 'de'], ['力', 'li'], ['业', 'ye'], ['顺', 'shun'], ['宝', 'bao'], ['发', 'fa'], ['茂', 'mao'], ['昌', 'chang'],
  ['晟', 'sheng'], ['鼎', 'ding'], ['誉', 'yu'], ['川', 'chuan'], ['航', 'hang'], ['晨', 'chen'], ['益', 'yi'], ['佑', 'you'],
  ['森', 'sen'], ['星', 'xing'], ['阳', 'yang'], ['光', 'guang'], ['禾', 'he'], ['峻', 'jun'], ['纳', 'na'], ['驰', 'chi'],
  ['迈', 'mai'], ['途', 'tu'], ['悦', 'yue'], ['智', 'zhi'], ['优', 'you'], ['美', 'mei'], ['立', 'li'], ['合', 'he'],
] as const;

/** [industry, word used inside a Chinese company name, English company word]. */
export const INDUSTRIES = [
  ['制造业', '机械制造', 'Manufacturing'],
  ['零售', '商贸', 'Retail'],
  ['餐饮', '餐饮管理', 'Catering'],
  ['教育培训', '教育科技', 'Education'],
  ['医疗健康', '医疗器械', 'Healthcare'],
  ['信息技术', '信息技术', 'Technology'],
  ['物流运输', '供应链管理', 'Logistics'],
  ['建筑工程', '建设工程', 'Engineering'],
  ['金融服务', '投资咨询', 'Capital'],
  ['文化传媒', '文化传媒', 'Media'],
  ['农业', '农业科技', 'Agritech'],
  ['电子商务', '电子商务', 'E-Commerce'],
] as const;

/** Used after "city + brand + industry word". */
export const CN_INDUSTRY_SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司'] as const;
/** Used directly after "city + brand", without an industry word. */
export const CN_COMPANY_SUFFIXES = ['贸易有限公司', '科技有限公司', '实业有限公司', '商贸有限公司', '集团有限公司', '电子有限公司'] as const;

export const EN_COMPANY_WORDS = [
  'Pacific', 'Golden', 'Bright', 'Summit', 'Evergreen', 'Horizon', 'Silverline', 'Orient', 'Bluewave', 'Northstar',
  'Sunrise', 'Crown', 'Unity', 'Jade', 'Phoenix', 'Harbor', 'Keystone', 'Liberty', 'Pioneer', 'Vista',
] as const;
export const EN_COMPANY_SUFFIXES = ['Co., Ltd.', 'Trading Co., Ltd.', 'Ltd.', 'Inc.', 'International Ltd.', 'Group Ltd.'] as const;

export const CUSTOMER_SOURCES = ['转介绍', '展会', '官网', '电话营销', '老客户推荐', '门店', '线上广告'] as const;

/** The first title is the one a company's primary contact most often holds. */
export const CONTACT_TITLES = [
  '总经理', '采购经理', '副总经理', '财务总监', '技术负责人', '行政主管', '运营经理', '采购专员', '市场总监', '项目经理',
] as const;

export const NEED_TAGS = [
  '价格敏感', '质量优先', '交期要求高', '定制化需求', '售后服务', '技术支持', '批量采购', '账期需求', '需要发票', '环保要求',
  '品牌偏好', '会员优惠',
] as const;

/** [category, typical items]: an order's `items` text names one of them. */
export const PRODUCT_CATEGORIES = [
  ['办公用品', ['A4复印纸', '中性笔套装', '文件柜', '打印机硒鼓', '办公桌椅']],
  ['电子产品', ['笔记本电脑', '显示器', '无线路由器', '投影仪', '移动硬盘']],
  ['工业配件', ['轴承', '液压阀', '不锈钢紧固件', '传感器', '变频器']],
  ['包装材料', ['瓦楞纸箱', '缠绕膜', '气泡袋', '封箱胶带', '木托盘']],
  ['食品饮料', ['茶叶礼盒', '矿泉水', '坚果礼盒', '咖啡豆', '月饼礼盒']],
  ['日用百货', ['洗护套装', '纸巾', '保温杯', '收纳箱', '床上用品']],
  ['服装鞋帽', ['工作服', '运动鞋', '羽绒服', 'T恤衫', '冲锋衣']],
  ['家具家居', ['办公椅', '沙发', '书柜', '餐桌', '灯具']],
  ['软件服务', ['ERP年费', '云服务器', '网站维护', '财务软件', '数据备份服务']],
  ['维修保养', ['设备保养', '空调清洗', '上门维修', '耗材更换', '年度巡检']],
] as const;

export const ORDER_CHANNELS = ['销售代表', '电话订购', '线上商城', '门店', '微信小程序'] as const;

/**
 * Interaction summaries per channel (the channel values of the schema's CHECK).
 * `{c}` is replaced with a product category.
 */
export const INTERACTION_TEMPLATES = {
  phone: ['电话回访，了解{c}使用情况', '电话沟通下季度{c}采购计划', '客户来电咨询{c}价格', '电话确认订单交期', '电话提醒对账及付款', '电话邀约参加新品发布会'],
  email: ['发送{c}最新报价单', '邮件确认合同条款', '发送产品目录及{c}样品说明', '邮件回复技术问题', '发送季度对账单'],
  visit: ['上门拜访，介绍{c}新品', '拜访采购负责人，洽谈年度框架协议', '现场了解需求，讨论{c}定制方案', '陪同技术人员上门处理问题'],
  wechat: ['微信沟通{c}到货时间', '微信发送促销活动信息', '微信回复客户关于{c}的咨询', '微信提醒会员积分即将到期', '节日问候并介绍{c}优惠'],
  store: ['客户到店选购{c}', '到店咨询售后服务', '门店活动现场沟通', '到店试用{c}新品'],
  other: ['展会上交流{c}需求', '行业沙龙见面', '客户介绍新客户', '参加客户年会'],
} as const;

export const COMPLAINT_CATEGORIES = ['产品质量', '物流配送', '售后服务', '账单错误', '服务态度'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_DESCRIPTIONS: Record<ComplaintCategory, readonly string[]> = {
  产品质量: ['收到的货物有明显划痕', '产品使用一周后出现故障', '部分产品规格与合同不符', '批次质量不稳定，次品率偏高'],
  物流配送: ['到货比约定时间晚了一周', '外包装破损，货物受潮', '配送少发了两件', '送货地址错误导致延误'],
  售后服务: ['报修三天无人上门', '退换货流程太慢', '维修后问题依旧存在', '客服电话长时间无人接听'],
  账单错误: ['发票金额与订单不一致', '重复扣款', '优惠未按约定执行', '对账单漏记一笔退款'],
  服务态度: ['业务员回复不及时', '客服态度生硬', '上门人员未按约定时间到达', '沟通中承诺的事项未落实'],
};

export const COMPLAINT_RESOLUTIONS = [
  '已补发货物并致歉', '已安排退换货', '已上门维修并确认正常', '已更正发票并重新开具', '已退还多收款项',
  '已给予下次订单折扣补偿', '已与客户沟通并改进流程', '已更换配送供应商',
] as const;

export const CUSTOMER_NOTES = [
  '年度框架合作客户，每季度对账', '对价格较敏感，报价需提前沟通', '需开具增值税专用发票', '节假日前备货需求大',
  '决策人常出差，优先微信联系', '曾因交期问题投诉，需重点关注', '有意扩大合作范围', '付款及时，信用良好',
] as const;

/** [name, pinyin, role]: six sales representatives, one manager, one service agent. */
export const STAFF = [
  ['王芳', 'wangfang', 'sales'], ['李强', 'liqiang', 'sales'], ['张伟', 'zhangwei', 'sales'], ['刘洋', 'liuyang', 'sales'],
  ['陈静', 'chenjing', 'sales'], ['杨帆', 'yangfan', 'sales'], ['赵敏', 'zhaomin', 'manager'], ['孙丽', 'sunli', 'service'],
] as const;

export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '180', '181', '182', '183', '185', '186', '187', '188', '189',
] as const;

export const CN_MAIL_DOMAINS = ['163.com', '126.com', 'qq.com', 'sina.com', 'foxmail.com'] as const;
export const EN_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com'] as const;
