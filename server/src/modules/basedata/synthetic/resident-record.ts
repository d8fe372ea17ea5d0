import { shanghaiDay } from '../../calendar/index.js';
import { usccCheckChar } from '../identity.js';
import {
  addYears, ageOn, dayBetween, foreignNames, placeByCode, syntheticMobile, syntheticName, ziboElsewhere, zhangdian,
  type PersonType, type Place, type SyntheticHousehold, type SyntheticPerson,
} from './people.js';
import { chance, digits, int, pick, seededRandom, type Rng } from './random.js';
import { residentFields } from './resident-fields.js';
import {
  bloodTypes, chronicOlder, chronicUnder40, chronicUnder60, colleges, disabilityCategories, disabilityGrades, dogBreeds, educationByCohort, formalStatuses, higherEducation, industries, keyPeople, majors, monthlyIncome, occupationCategory, occupations, plateLetters, publicBodies, religions, remarks, schoolStages, skills, tradeNames, universities, usccChars, workHigher, workLower,
} from './resident-answers.js';

/** Synthetic 143-field resident records whose answers fit the person's age, sex, origin and home. */

/** What everyone living at one address shares. */
export interface Home {
  /** 现住地址 as written on the form */
  address: string;
  size: number;
  headName: string;
  headIdNumber: string;
  /** 户号 of a hukou household here; '' when the hukou is elsewhere */
  householdNumber: string;
  dwellingType: string;
  floorArea: number;
  landlord: { name: string; phone: string } | null;
  landline: string;
  /** everyone is 60 or older (空巢) */
  elderlyOnly: boolean;
  /** grandparents raising children whose parents work elsewhere (留守) */
  parentsAway: boolean;
}

export interface Contact {
  name: string;
  phone: string;
  /** a value of the emergency_contact_relation options */
  relation: string;
}

export interface ResidentContext {
  gridCode: string;
  addressCode: string;
  personType: PersonType;
  /** GB/T 4761 relation to the head of the household */
  relation: string;
  /** the day the record describes (default today in Shanghai) */
  asOf?: string;
  /** made up for this person alone when absent */
  home?: Home;
  /** a parent for a child; who looks after those who cannot look after themselves */
  guardian?: Contact;
  emergency?: Contact;
  /** the spouse lives here too, so the person is married whatever the odds */
  spouseAtHome?: boolean;
  /** children living here, a floor for 子女数 */
  childrenAtHome?: number;
}

// ---- addresses: 张店区's real streets and roads, made-up numbers -------------------------------------

const streets = '车站 公园 湖田 和平 科苑 体育场 四宝山 马尚 南定 沣水 傅家 中埠 房镇'.split(' ');
const roads = '柳泉路 共青团路 人民路 华光路 金晶大道 联通路 新村路 西五路 西六路 中润大道 张周路 北京路 上海路 世纪路 南京路 华侨路'.split(' ');
const villages = '东村 西村 南村 北村 前村 后村 王家庄 李家庄 张家庄 刘家庄 孙家村 马家村'.split(' ');

export function zhangdianAddress(rng: Rng): string {
  if (chance(rng, 0.15)) return `山东省淄博市张店区${pick(rng, streets.slice(8))}${pick(rng, villages)}${int(rng, 1, 300)}号`;
  return `山东省淄博市张店区${pick(rng, roads)}${int(rng, 1, 300)}号${int(rng, 1, 30)}号楼${int(rng, 1, 4)}单元${int(rng, 1, 18)}0${int(rng, 1, 4)}室`;
}
const countyAddress = (rng: Rng, p: Place) => `${p.province}${p.city}${p.county}${pick(rng, villages)}${int(rng, 1, 200)}号`;
const landline = (rng: Rng) => `0533-${int(rng, 2, 8)}${digits(rng, 6)}`;

// ---- the record, section by section ------------------------------------------------------------------

interface Facts {
  person: SyntheticPerson;
  ctx: ResidentContext;
  home: Home;
  asOf: string;
  age: number;
  birthYear: number;
  adult: boolean;
  male: boolean;
  origin: Place;
  /** a foreign national: no ID number, no hukou */
  foreigner: boolean;
}
type Row = Record<string, string>;
const yes = (b: boolean) => (b ? '是' : '否');
const latest = (...days: string[]) => days.reduce((a, b) => (a > b ? a : b));

function basics(rng: Rng, r: Row, f: Facts) {
  const { person, age, birthYear, adult, origin } = f;
  const edu = age < 7 ? '90' : age < 13 ? '80' : age < 16 ? '70' : age < 19 ? pick(rng, ['60', '60', '40']) : age < 23 ? pick(rng, ['60', '40', '30', '20', '20']) : educationByCohort.find(([before]) => birthYear < before)![1](rng);
  const party = adult && f.ctx.personType !== 'jingwai' && chance(rng, (higherEducation.has(edu) ? 0.2 : 0.06) + (age > 60 ? 0.04 : 0));
  const married = f.ctx.spouseAtHome ? (chance(rng, 0.95) ? '20' : '22') : maritalStatus(rng, age);
  Object.assign(r, {
    former_name: chance(rng, 0.02) ? syntheticName(rng, person.gender, birthYear - 20) : '',
    nationality: f.foreigner ? '' : '中国',
    native_place: f.foreigner ? '' : `${origin.province.replace(/省$/, '')}${origin.city.replace(/市$/, '')}`,
    birthplace: f.foreigner ? '' : `${origin.province}${origin.city}${origin.county}`,
    blood_type: bloodTypes(rng),
    height_cm: String(age < 18 ? Math.min(75 + 6 * age, f.male ? 175 : 163) + int(rng, -5, 5) : (f.male ? 171 : 159) + int(rng, -8, 8) - (age > 70 ? 3 : 0)),
    education: edu,
    graduated_from: higherEducation.has(edu) ? pick(rng, universities) : edu === '30' ? pick(rng, colleges) : '',
    major: higherEducation.has(edu) || edu === '30' ? pick(rng, majors) : '',
    political_status: party ? (chance(rng, 0.03) ? '02' : '01') : age >= 14 && age <= 28 && chance(rng, 0.4) ? '03' : age >= 30 && chance(rng, 0.004) ? pick(rng, ['04', '05', '06', '07', '08', '09', '10', '12']) : '13',
    marital_status: married,
    marriage_date: married === '10' ? '' : dayBetween(rng, addYears(person.birthDate, 20), addYears(person.birthDate, Math.min(age, 32))),
    religion: person.ethnicity === '03' && chance(rng, 0.8) ? '30' : religions(rng),
    military_service: '0',
  });
  if (party) {
    r.party_join_date = dayBetween(rng, addYears(person.birthDate, 18), addYears(person.birthDate, Math.min(age, 45)));
    r.party_organization = `张店区${pick(rng, streets)}${pick(rng, ['街道党工委', '社区党委', '机关党支部'])}`;
  }
  if (!f.foreigner && age >= 16) {
    // issued in the last 10 years, so still valid: a card lasts 10 years if issued at 16–25, 20 at 26–45,
    // for good from 46; a residence permit for people from 香港, 澳门 and 台湾 lasts 5, issued here
    const permit = origin.city === '';
    const issued = dayBetween(rng, latest(addYears(person.birthDate, 16), addYears(f.asOf, permit ? -5 : -10)), f.asOf);
    const ageThen = ageOn(person.birthDate, issued);
    const years = permit ? 5 : ageThen < 26 ? 10 : ageThen < 46 ? 20 : 0;
    r.id_issuer = permit || f.ctx.personType === 'huji' ? '淄博市公安局张店分局' : `${origin.city}公安局${origin.county}${origin.county.endsWith('区') ? '分局' : ''}`;
    r.id_validity = `${issued.replaceAll('-', '.')}-${years ? addYears(issued, years).replaceAll('-', '.') : '长期'}`;
  }
  if (adult && age < 55 && chance(rng, 0.15)) r.email = `${int(rng, 10_000_000, 3_999_999_999)}@${pick(rng, ['qq.com', 'qq.com', '163.com', '126.com'])}`;
  r.landline = f.home.landline;
  if (adult && chance(rng, 0.08)) r.phone_alt = syntheticMobile(rng);
}

function maritalStatus(rng: Rng, age: number): string {
  if (age < 22) return '10';
  if (!chance(rng, age < 25 ? 0.25 : age < 30 ? 0.6 : age < 40 ? 0.88 : 0.92)) return age >= 35 && chance(rng, 0.6) ? '40' : '10';
  if (chance(rng, age < 60 ? 0.01 : age < 75 ? 0.15 : 0.42)) return '30';
  return chance(rng, 0.05) ? '22' : '20';
}

function residence(rng: Rng, r: Row, f: Facts) {
  const { person, home, origin, ctx } = f;
  const hukouHere = ctx.personType === 'huji';
  const hukou = ctx.personType !== 'jingwai';
  // drawn from the home and origin, so that a family from one place shares its hukou address and police station
  const hukouRng = seededRandom(`${home.address}|${origin.code}`);
  Object.assign(r, {
    household_number: home.householdNumber,
    household_type: home.dwellingType === '3' ? '2' : '1',
    household_head_name: home.headName,
    household_head_id_number: home.headIdNumber,
    huji_region_code: hukou ? origin.code : '',
    huji_address: hukouHere ? home.address : hukou ? countyAddress(hukouRng, origin) : '',
    huji_police_station: hukouHere ? `淄博市公安局张店分局${pick(hukouRng, streets)}派出所` : hukou ? `${origin.city}公安局${origin.county}${pick(hukouRng, ['城关', '城东', '城南', '城西', '城北'])}派出所` : '',
    huji_matches_residence: yes(hukouHere && chance(rng, 0.95)),
    residence_address: home.address,
    dwelling_type: home.dwellingType,
    floor_area: String(home.floorArea),
    landlord_name: home.landlord?.name ?? '',
    landlord_phone: home.landlord?.phone ?? '',
    household_size: String(home.size),
  });
  const bornHere = hukouHere && origin === zhangdian && chance(rng, 0.7);
  if (hukouHere && !bornHere && f.age >= 1) {
    r.move_in_date = dayBetween(rng, addYears(person.birthDate, Math.min(f.age, 18)), f.asOf);
    const from = origin === zhangdian ? pick(rng, ziboElsewhere) : origin;
    r.moved_from = `${from.city}${from.county}`;
  }
  r.residence_since = bornHere ? person.birthDate : r.move_in_date || dayBetween(rng, latest(addYears(f.asOf, ctx.personType === 'liudong' ? -8 : -25), person.birthDate), f.asOf);
  if (home.landlord) {
    r.rental_contract = yes(chance(rng, 0.7));
    r.rent_registered = yes(chance(rng, 0.8));
  }
  if (ctx.personType === 'liudong') {
    r.inflow_reason = f.age < 18 || f.age >= 65 ? '05' : f.age < 23 && chance(rng, 0.5) ? '06' : pick(rng, ['01', '01', '01', '01', '03', '04', '08', '99']);
    if (f.age >= 16) {
      const type = pick(rng, ['1', '1', '1', '2', '2', '9']);
      const registered = type === '9' ? '' : dayBetween(rng, r.residence_since, f.asOf);
      Object.assign(r, { residence_permit_type: type, residence_permit_date: registered });
      if (type === '1') {
        // a made-up layout: each city numbers its own permits
        Object.assign(r, { residence_permit_number: `370303${registered.slice(0, 4)}${digits(rng, 6)}`, residence_permit_expiry: addYears(registered, 1) });
      }
    }
  }
  if (ctx.personType === 'jingwai') abroadDetails(rng, r, f);
}

/** 境外人员: a passport for foreign nationals; a travel permit for people from 香港, 澳门 and 台湾. */
function abroadDetails(rng: Rng, r: Row, f: Facts) {
  const arrival = dayBetween(rng, latest(addYears(f.asOf, -5), f.person.birthDate), f.asOf);
  if (f.foreigner) {
    const [country, surname, given] = foreignNames[f.person.gender].find((n) => n[3] === f.person.name) ?? pick(rng, foreignNames[f.person.gender]);
    Object.assign(r, {
      birthplace: country, foreign_surname: surname, foreign_given_name: given, foreign_nationality: country,
      foreign_document_type: chance(rng, 0.9) ? '11' : '31', foreign_document_number: `${pick(rng, ['M', 'E', 'G', 'P'])}${digits(rng, 8)}`,
      visa_type: pick(rng, ['Z', 'X1', 'S1', 'Q1', 'M']),
    });
  } else {
    // 港澳居民来往内地通行证 numbers start H (香港) or M (澳门); the 台湾 permit's are digits only
    const prefix = { '810000': 'H', '820000': 'M' }[f.origin.code] ?? '';
    Object.assign(r, { foreign_nationality: `中国${f.origin.province.slice(0, 2)}`, foreign_document_type: prefix ? '21' : '22', foreign_document_number: `${prefix}${digits(rng, 8)}` });
  }
  Object.assign(r, {
    foreign_document_expiry: addYears(arrival, int(rng, 1, 10)),
    entry_purpose: pick(rng, ['01', '01', '02', '03', '04', '06']),
    arrival_date: arrival,
    expected_departure_date: addYears(arrival, int(rng, 1, 5)),
  });
}

function work(rng: Rng, r: Row, f: Facts): string {
  const { age, person } = f;
  const edu = r.education!;
  const status =
    age < 6 ? '90'
    : age < 18 || (age < 23 && chance(rng, higherEducation.has(edu) || edu === '30' ? 0.8 : 0.2)) ? '31'
    : age >= (f.male ? 60 : 55) || (!f.male && age >= 50 && chance(rng, 0.5)) ? (chance(rng, 0.9) ? '80' : '70')
    : f.foreigner ? pick(rng, ['13', '17', '21', '90'])
    : (higherEducation.has(edu) ? workHigher : workLower)(rng);
  const employer =
    status === '11' || (status === '13' && chance(rng, 0.6)) ? pick(rng, publicBodies)
    : ['13', '17', '21', '24', '54'].includes(status) ? `淄博${pick(rng, tradeNames)}${pick(rng, industries)}${chance(rng, 0.2) ? '股份' : ''}有限公司`
    : '';
  const [low, high] = monthlyIncome[status] ?? [0, 0];
  Object.assign(r, {
    employment_status: status,
    occupation_category: occupationCategory[status] ?? '',
    occupation: occupations[status] ? pick(rng, occupations[status]) : '',
    employer,
    ...(employer ? employerDetails(employer) : { employer_uscc: '', employer_address: '' }),
    work_phone: employer && chance(rng, 0.4) ? landline(rng) : '',
    monthly_income: age < 16 ? '0' : String(Math.round(int(rng, low, high) / 100) * 100),
    registered_unemployed: yes(status === '70' && age < 60 && chance(rng, 0.3)),
    // the statutory ages before the 2025 reform: men 60, women 50 (workers) or 55 (cadres)
    retirement_date: status === '80' ? addYears(person.birthDate, f.male ? 60 : age >= 55 ? pick(rng, [50, 55]) : 50) : '',
  });
  return status;
}

/** A valid unified social credit code (91… companies, 12… public bodies) and an address, the same every time for the same employer. */
function employerDetails(name: string): { employer_uscc: string; employer_address: string } {
  const r = seededRandom(name);
  const first17 = name.endsWith('公司') ? `91370303MA${Array.from({ length: 7 }, () => pick(r, usccChars)).join('')}` : `12370303${digits(r, 9)}`;
  return { employer_uscc: first17 + usccCheckChar(first17), employer_address: `山东省淄博市张店区${pick(r, roads)}${int(r, 1, 300)}号` };
}

function welfareAndHealth(rng: Rng, r: Row, f: Facts, status: string) {
  const { age, adult } = f;
  const formal = formalStatuses.has(status);
  const dibao = !formal && chance(rng, status === '70' || age >= 70 ? 0.05 : 0.01);
  Object.assign(r, {
    pension_insurance: age < 16 || status === '31' ? '' : status === '11' ? '3' : formal || (status === '80' && chance(rng, 0.75)) ? '1' : chance(rng, 0.85) ? '2' : '9',
    medical_insurance: formal || status === '80' ? (status === '11' && chance(rng, 0.1) ? '3' : '1') : chance(rng, 0.96) ? '2' : '9',
    unemployment_insurance: yes(formal && chance(rng, 0.9)),
    work_injury_insurance: yes(formal && chance(rng, 0.9)),
    maternity_insurance: yes(formal && chance(rng, 0.85)),
    housing_fund: yes(formal && chance(rng, 0.6)),
    dibao: yes(dibao),
    dibao_certificate: dibao ? `370303${digits(rng, 8)}` : '',
    tekun: yes(!dibao && age >= 60 && f.home.size === 1 && chance(rng, 0.03)),
    low_income: yes(!dibao && !formal && chance(rng, 0.015)),
    temporary_assistance: yes(chance(rng, 0.003)),
    elderly_allowance: yes(age >= 80),
  });
  // a certified disability, from about 1% of the young to 5% of the old
  const disabled = !f.foreigner && chance(rng, 0.01 + Math.max(0, age - 20) * 0.0006);
  if (disabled) {
    r.disability_category = disabilityCategories(rng);
    r.disability_grade = disabilityGrades(rng);
    r.disability_certificate = `${f.person.idNumber}${r.disability_category}${r.disability_grade}`; // 第二代残疾人证号: ID number, category, grade
    r.disability_subsidy = yes(Number(r.disability_grade) <= 2 || dibao);
  }
  const chronic = (age < 40 ? chronicUnder40 : age < 60 ? chronicUnder60 : chronicOlder)(rng);
  const selfCare = age < 6 ? '' : disabled && Number(r.disability_grade) <= 2 ? pick(rng, ['2', '3']) : age >= 85 ? pick(rng, ['1', '1', '2', '2', '3']) : age >= 75 ? pick(rng, ['1', '1', '1', '1', '2']) : '1';
  Object.assign(r, {
    chronic_disease: chronic,
    health_status: disabled ? '6' : chronic !== '0' ? '3' : age >= 75 && chance(rng, 0.4) ? '2' : '1',
    family_doctor: yes(chance(rng, age >= 65 || chronic !== '0' ? 0.7 : 0.2)),
    self_care: selfCare,
    serious_mental_disorder: yes(adult && chance(rng, r.disability_category === '6' ? 0.4 : 0.002)),
    pregnant: yes(!f.male && age >= 20 && age <= 40 && (r.marital_status === '20' || r.marital_status === '22') && chance(rng, 0.05)),
    needs_care: yes(selfCare === '2' || selfCare === '3'),
  });
}

function family(rng: Rng, r: Row, f: Facts) {
  const { age, birthYear, home, ctx } = f;
  const elderly = age >= 60;
  const drawn = age < 22 ? 0 : birthYear < 1955 ? int(rng, 2, 5) : birthYear < 1972 ? int(rng, 1, 3) : birthYear < 1990 ? pick(rng, [0, 1, 1, 1, 2, 2]) : pick(rng, [0, 0, 1, 1, 2]);
  const children = Math.max(drawn, ctx.childrenAtHome ?? 0);
  const needsGuardian = age < 18 || r.self_care === '3' || r.serious_mental_disorder === '是';
  Object.assign(r, {
    lives_alone: yes(elderly && home.size === 1),
    empty_nest: yes(elderly && home.elderlyOnly),
    left_behind: !home.parentsAway ? '0' : age < 16 ? '1' : elderly ? '3' : '0',
    guardian_name: needsGuardian ? (ctx.guardian?.name ?? '') : '',
    guardian_phone: needsGuardian ? (ctx.guardian?.phone ?? '') : '',
    children_count: String(children),
    only_child_family: yes(children === 1 && birthYear >= 1955 && birthYear < 1995),
  });
  const stage = schoolStages.filter(([from]) => age >= from).at(-1);
  if (stage && age < 18) {
    r.school = pick(rng, stage[1]);
    r.grade = stage[2][Math.min(age - stage[0], stage[2].length - 1)]!;
  } else if (r.employment_status === '31' && r.graduated_from) {
    r.school = r.graduated_from;
    r.graduated_from = '';
    r.grade = ['大一', '大二', '大三', '大四'][Math.min(3, Math.max(0, age - 18))]!;
  }
}

function serviceAndAttention(rng: Rng, r: Row, f: Facts) {
  const { age, adult, person, male } = f;
  Object.assign(r, { veteran: '否', preferential_treatment: yes(chance(rng, 0.002)) }); // 优抚 also covers families of soldiers and martyrs
  if (adult && age >= 20 && chance(rng, male ? 0.04 : 0.002)) {
    const enlisted = addYears(person.birthDate, int(rng, 18, 20));
    const years = age >= 60 && chance(rng, 0.15) ? int(rng, 10, 25) : int(rng, 2, 5);
    const discharged = addYears(enlisted, years) < f.asOf ? addYears(enlisted, years) : f.asOf;
    Object.assign(r, {
      veteran: '是', military_service: '1', veteran_type: years >= 10 ? pick(rng, ['2', '3', '4']) : '1', enlistment_date: enlisted,
      discharge_date: discharged, preferential_treatment: yes(chance(rng, 0.1)),
    });
    if (r.political_status === '13' && chance(rng, 0.25)) {
      // many join the Party while serving
      Object.assign(r, { political_status: '01', party_join_date: dayBetween(rng, enlisted, discharged), party_organization: `张店区${pick(rng, streets)}社区党委` });
    }
  } else if (male && age >= 18 && age < 45 && chance(rng, 0.02)) {
    r.military_service = '2';
  }
  r.martyr_family = yes(chance(rng, 0.0005));
  const reasons = r.serious_mental_disorder === '是' ? ['严重精神障碍'] : [];
  for (const [key, reason, odds] of keyPeople) {
    r[key] = yes(adult && chance(rng, key === 'released_prisoner' && !male ? odds / 4 : odds));
    if (r[key] === '是') reasons.push(reason);
  }
  r.key_youth = yes(age >= 6 && age <= 25 && chance(rng, 0.002));
  if (r.key_youth === '是') reasons.push('重点青少年');
  r.under_attention = yes(reasons.length > 0);
  r.attention_reason = reasons.join('、');
  const volunteer = adult && age <= 75 && chance(rng, r.political_status === '01' ? 0.3 : 0.07);
  r.volunteer = yes(volunteer);
  r.volunteer_hours = volunteer ? String(int(rng, 2, 300)) : '';
  r.skills = adult && chance(rng, 0.05) ? pick(rng, skills) : '';
}

function belongings(rng: Rng, r: Row, f: Facts) {
  const { age } = f;
  const car = age >= 22 && age <= 75 && chance(rng, age < 60 ? 0.35 : 0.12);
  r.has_vehicle = yes(car);
  if (car) {
    r.vehicle_type = pick(rng, ['1', '1', '1', '1', '1', '1', '2', '2', '3', '4']);
    // 淄博's plates are 鲁C; a new-energy car has six characters after it, the first D or F
    r.vehicle_plate = r.vehicle_type === '2' ? `鲁C${pick(rng, ['D', 'F'])}${digits(rng, 5)}` : `鲁C${pick(rng, plateLetters)}${chance(rng, 0.5) ? pick(rng, plateLetters) : int(rng, 0, 9)}${digits(rng, 3)}`;
  }
  const ebike = age >= 15 && age <= 75 && chance(rng, 0.3);
  r.has_ebike = yes(ebike);
  r.ebike_plate = ebike ? digits(rng, 6) : ''; // each city numbers e-bikes its own way; a number is enough here
  r.pet = f.ctx.relation === '02' ? pick(rng, ['0', '0', '0', '0', '0', '0', '0', '0', '1', '2']) : '0';
  if (r.pet === '1') Object.assign(r, { dog_license: `${f.asOf.slice(0, 4)}${digits(rng, 6)}`, dog_breed: pick(rng, dogBreeds), dog_vaccinated: yes(chance(rng, 0.85)) });
}

function collection(rng: Rng, r: Row, f: Facts) {
  // someone living elsewhere: the old name a child or sibling, the young a parent, sibling, friend or colleague
  const relation = f.age >= 50 ? pick(rng, ['2', '2', '4', '5']) : pick(rng, ['3', '3', '4', '5', '6', '7']);
  const contact = f.ctx.emergency ?? (f.adult ? { name: syntheticName(rng, chance(rng, 0.5) ? '1' : '2', f.birthYear), phone: syntheticMobile(rng), relation } : f.ctx.guardian);
  if (contact) Object.assign(r, { emergency_contact_name: contact.name, emergency_contact_relation: contact.relation, emergency_contact_phone: contact.phone });
  const collected = dayBetween(rng, latest(addYears(f.asOf, -3), f.person.birthDate), f.asOf);
  const verified = chance(rng, 0.85);
  Object.assign(r, {
    status: chance(rng, 0.99) ? '1' : pick(rng, ['2', '4']),
    data_source: pick(rng, ['1', '1', '1', '1', '1', '1', '2', '2', '3', '4']),
    // one collector per grid, as on a real grid
    collected_by: syntheticName(seededRandom(`collector:${f.ctx.gridCode}`), '2', 1988),
    collected_at: collected,
    updated_at: dayBetween(rng, collected, f.asOf),
    verified: yes(verified),
    verified_at: verified ? dayBetween(rng, collected, f.asOf) : '',
    remarks: chance(rng, 0.03) ? pick(rng, remarks) : '',
  });
}

// ---- homes, records, households ----------------------------------------------------------------------

/** A home: hukou households here own theirs; most migrants rent, some live in dormitories or on site. */
export function syntheticHome(rng: Rng, options: { personType: PersonType; head: { name: string; idNumber: string }; size: number }): Home {
  const { personType } = options;
  const renting = chance(rng, personType === 'huji' ? 0.08 : personType === 'changzhu' ? 0.5 : 0.8);
  return {
    address: zhangdianAddress(rng),
    size: options.size,
    headName: options.head.name,
    headIdNumber: options.head.idNumber,
    householdNumber: personType === 'huji' ? `3703${digits(rng, 5)}` : '',
    dwellingType: renting ? '2' : personType === 'liudong' ? pick(rng, ['3', '4', '5', '1']) : '1',
    floorArea: renting ? int(rng, 30, 90) : int(rng, 50, 160),
    landlord: renting ? { name: syntheticName(rng, chance(rng, 0.5) ? '1' : '2', int(rng, 1950, 1990)), phone: syntheticMobile(rng) } : null,
    landline: chance(rng, 0.1) ? landline(rng) : '',
    elderlyOnly: false,
    parentsAway: false,
  };
}

/** A value for each of the 143 fields: dates YYYY-MM-DD, choices as their value, booleans 是/否, '' where a question does not apply. */
export function residentRecord(rng: Rng, person: SyntheticPerson, ctx: ResidentContext): Record<string, string> {
  const asOf = ctx.asOf ?? shanghaiDay(new Date());
  const origin = placeByCode.get(person.idNumber.slice(0, 6)) ?? zhangdian;
  const foreigner = ctx.personType === 'jingwai' && origin.province === '';
  const self = ctx.relation === '02' ? person : { name: syntheticName(rng, '1', Number(person.birthDate.slice(0, 4))), idNumber: '' };
  const home = ctx.home ?? syntheticHome(rng, { personType: ctx.personType, head: { name: self.name, idNumber: foreigner ? '' : self.idNumber }, size: 1 });
  const age = ageOn(person.birthDate, asOf);
  const f: Facts = { person, ctx, home, asOf, age, birthYear: Number(person.birthDate.slice(0, 4)), adult: age >= 18, male: person.gender === '1', origin, foreigner };
  const r: Row = {};
  for (const field of residentFields) r[field.key] = '';
  Object.assign(r, {
    name: person.name, id_number: foreigner ? '' : person.idNumber, gender: person.gender, birth_date: person.birthDate, ethnicity: foreigner ? '' : person.ethnicity,
    // a young child's number is a parent's
    phone: age < 12 && ctx.guardian ? ctx.guardian.phone : person.phone,
    person_type: ctx.personType, grid_code: ctx.gridCode, address_code: ctx.addressCode, relation: ctx.relation,
  });
  basics(rng, r, f);
  residence(rng, r, f);
  const status = work(rng, r, f);
  welfareAndHealth(rng, r, f, status);
  family(rng, r, f);
  serviceAndAttention(rng, r, f);
  belongings(rng, r, f);
  collection(rng, r, f);
  return r;
}

/** The records of one household at one address: one home, parents as guardians, spouses as each other's emergency contact. */
export function householdRecords(rng: Rng, household: SyntheticHousehold, ctx: { gridCode: string; addressCode: string; personType: PersonType; asOf?: string }): Record<string, string>[] {
  const asOf = ctx.asOf ?? shanghaiDay(new Date());
  const [head, ...others] = household.members;
  if (!head) return [];
  const foreignHead = ctx.personType === 'jingwai' && placeByCode.get(head.person.idNumber.slice(0, 6))?.province === '';
  const home = syntheticHome(rng, { personType: ctx.personType, head: { name: head.person.name, idNumber: foreignHead ? '' : head.person.idNumber }, size: household.members.length });
  home.elderlyOnly = household.members.every((m) => ageOn(m.person.birthDate, asOf) >= 60);
  home.parentsAway = household.parentsAway;
  const spouse = others.find((m) => m.relation === '10')?.person;
  const children = others.filter((m) => m.relation === '20' || m.relation === '30').length;
  const contact = (p: SyntheticPerson, relation: string): Contact => ({ name: p.name, phone: p.phone, relation });
  return household.members.map(({ person, relation }) => {
    const partner = relation === '02' ? spouse : relation === '10' ? head.person : undefined;
    const child = relation === '20' || relation === '30' || relation === '40';
    const guardian = child ? contact(head.person, relation === '40' ? '5' : '3') : undefined;
    const emergency = partner ? contact(partner, '1') : relation === '50' ? contact(head.person, '2') : guardian;
    return residentRecord(rng, person, {
      ...ctx, asOf, relation, home, guardian, emergency,
      spouseAtHome: partner !== undefined,
      childrenAtHome: partner ? children : 0,
    });
  });
}
