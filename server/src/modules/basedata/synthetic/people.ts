import { shanghaiDay } from '../../calendar/index.js';
import { idCheckChar } from '../identity.js';
import { chance, digits, int, pick, weightedKeys, type Rng } from './random.js';

/**
 * Made-up people who look real: names, ID numbers and phones that pass every check (never a real
 * person's, except by chance), where they come from, and the households they live in.
 */

export type Gender = '1' | '2';

export interface SyntheticPerson {
  name: string;
  /** GB/T 2261.1: 1 male, 2 female */
  gender: Gender;
  birthDate: string;
  idNumber: string;
  phone: string;
  /** GB 3304 ethnicity code */
  ethnicity: string;
}

export interface PersonOptions {
  /** the region of the ID number: where the person's hukou was first registered */
  regionCode6: string;
  minAge: number;
  maxAge: number;
  gender?: Gender;
  /** the day ages count to (default today in Shanghai); fix it for files that must not change day to day */
  asOf?: string;
}

// Per 10,000 people, leaning towards Shandong: 王张李刘 even further ahead than nationally, 孙于高宋
// common, 毕 (淄博), 隋 and 綦 local; the southern 黄林罗梁谢曾 rarer than in the national ranking.
const surnameWeights: Record<string, number> = {
  王: 900, 张: 780, 李: 760, 刘: 600, 孙: 300, 杨: 260, 赵: 260, 陈: 260, 徐: 220, 高: 210, 马: 190, 于: 180, 宋: 170,
  郭: 160, 韩: 150, 朱: 140, 吴: 120, 周: 120, 胡: 100, 崔: 100, 曹: 100, 田: 90, 董: 90, 姜: 90, 孟: 90, 魏: 80, 任: 80,
  吕: 80, 许: 80, 毕: 70, 冯: 70, 翟: 60, 程: 60, 郑: 60, 邢: 60, 黄: 60, 石: 60, 贾: 60, 丁: 60, 何: 50, 袁: 50, 路: 50,
  薛: 50, 侯: 50, 牛: 50, 史: 50, 梁: 50, 范: 50, 闫: 50, 杜: 50, 常: 40, 蔡: 40, 房: 40, 蒋: 40, 唐: 40, 秦: 40, 谢: 40,
  林: 40, 邵: 40, 苏: 40, 尹: 40, 耿: 40, 卢: 40, 葛: 40, 焦: 40, 潘: 40, 郝: 40, 付: 40, 庞: 30, 温: 30, 司: 30, 陶: 30,
  彭: 30, 季: 30, 邓: 30, 罗: 30, 肖: 30, 隋: 20, 叶: 20, 曾: 20, 江: 20, 綦: 10,
};

/** Given names follow the fashion of the decade a person was born in. */
type Era = 'before1960' | 'before1985' | 'before2005' | 'since2005';
const eraOf = (year: number): Era => (year < 1960 ? 'before1960' : year < 1985 ? 'before1985' : year < 2005 ? 'before2005' : 'since2005');

/** Per era and gender: characters to compose from, whole two-character names, and the share of one-character names. */
const givenNames: Record<Era, Record<Gender, { chars: string; whole: string; single: number }>> = {
  before1960: {
    '1': { chars: '建国明华文德学振志长福荣胜军庆永玉山春云家金祥义友成忠民', whole: '建国建华国庆志刚德胜长海振华明山学文福来玉林永胜金宝立新爱国卫东保国庆林', single: 0.25 },
    '2': { chars: '秀英兰桂珍凤玉芝华淑美荣梅琴芳春香霞云翠娥萍', whole: '秀英桂兰秀兰凤英玉兰淑珍桂英秀珍玉珍凤兰玉梅淑华桂芝秀云翠英桂香素芳春梅', single: 0.2 },
  },
  before1985: {
    '1': { chars: '伟强军勇磊涛斌刚波辉鹏杰峰东明亮健林超海新平建卫宁宏', whole: '海涛海军志强建军建伟晓东振宇卫东红军国强立军永强文军宏伟学军明辉新民春雷', single: 0.4 },
    '2': { chars: '丽红敏静燕娟艳玲霞芳萍梅慧丹雪莉颖洁琳晶娜华', whole: '海燕丽娟晓燕红梅秀丽丽华春燕晓丽艳华美玲丽萍晓红雪梅玉红文静彩霞', single: 0.35 },
  },
  before2005: {
    '1': { chars: '浩宇鑫博磊超帅凯杰鹏航晨阳龙毅哲涛文俊天佳昊明伟强旭健', whole: '浩然宇航俊杰子豪文博晓明鹏飞家豪志远天宇明轩嘉伟昊天凯文博文振宇晨阳雨泽', single: 0.25 },
    '2': { chars: '婷雪琪倩欣悦静颖丹璐佳怡晨萌敏慧洁蕾娜月楠雅丽蕊', whole: '婷婷晓雪欣怡佳琪雨欣思雨梦瑶诗琪晓彤美琪雪莹亚楠佳慧文静晓慧梦琪丹丹倩倩', single: 0.2 },
  },
  since2005: {
    '1': { chars: '轩浩宇睿泽子梓博宸辰一铭昊锦佑航煜霖骏奕沐安嘉祺', whole: '梓轩浩宇子轩宇轩梓豪浩然子墨一诺沐宸宇泽俊熙子睿锦程奕辰博文煜祺', single: 0.1 },
    '2': { chars: '涵萱欣怡梓可诺雨悦彤妍瑶一依芮语馨琪安晴婉苒汐然', whole: '梓涵一诺欣怡子涵诗涵梓萱雨桐可馨依诺语桐若汐欣妍梓晴思琪雨涵沐晴芷若安然', single: 0.08 },
  },
};
const pairsOf = (s: string) => Array.from({ length: s.length / 2 }, (_, i) => s.slice(2 * i, 2 * i + 2));
/** The lists above split once into arrays, for the hot loops. */
const nameStyles = Object.fromEntries(
  Object.entries(givenNames).map(([era, byGender]) => [
    era,
    Object.fromEntries(Object.entries(byGender).map(([g, v]) => [g, { chars: [...v.chars], whole: pairsOf(v.whole), single: v.single }])),
  ]),
) as Record<Era, Record<Gender, { chars: string[]; whole: string[]; single: number }>>;

// Mobile prefixes of the three carriers; 19x numbers are newer, so fewer people have one.
const mobilePrefixWeights: Record<string, number> = {
  ...Object.fromEntries(['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'].map((p) => [p, 3])),
  ...Object.fromEntries(['150', '151', '152', '153', '155', '156', '157', '158', '159'].map((p) => [p, 2])),
  ...Object.fromEntries(['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'].map((p) => [p, 2])),
  ...Object.fromEntries(['191', '193', '195', '196', '197', '198', '199'].map((p) => [p, 0.7])),
};

/** GB 3304 codes: 汉族 about 98%; in Shandong 回族 and 满族 are the largest minorities. */
const ethnicityWeights: Record<string, number> = { '01': 9800, '03': 90, '11': 50, '02': 15, '10': 15, '06': 7, '08': 7, '04': 3, '05': 3, '07': 3, '15': 3, '09': 2, '12': 2 };

const drawSurname = weightedKeys(surnameWeights);
const drawMobilePrefix = weightedKeys(mobilePrefixWeights);
const drawEthnicity = weightedKeys(ethnicityWeights);

/** A full name (surname + given name) in the fashion of the birth year. */
export function syntheticName(rng: Rng, gender: Gender, birthYear: number): string {
  const style = nameStyles[eraOf(birthYear)][gender];
  const surname = drawSurname(rng);
  if (chance(rng, style.single)) return surname + pick(rng, style.chars);
  if (chance(rng, 0.55)) return surname + pick(rng, style.whole);
  const first = pick(rng, style.chars);
  let second = pick(rng, style.chars);
  if (second === first) second = pick(rng, style.chars); // 叠字 such as 婷婷 come from the whole names
  return surname + first + second;
}

/** An 11-digit mobile number with a real carrier prefix. */
export function syntheticMobile(rng: Rng): string {
  return drawMobilePrefix(rng) + digits(rng, 8);
}

// ---- dates (UTC midnight, 'YYYY-MM-DD') ----------------------------------------------------------

const dayMs = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** The same day `years` later (earlier when negative); 29 February becomes the 28th in a common year. */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const monthDay = day.slice(5) === '02-29' && !isLeap(y) ? '02-28' : day.slice(5);
  return `${String(y).padStart(4, '0')}-${monthDay}`;
}

/** A day from `from` to `to`, both included; '' when `to` is before `from`. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const a = msOf(from);
  const b = msOf(to);
  return b < a ? '' : toDay(a + int(rng, 0, Math.round((b - a) / dayMs)) * dayMs);
}

/** Age in whole years on `day`. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A birth date for someone aged `minAge`–`maxAge` (whole years, both included) on `asOf`. */
export function birthDateForAge(rng: Rng, minAge: number, maxAge: number, asOf: string): string {
  if (!(minAge >= 0 && maxAge >= minAge && maxAge < 120)) throw new RangeError(`ages must satisfy 0 ≤ minAge ≤ maxAge < 120, got ${minAge}–${maxAge}`);
  return dayBetween(rng, toDay(msOf(addYears(asOf, -(maxAge + 1))) + dayMs), addYears(asOf, -minAge));
}

/** A person with a valid ID number from `regionCode6`, of the given age range and (if given) gender. */
export function syntheticPerson(rng: Rng, options: PersonOptions): SyntheticPerson {
  if (!/^[1-9]\d{5}$/.test(options.regionCode6)) throw new RangeError(`regionCode6 must be 6 digits, got ${options.regionCode6}`);
  const gender = options.gender ?? (chance(rng, 0.5) ? '1' : '2');
  const birthDate = birthDateForAge(rng, options.minAge, options.maxAge, options.asOf ?? shanghaiDay(new Date()));
  // the sequence's last digit is odd for men and even for women; 000 is never issued
  const sequence = gender === '1' ? 2 * int(rng, 0, 499) + 1 : 2 * int(rng, 1, 499);
  const first17 = options.regionCode6 + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return {
    name: options.regionCode6 === abroad.code ? pick(rng, foreignNames[gender])[3] : syntheticName(rng, gender, Number(birthDate.slice(0, 4))),
    gender,
    birthDate,
    idNumber: first17 + idCheckChar(first17),
    phone: syntheticMobile(rng),
    ethnicity: drawEthnicity(rng),
  };
}

// ---- where people come from -------------------------------------------------------------------------

export type PersonType = 'huji' | 'changzhu' | 'liudong' | 'jingwai';

export interface Place {
  code: string;
  province: string;
  city: string;
  county: string;
}
const place = (code: string, province: string, city: string, county: string): Place => ({ code, province, city, county });
export const zhangdian = place('370303', '山东省', '淄博市', '张店区');
/** The rest of 淄博, nearby cities and the provinces most people move from. Real division codes. */
export const originPlaces: readonly Place[] = [
  zhangdian, place('370302', '山东省', '淄博市', '淄川区'), place('370304', '山东省', '淄博市', '博山区'),
  place('370305', '山东省', '淄博市', '临淄区'), place('370306', '山东省', '淄博市', '周村区'), place('370321', '山东省', '淄博市', '桓台县'),
  place('370322', '山东省', '淄博市', '高青县'), place('370323', '山东省', '淄博市', '沂源县'), place('370102', '山东省', '济南市', '历下区'),
  place('370202', '山东省', '青岛市', '市南区'), place('370502', '山东省', '东营市', '东营区'), place('370702', '山东省', '潍坊市', '潍城区'),
  place('370781', '山东省', '潍坊市', '青州市'), place('371302', '山东省', '临沂市', '兰山区'), place('371602', '山东省', '滨州市', '滨城区'),
  place('371402', '山东省', '德州市', '德城区'), place('371502', '山东省', '聊城市', '东昌府区'), place('370902', '山东省', '泰安市', '泰山区'),
  place('371702', '山东省', '菏泽市', '牡丹区'), place('410102', '河南省', '郑州市', '中原区'), place('411302', '河南省', '南阳市', '宛城区'),
  place('130102', '河北省', '石家庄市', '长安区'), place('340102', '安徽省', '合肥市', '瑶海区'), place('341202', '安徽省', '阜阳市', '颍州区'),
  place('320102', '江苏省', '南京市', '玄武区'), place('320302', '江苏省', '徐州市', '鼓楼区'), place('230102', '黑龙江省', '哈尔滨市', '道里区'),
  place('220102', '吉林省', '长春市', '南关区'), place('140105', '山西省', '太原市', '小店区'), place('510104', '四川省', '成都市', '锦江区'),
];
/** Residents of 香港, 澳门 and 台湾 hold residence permits numbered like ID numbers, with these region codes. */
export const hkMoTw: readonly Place[] = [place('810000', '香港特别行政区', '', ''), place('820000', '澳门特别行政区', '', ''), place('830000', '台湾地区', '', '')];
/**
 * Foreign nationals have no citizen ID number; the one syntheticPerson makes for them (region 990000,
 * which no province has) is a placeholder that their record leaves out.
 */
export const abroad = place('990000', '', '', '');
export const placeByCode: ReadonlyMap<string, Place> = new Map([...originPlaces, ...hkMoTw, abroad].map((p) => [p.code, p]));
export const ziboElsewhere = originPlaces.filter((p) => p.city === '淄博市' && p !== zhangdian);
const farAway = originPlaces.filter((p) => p.city !== '淄博市');

/** Hukou here (户籍) are mostly born here; 常住 come from the rest of 淄博 or nearby; 流动 from farther away. */
export function originFor(rng: Rng, personType: PersonType): Place {
  if (personType === 'huji') return chance(rng, 0.85) ? zhangdian : pick(rng, ziboElsewhere);
  if (personType === 'changzhu') return chance(rng, 0.7) ? pick(rng, ziboElsewhere) : pick(rng, farAway);
  if (personType === 'liudong') return chance(rng, 0.15) ? pick(rng, ziboElsewhere) : pick(rng, farAway);
  return chance(rng, 0.4) ? pick(rng, hkMoTw) : abroad;
}

/** Foreign nationals (region `abroad`): country, surname and given name as in the passport, and the Chinese name they go by. */
export const foreignNames: Record<Gender, readonly (readonly [string, string, string, string])[]> = {
  '1': [['韩国', 'KIM', 'MINJUN', '金敏俊'], ['韩国', 'PARK', 'JIHOON', '朴志勋'], ['日本', 'SATO', 'HIROSHI', '佐藤浩'], ['美国', 'SMITH', 'JOHN', '约翰·史密斯'], ['德国', 'MUELLER', 'THOMAS', '托马斯·穆勒'], ['俄罗斯', 'IVANOV', 'ALEXEI', '阿列克谢·伊万诺夫'], ['巴基斯坦', 'KHAN', 'AHMED', '艾哈迈德·汗']],
  '2': [['韩国', 'LEE', 'SEOYEON', '李瑞妍'], ['日本', 'TANAKA', 'YUKI', '田中由纪'], ['美国', 'JOHNSON', 'EMILY', '艾米丽·约翰逊'], ['俄罗斯', 'PETROVA', 'ANNA', '安娜·彼得罗娃'], ['越南', 'NGUYEN', 'THI LAN', '阮氏兰']],
};

// ---- households -------------------------------------------------------------------------------------

export interface Member {
  person: SyntheticPerson;
  /** GB/T 4761 relation to the head of the household: 02 head, 10 spouse, 20 son, 30 daughter, 40 grandchild, 50 parent, 99 not related */
  relation: string;
}

export interface SyntheticHousehold {
  /** the head first */
  members: Member[];
  /** grandparents raising grandchildren whose parents work elsewhere (留守) */
  parentsAway: boolean;
}

/** 张店 is mostly urban: small families, a few three-generation and skipped-generation homes. */
const householdKinds = weightedKeys({ single: 18, couple: 25, nuclear: 40, threeGenerations: 12, skipGeneration: 3, sharing: 2 });

/** The people of one home, ages that fit together (parents 23–34 years older than their children), one ID region. */
export function syntheticHousehold(rng: Rng, options: { regionCode6: string; asOf?: string }): SyntheticHousehold {
  const asOf = options.asOf ?? shanghaiDay(new Date());
  const person = (minAge: number, maxAge: number, gender?: Gender) => syntheticPerson(rng, { regionCode6: options.regionCode6, asOf, minAge, maxAge, gender });
  const ageOf = (p: SyntheticPerson) => ageOn(p.birthDate, asOf);
  const opposite = (g: Gender): Gender => (g === '1' ? '2' : '1');
  const spouseOf = (p: SyntheticPerson) => {
    const age = Math.max(20, Math.min(100, ageOf(p) + (p.gender === '1' ? -1 : 1) * int(rng, -1, 4)));
    return { person: person(age, age, opposite(p.gender)), relation: '10' };
  };
  // children mostly take their father's surname (names here are all one-character surnames)
  const withSurnameOf = (child: SyntheticPerson, father: SyntheticPerson) =>
    father.idNumber.startsWith(abroad.code) || !chance(rng, 0.92) ? child : { ...child, name: father.name[0] + child.name.slice(1) };
  const childrenOf = (mother: SyntheticPerson, father: SyntheticPerson, count: number) =>
    Array.from({ length: count }, () => ageOf(mother) - int(rng, 23, 34))
      .filter((age) => age >= 0)
      .map((age) => {
        const child = withSurnameOf(person(age, age), father);
        return { person: child, relation: child.gender === '1' ? '20' : '30' };
      });
  const couple = (minAge: number, maxAge: number) => {
    const head = { person: person(minAge, maxAge, chance(rng, 0.85) ? '1' : '2'), relation: '02' };
    const spouse = spouseOf(head.person);
    const [father, mother] = head.person.gender === '1' ? [head.person, spouse.person] : [spouse.person, head.person];
    return { head, spouse, father, mother };
  };

  const kind = householdKinds(rng);
  if (kind === 'single') return { members: [{ person: person(20, 90), relation: '02' }], parentsAway: false };
  if (kind === 'sharing') {
    const others = Array.from({ length: int(rng, 1, 2) }, () => ({ person: person(20, 40), relation: '99' }));
    return { members: [{ person: person(20, 40), relation: '02' }, ...others], parentsAway: false };
  }
  if (kind === 'couple') {
    const { head, spouse } = couple(24, 85);
    return { members: [head, spouse], parentsAway: false };
  }
  if (kind === 'skipGeneration') {
    const { head, spouse, father } = couple(55, 75);
    const grandchildren = Array.from({ length: int(rng, 1, 2) }, () => ({ person: withSurnameOf(person(0, 15), father), relation: '40' }));
    return { members: [head, spouse, ...grandchildren], parentsAway: true };
  }
  const { head, spouse, father, mother } = couple(kind === 'nuclear' ? 26 : 30, kind === 'nuclear' ? 58 : 50);
  const members = [head, spouse, ...childrenOf(mother, father, chance(rng, 0.6) ? 1 : 2)];
  if (kind === 'threeGenerations') {
    // 25–33 years older than the head, so that a mother up to 4 years younger than the father still fits
    const parentAge = Math.min(95, ageOf(head.person) + int(rng, 25, 33));
    const grandfather = person(parentAge, parentAge, '1');
    const parents = chance(rng, 0.6) ? [grandfather, spouseOf(grandfather).person] : [person(parentAge, parentAge)];
    members.push(...parents.map((p) => ({ person: p, relation: '50' })));
  }
  return { members, parentsAway: false };
}
