import type { BaseEntity } from '../../db/schema.js';

export type FieldType = 'text' | 'number' | 'date' | 'choice' | 'boolean';

/** One field of a record, core (a column) or extra (defined by an administrator, kept in `extra`). */
export interface FieldSpec {
  key: string;
  label: string;
  labelEn: string;
  type: FieldType;
  required: boolean;
  options?: { value: string; label: string }[];
  pattern?: string | null;
  min?: number | null;
  max?: number | null;
  maxLength?: number | null;
  /** Other column headings department files use for it (a file is mapped by heading). */
  aliases?: string[];
  /** How the value is checked beyond its type. */
  check?: 'id_number' | 'phone' | 'uscc' | 'grid_code';
  core: boolean;
}

const text = (key: string, label: string, labelEn: string, more: Partial<FieldSpec> = {}): FieldSpec => ({
  key, label, labelEn, type: 'text', required: false, core: true, maxLength: 200, ...more,
});
const choice = (key: string, label: string, labelEn: string, options: [string, string][], more: Partial<FieldSpec> = {}): FieldSpec => ({
  key, label, labelEn, type: 'choice', required: false, core: true, options: options.map(([value, l]) => ({ value, label: l })), ...more,
});

export const personTypes: [string, string][] = [['huji', '户籍人口'], ['changzhu', '常住人口'], ['liudong', '流动人口'], ['jingwai', '境外人员']];
export const residenceRelations: [string, string][] = [['owner', '产权人'], ['family', '家庭成员'], ['tenant', '租户'], ['collective', '集体户'], ['other', '其他']];
export const dwellingUsages: [string, string][] = [['owner_occupied', '自住'], ['rented', '出租'], ['vacant', '空置'], ['commercial', '商用']];
export const orgTypes: [string, string][] = [['enterprise', '企业'], ['individual', '个体工商户'], ['social', '社会组织'], ['public', '机关事业单位']];
/** GB/T 4754-2017 sections. */
export const industries: [string, string][] = [
  ['A', '农、林、牧、渔业'], ['B', '采矿业'], ['C', '制造业'], ['D', '电力、热力、燃气及水生产和供应业'], ['E', '建筑业'],
  ['F', '批发和零售业'], ['G', '交通运输、仓储和邮政业'], ['H', '住宿和餐饮业'], ['I', '信息传输、软件和信息技术服务业'],
  ['J', '金融业'], ['K', '房地产业'], ['L', '租赁和商务服务业'], ['M', '科学研究和技术服务业'], ['N', '水利、环境和公共设施管理业'],
  ['O', '居民服务、修理和其他服务业'], ['P', '教育'], ['Q', '卫生和社会工作'], ['R', '文化、体育和娱乐业'], ['S', '公共管理、社会保障和社会组织'], ['T', '国际组织'],
];

const gridCode = text('grid_code', '所属网格', 'Grid', { pattern: '^\\d{15}$', check: 'grid_code', aliases: ['网格编码', '网格'] });
const addressCode = text('address_code', '标准地址编码', 'Standard address code', { aliases: ['地址编码', '房屋编码'] });

/** The core fields of each entity: columns of its table, the same for every jurisdiction. */
export const coreFields: Record<BaseEntity, FieldSpec[]> = {
  person: [
    choice('id_type', '证件类型', 'ID type', [['resident', '居民身份证'], ['passport', '护照'], ['permit', '港澳台居民居住证/通行证']]),
    text('id_number', '公民身份号码', 'ID number', { required: true, check: 'id_number', maxLength: 30, aliases: ['身份证号', '身份证号码', '证件号码'] }),
    text('name', '姓名', 'Name', { required: true, maxLength: 50 }),
    choice('gender', '性别', 'Gender', [['1', '男'], ['2', '女']]),
    { key: 'birth_date', label: '出生日期', labelEn: 'Date of birth', type: 'date', required: false, core: true },
    text('phone', '联系电话', 'Phone', { check: 'phone', maxLength: 20, aliases: ['手机号码', '手机号', '电话'] }),
    choice('person_type', '人员类型', 'Population type', personTypes, { required: true, aliases: ['人口类型'] }),
    { ...gridCode, required: false },
    addressCode,
    choice('residence', '居住关系', 'Residence', residenceRelations, { aliases: ['居住类型'] }),
    { key: 'moved_in', label: '入住日期', labelEn: 'Moved in', type: 'date', required: false, core: true, aliases: ['居住起始日期'] },
  ],
  dwelling: [
    addressCode,
    choice('usage', '房屋用途', 'Use', dwellingUsages, { aliases: ['使用情况', '房屋状态'] }),
    { key: 'area_m2', label: '建筑面积（㎡）', labelEn: 'Floor area (m²)', type: 'number', required: false, core: true, min: 1, max: 100000, aliases: ['建筑面积', '面积'] },
    { key: 'lease_start', label: '租赁起始日期', labelEn: 'Lease start', type: 'date', required: false, core: true },
    { key: 'lease_end', label: '租赁截止日期', labelEn: 'Lease end', type: 'date', required: false, core: true },
  ],
  organisation: [
    text('uscc', '统一社会信用代码', 'Unified social credit code', { check: 'uscc', maxLength: 18, aliases: ['信用代码', '社会信用代码'] }),
    text('name', '单位名称', 'Name', { required: true, aliases: ['名称', '企业名称'] }),
    choice('org_type', '单位类型', 'Type', orgTypes, { required: true, aliases: ['类型'] }),
    choice('industry', '所属行业', 'Industry (GB/T 4754)', industries, { aliases: ['行业', '行业门类'] }),
    { ...gridCode, required: true },
    text('address', '地址', 'Address', { required: true, aliases: ['经营地址', '注册地址', '住所'] }),
    text('legal_rep', '法定代表人', 'Legal representative', { maxLength: 50, aliases: ['负责人', '法人'] }),
    text('phone', '联系电话', 'Phone', { check: 'phone', maxLength: 20, aliases: ['电话'] }),
    { key: 'head_count', label: '从业人数', labelEn: 'Head count', type: 'number', required: false, core: true, min: 0, max: 1000000, aliases: ['员工人数', '人数'] },
  ],
};

/** Fields whose values are personal and stored encrypted, shown masked. */
export const piiFields = new Set(['id_number', 'phone']);
