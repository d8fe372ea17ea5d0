import type { CaseLevel, CasePriority } from '@gongzhi/contracts';

/**
 * The default category table, modelled on GB/T 30428.2 (管理部件 C, 管理事件 E) plus the
 * social-governance classes of grid work (S). Loaded once at setup; administrators edit it afterwards
 * (GB/T 47678.5-2026 is replacing GB/T 30428.2, so nothing in code depends on these rows).
 * Limits are working minutes: 受理立案, 派遣, 处置 (from dispatch to feedback), 核查.
 * Urban-management components and events start at the district command centre (数字城管 practice);
 * disputes and public services start in the community, public security at the street.
 */
type Major = [code: string, name: string, nameEn: string, level: CaseLevel, handle: number, unit: string, minors: Minor[]];
type Minor = [code: string, name: string, nameEn: string, extra?: { priority?: CasePriority; handle?: number; unit?: string; sensitive?: boolean }];

const day = 450;
export const defaultLimits = { register: 60, dispatch: 30, verify: 240 };

export const defaultCategories: Major[] = [
  ['C01', '公用设施', 'Public facilities', 'district', 2 * day, 'ZJ', [
    ['C0101', '井盖缺失破损', 'Missing or broken manhole cover', { priority: 'urgent', handle: day }],
    ['C0102', '雨水篦子堵塞', 'Blocked storm drain grate'],
    ['C0103', '路灯不亮', 'Street light out'],
    ['C0104', '消防栓损坏', 'Damaged fire hydrant', { unit: 'GA' }],
    ['C0105', '供水供气设施损坏', 'Damaged water or gas facility', { priority: 'urgent' }],
  ]],
  ['C02', '道路交通', 'Roads and traffic', 'district', 3 * day, 'JT', [
    ['C0201', '交通信号灯故障', 'Traffic light failure', { priority: 'urgent', handle: day, unit: 'GA' }],
    ['C0202', '交通标志损坏', 'Damaged traffic sign'],
    ['C0203', '道路护栏损坏', 'Damaged guardrail'],
    ['C0204', '公交站亭损坏', 'Damaged bus shelter'],
    ['C0205', '道路破损坑洼', 'Potholes and broken road surface'],
  ]],
  ['C03', '市容环境', 'City appearance facilities', 'district', 2 * day, 'ZF', [
    ['C0301', '公共厕所损坏', 'Damaged public toilet'],
    ['C0302', '垃圾箱破损满溢', 'Broken or overflowing litter bin', { handle: day }],
    ['C0303', '广告牌匾破损', 'Damaged sign board'],
  ]],
  ['C04', '园林绿化', 'Parks and greenery', 'district', 3 * day, 'ZJ', [
    ['C0401', '行道树倒伏', 'Fallen roadside tree', { priority: 'urgent', handle: day }],
    ['C0402', '绿地损毁', 'Damaged green space'],
    ['C0403', '绿化带缺株', 'Gaps in planting'],
  ]],
  ['C05', '房屋土地', 'Buildings and land', 'district', 5 * day, 'ZJ', [
    ['C0501', '危旧房屋', 'Dangerous old building', { priority: 'urgent' }],
    ['C0502', '房屋外立面脱落', 'Falling facade'],
    ['C0503', '闲置土地', 'Idle land'],
  ]],
  ['E01', '市容环境', 'City appearance', 'district', day, 'ZF', [
    ['E0101', '暴露垃圾', 'Exposed rubbish'],
    ['E0102', '积存渣土', 'Piled construction waste'],
    ['E0103', '道路不洁', 'Dirty road'],
    ['E0104', '水域不洁', 'Polluted water surface', { unit: 'HB' }],
    ['E0105', '焚烧垃圾树叶', 'Burning rubbish or leaves', { unit: 'HB' }],
  ]],
  ['E02', '宣传广告', 'Advertising', 'district', day, 'ZF', [
    ['E0201', '非法小广告', 'Illegal flyers and graffiti'],
    ['E0202', '违规户外广告', 'Unauthorised outdoor advertising'],
    ['E0203', '占道宣传', 'Promotions blocking the street'],
  ]],
  ['E03', '施工管理', 'Construction', 'district', 2 * day, 'ZJ', [
    ['E0301', '施工扰民', 'Construction noise at night'],
    ['E0302', '工地扬尘', 'Construction dust', { unit: 'HB' }],
    ['E0303', '道路遗撒', 'Spillage from trucks', { unit: 'ZF' }],
    ['E0304', '违规占道施工', 'Unauthorised roadworks'],
  ]],
  ['E04', '突发事件', 'Emergencies', 'district', 240, 'ZJ', [
    ['E0401', '路面塌陷', 'Road collapse', { priority: 'critical' }],
    ['E0402', '供水管道破裂', 'Burst water main', { priority: 'critical' }],
    ['E0403', '燃气泄漏', 'Gas leak', { priority: 'critical' }],
    ['E0404', '道路积水', 'Flooded road', { priority: 'urgent', unit: 'JT' }],
    ['E0405', '火灾隐患', 'Fire hazard', { priority: 'urgent', unit: 'GA' }],
  ]],
  ['E05', '街面秩序', 'Street order', 'district', day, 'ZF', [
    ['E0501', '无照经营游商', 'Unlicensed street vendors'],
    ['E0502', '店外经营', 'Shop spilling onto the pavement'],
    ['E0503', '露天烧烤', 'Open-air barbecue', { unit: 'HB' }],
    ['E0504', '非机动车乱停放', 'Badly parked bicycles and e-bikes'],
    ['E0505', '机动车违停占道', 'Illegally parked vehicles', { unit: 'GA' }],
  ]],
  ['S01', '矛盾纠纷', 'Disputes', 'community', 5 * day, 'SF', [
    ['S0101', '邻里纠纷', 'Dispute between neighbours', { sensitive: true }],
    ['S0102', '家庭婚姻纠纷', 'Family or marital dispute', { sensitive: true }],
    ['S0103', '物业纠纷', 'Dispute with a property manager', { unit: 'ZJ' }],
    ['S0104', '劳资纠纷', 'Labour dispute', { unit: 'RS' }],
    ['S0105', '土地权属纠纷', 'Land ownership dispute'],
  ]],
  ['S02', '治安隐患', 'Public security', 'street', 2 * day, 'GA', [
    ['S0201', '治安隐患', 'Public security hazard', { sensitive: true }],
    ['S0202', '消防通道堵塞', 'Blocked fire lane', { priority: 'urgent' }],
    ['S0203', '电动车违规充电', 'Unsafe e-bike charging', { priority: 'urgent' }],
  ]],
  ['S03', '劳动保障', 'Labour and social security', 'district', 5 * day, 'RS', [
    ['S0301', '拖欠工资', 'Unpaid wages'],
    ['S0302', '社会保险', 'Social insurance'],
    ['S0303', '就业服务', 'Employment services'],
  ]],
  ['S04', '民生服务', 'Public services', 'community', 3 * day, 'ZJ', [
    ['S0401', '养老服务', 'Care for the elderly', { unit: 'MZ' }],
    ['S0402', '困难救助', 'Hardship assistance', { unit: 'MZ', sensitive: true }],
    ['S0403', '教育入学', 'School places', { unit: 'JY' }],
    ['S0404', '医疗卫生', 'Health services', { unit: 'WJ' }],
    ['S0405', '供暖供气', 'Heating and gas supply'],
    ['S0406', '物业服务', 'Property management services'],
  ]],
  ['S05', '生态环境', 'Environment', 'district', 3 * day, 'HB', [
    ['S0501', '噪声污染', 'Noise'],
    ['S0502', '大气污染', 'Air pollution'],
    ['S0503', '水体污染', 'Water pollution'],
  ]],
  ['S06', '安全生产', 'Workplace safety', 'district', 2 * day, 'YJ', [
    ['S0601', '生产经营安全隐患', 'Workplace safety hazard', { priority: 'urgent' }],
    ['S0602', '危险化学品', 'Hazardous chemicals', { priority: 'urgent' }],
  ]],
  ['S07', '市场监管', 'Markets and consumers', 'district', 5 * day, 'SJ', [
    ['S0701', '食品安全', 'Food safety', { priority: 'urgent' }],
    ['S0702', '消费维权', 'Consumer complaint'],
    ['S0703', '商贸流通', 'Trade and commerce', { unit: 'SW' }],
  ]],
];

/**
 * How far (metres) and how long back (hours) a new report of a category looks for an open case of
 * the same category that it may repeat (likely-duplicate flagging). Components stay where they are
 * and stay broken until repaired: 50 m, 30 days. Street-order and city-appearance events move and
 * recur: 100 m, 3 days. Noise and construction are heard from afar: 200 m, 2 days (noise) or 7 days
 * (construction); emergencies 200 m, 1 day. Disputes are tied to a home: 50 m, 14 days. Seeded into
 * case_categories (migration 0010 sets the same values on existing rows); a null column falls back here.
 */
export function duplicateDefaults(code: string): { radiusM: number; windowHours: number } {
  const cls = code.slice(0, 3);
  if (code.startsWith('C')) return { radiusM: 50, windowHours: 720 };
  if (cls === 'E04') return { radiusM: 200, windowHours: 24 };
  if (cls === 'S05') return { radiusM: 200, windowHours: 48 };
  if (cls === 'E03') return { radiusM: 200, windowHours: 168 };
  if (cls === 'E02' || cls === 'S02') return { radiusM: 100, windowHours: 168 };
  if (cls === 'S01') return { radiusM: 50, windowHours: 336 };
  if (code.startsWith('S')) return { radiusM: 100, windowHours: 336 };
  return { radiusM: 100, windowHours: 72 };
}
