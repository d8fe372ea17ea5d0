/**
 * Names the demo base data draws from: estates (小区), roads (街路巷) and village lanes of 张店区 as people
 * there would write them, and the shops, companies and associations found along them. Made up, in the
 * local style; none is meant to be a real business.
 */

/** 小区: old work-unit estates (宿舍), 1990s 小区 named after their road, newer 花园/家园/苑. */
export const estateNames = [
  '华光小区', '共青团路小区', '金晶花园', '联通路小区', '鲁泰花园', '丽景苑', '柳泉花园', '世纪花园', '盛世园', '百合花园',
  '江南豪庭', '紫园', '科技苑', '铁路宿舍', '陶瓷厂宿舍', '人民西路小区', '西二路小区', '杏园小区', '美林小区', '东方花园',
  '凯瑞花园', '颐景园', '海月花园', '华侨城小区', '金茂花园', '开元小区', '锦绣家园', '和平小区', '体育场小区', '湖田小区',
  '齐盛小区', '汇金花园', '祥瑞园', '御景园', '盛和小区', '中润华侨城', '华润小区', '昌国路小区', '新村西路小区', '西五路小区',
  '北京路小区', '上海路小区', '南京路小区', '银泰花园', '金城花园', '泰和园', '康乐小区', '幸福家园', '阳光花园', '碧水苑',
  '天润花园', '兴业小区', '化工宿舍', '纺织厂宿舍', '电业局宿舍', '二轻宿舍', '商业局宿舍', '机械厂宿舍', '雍景园', '翰林苑',
];

/**
 * Names other code (and its tests) already gives an estate of the demo community: the seed keeps clear
 * of them, so that a building added there later does not land in, or clash with, a seeded estate.
 */
export const reservedEstateNames = new Set(['新华小区', '翠竹苑', '翠竹苑东区']);

/** Roads of 张店区's centre and towns, for the shops along them. */
export const roadNames = [
  '柳泉路', '共青团路', '人民路', '华光路', '金晶大道', '联通路', '新村路', '西五路', '西六路', '中润大道', '张周路', '北京路',
  '上海路', '世纪路', '南京路', '华侨路', '杏园路', '大顺路', '鲁泰大道', '昌国路', '西二路', '西四路', '和平路', '商场东街',
  '太平路', '兴学街', '安乐街', '中心路',
];

/** Lanes of a village; its houses are numbered along them. */
export const villageLanes = ['前街', '后街', '东街', '西街', '中心街', '南街', '北街', '东一巷', '西一巷', '南二巷'];

/** Individual businesses (个体工商户) on a ground floor: what they are called, and their GB/T 4754 section. */
export const shopKinds: readonly (readonly [string, string])[] = [
  ['便利店', 'F'], ['超市', 'F'], ['水果店', 'F'], ['烟酒店', 'F'], ['五金店', 'F'], ['药店', 'F'], ['服装店', 'F'], ['粮油店', 'F'],
  ['饭店', 'H'], ['烧烤店', 'H'], ['面馆', 'H'], ['水饺馆', 'H'], ['快餐店', 'H'], ['包子铺', 'H'], ['小吃店', 'H'],
  ['理发店', 'O'], ['美容院', 'O'], ['洗衣店', 'O'], ['家电维修部', 'O'], ['手机维修店', 'O'], ['汽车维修部', 'O'],
  ['诊所', 'Q'], ['快递驿站', 'G'], ['图文广告部', 'L'], ['房产中介', 'K'], ['健身馆', 'R'],
];

/** The words before a shop's kind: 张店区惠民便利店. */
export const shopWords = [
  '惠民', '便民', '鑫源', '福满', '聚友', '家家乐', '佳美', '金顶', '小城', '老街', '顺发', '利民', '众兴', '好客', '乐购', '诚信',
  '永盛', '和顺', '春晓', '鲁味', '齐味', '红星', '金辉', '百姓', '友谊', '阳光', '康乐', '美佳', '如意', '新概念', '万家', '兴旺',
];

/** 字号 of companies: 淄博{字号}{行业}有限公司. */
export const tradeNames = [
  '华源', '鲁中', '齐鲁', '新华', '宏达', '恒信', '鑫盛', '众合', '海岱', '金桥', '瑞丰', '泰和', '永兴', '博通', '中科', '润德',
  '华联', '盛世', '天成', '汇通', '佳和', '德润', '正元', '利华', '鼎泰', '信诚', '聚源', '昌盛', '元亨', '安泰', '嘉禾', '远航',
  '银河', '华晨', '东岳', '齐盛', '凯瑞', '乾元', '明德', '丰源',
];

/** What a company of each GB/T 4754 section calls its trade, and how often one is registered here. */
export const companyTrades: Readonly<Record<string, { words: readonly string[]; weight: number }>> = {
  F: { words: ['商贸', '贸易', '百货', '医药连锁', '超市'], weight: 30 },
  L: { words: ['企业管理咨询', '广告', '人力资源', '会展服务'], weight: 12 },
  I: { words: ['信息技术', '网络科技', '软件', '数字科技'], weight: 8 },
  E: { words: ['建筑工程', '装饰工程', '建设工程'], weight: 8 },
  C: { words: ['陶瓷', '化工', '机械', '新材料', '耐火材料', '电机'], weight: 8 },
  H: { words: ['餐饮管理', '酒店管理'], weight: 8 },
  O: { words: ['家政服务', '汽车服务', '保洁服务'], weight: 8 },
  K: { words: ['房地产经纪', '置业'], weight: 5 },
  M: { words: ['检测技术', '工程设计', '环保科技'], weight: 5 },
  G: { words: ['物流', '运输'], weight: 5 },
  R: { words: ['文化传媒', '体育发展'], weight: 3 },
};

/** Associations (社会团体, 51…) registered with the district's civil affairs bureau. */
export const associations = [
  '张店区个体劳动者协会', '张店区书法家协会', '张店区摄影家协会', '张店区餐饮业协会', '张店区老年人体育协会', '张店区志愿者协会',
  '张店区陶瓷商会', '张店区物业管理协会', '张店区家庭教育促进会', '张店区钓鱼协会', '张店区社会工作者协会', '张店区红十字志愿服务队',
  '张店区民营企业商会',
];
