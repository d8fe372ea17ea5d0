/**
 * The answer tables of the synthetic resident record: code-table shares by age and education, and the
 * local names (schools, employers, trades) its free-text answers draw from.
 */
import { weightedKeys, type Rng } from './random.js';

/** 文化程度 (GB/T 4658) of adults by birth cohort: the young went to college far more often. */
export const educationByCohort: [number, (rng: Rng) => string][] = [
  [1950, weightedKeys({ '90': 25, '80': 40, '70': 22, '60': 9, '40': 2, '30': 1, '20': 1 })],
  [1965, weightedKeys({ '90': 5, '80': 25, '70': 40, '60': 18, '40': 6, '30': 4, '20': 2 })],
  [1980, weightedKeys({ '80': 8, '70': 38, '60': 20, '40': 12, '30': 12, '20': 9, '14': 1 })],
  [Infinity, weightedKeys({ '80': 2, '70': 20, '60': 14, '40': 14, '30': 24, '20': 22, '14': 3.5, '11': 0.5 })],
];
export const higherEducation = new Set(['11', '14', '20']);
/** 从业状况 (GB/T 2261.4) of working-age adults, by education. */
export const workHigher = weightedKeys({ '13': 30, '17': 25, '21': 10, '11': 8, '24': 5, '54': 6, '51': 6, '70': 5, '90': 5 });
export const workLower = weightedKeys({ '24': 34, '17': 10, '13': 3, '21': 2, '54': 13, '51': 12, '27': 8, '70': 12, '90': 6 });
export const formalStatuses = new Set(['11', '13', '17', '21', '24']);
export const occupationCategory: Record<string, string> = { '11': '3', '13': '2', '17': '3', '21': '1', '24': '6', '27': '5', '37': '7', '51': '4', '54': '4' };
export const occupations: Record<string, string[]> = {
  '11': ['科员', '副科长', '科长', '办事员'],
  '13': ['小学教师', '中学教师', '临床医师', '护士', '药剂师', '机械工程师', '化工工程师', '软件工程师', '会计师', '律师'],
  '17': ['会计', '出纳', '文员', '行政专员', '人事专员', '销售代表', '客服专员', '采购员'],
  '21': ['部门经理', '项目经理', '副总经理', '总经理', '车间主任'],
  '24': ['陶瓷成型工', '化工操作工', '电焊工', '车工', '钳工', '电工', '装配工', '叉车司机', '仓库管理员', '质检员', '纺织挡车工'],
  '27': ['种植户', '蔬菜种植户', '养殖户'],
  '51': ['网约车司机', '外卖骑手', '快递员', '装修工', '家政服务员', '保洁员', '货车司机'],
  '54': ['个体经营（餐饮）', '个体经营（零售）', '个体经营（汽修）', '个体经营（理发）'],
};
export const monthlyIncome: Record<string, [number, number]> = {
  '11': [5000, 9000], '13': [5000, 13000], '17': [3500, 8000], '21': [8000, 25000], '24': [3500, 7000], '27': [1500, 4000],
  '51': [3000, 8000], '54': [3000, 15000], '80': [1800, 6000], '90': [0, 3000],
};
// Made-up companies in 淄博's industries (ceramics, chemicals, machinery), and public bodies.
export const tradeNames = '华源 鲁中 齐鲁 新华 宏达 恒信 鑫盛 众合 海岱 金桥 瑞丰 泰和 永兴 博通 中科 润德'.split(' ');
export const industries = '陶瓷 化工 机械 建材 医药 商贸 物流 科技 食品 纺织 新材料 汽车配件'.split(' ');
export const publicBodies = ['淄博市中心医院', '淄博市第一医院', '淄博市妇幼保健院', '张店区人民医院', '淄博市实验中学', '张店区实验小学', '张店区教育和体育局', '张店区市场监督管理局', '张店区卫生健康局'];
export const usccChars = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
export const bloodTypes = weightedKeys({ A: 28, B: 32, O: 29, AB: 9, U: 2 });
export const religions = weightedKeys({ '00': 955, '10': 20, '50': 15, '20': 5, '40': 3, '99': 2 });
export const universities = ['山东理工大学', '山东大学', '济南大学', '青岛大学', '曲阜师范大学', '山东师范大学', '山东财经大学', '山东科技大学', '中国石油大学（华东）'];
export const colleges = ['淄博职业学院', '山东工业职业学院', '淄博师范高等专科学校', '山东轻工职业学院', '淄博市技师学院'];
export const majors = ['机械设计制造及其自动化', '化学工程与工艺', '会计学', '计算机科学与技术', '临床医学', '护理学', '汉语言文学', '英语', '市场营销', '土木工程', '无机非金属材料工程', '电气工程及其自动化'];
export const disabilityCategories = weightedKeys({ '4': 48, '2': 15, '1': 13, '6': 8, '7': 8, '5': 7, '3': 1 });
export const disabilityGrades = weightedKeys({ '1': 10, '2': 20, '3': 30, '4': 40 });
export const chronicUnder40 = weightedKeys({ '0': 97, '1': 2, '9': 1 });
export const chronicUnder60 = weightedKeys({ '0': 70, '1': 18, '2': 7, '3': 3, '4': 1, '9': 1 });
export const chronicOlder = weightedKeys({ '0': 40, '1': 35, '2': 12, '3': 8, '4': 3, '9': 2 });
/** School stages by age on the record's day: first age, schools, grade names. */
export const schoolStages: [number, string[], string[]][] = [
  [3, ['张店区实验幼儿园', '张店区机关幼儿园', '淄博市齐鲁幼儿园'], ['小班', '中班', '大班']],
  [6, ['张店区实验小学', '张店区人民西路小学', '张店区重庆路小学', '张店区湖田小学'], ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级']],
  [12, ['张店区第八中学', '张店区第九中学', '淄博市实验中学'], ['初一', '初二', '初三']],
  [15, ['淄博第五中学', '淄博实验中学', '淄博第十一中学', '淄博职业学院附属中专'], ['高一', '高二', '高三']],
];
export const skills = ['书法', '摄影', '医疗救护', '法律咨询', '心理咨询', '电工维修', '厨艺', '文艺表演', '驾驶', '外语'];
export const dogBreeds = ['泰迪', '比熊', '柯基', '金毛', '拉布拉多', '柴犬', '中华田园犬', '博美', '雪纳瑞', '边境牧羊犬'];
export const remarks = ['长期外出务工', '子女在外地工作', '房屋出租', '新生儿待落户', '住院治疗中', '空挂户'];
export const plateLetters = [...'ABCDEFGHJKLMNPQRSTUVWXYZ'];
/** 重点人员 flags: field, reason shown, odds for an adult. */
export const keyPeople: [string, string, number][] = [
  ['community_correction', '社区矫正', 0.0005], ['released_prisoner', '刑满释放', 0.002], ['drug_rehabilitation', '社区戒毒', 0.0005], ['key_petitioner', '重点信访', 0.0005],
];
