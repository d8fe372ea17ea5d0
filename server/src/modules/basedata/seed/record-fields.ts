import { addYears, dayBetween } from '../synthetic/people.js';
import type { Rng } from '../synthetic/random.js';
import { residentFields } from '../synthetic/resident-fields.js';

/**
 * What the demo keeps of a synthetic 143-field resident record: a handful of its answers as extra
 * fields of the person (defined for the district, so that forms and the person page label them), and
 * the group tags its answers imply. Each kept field names the department it comes from (一数一源).
 */

interface KeptField {
  key: string;
  /** the resident record's field the value comes from (the same key unless named) */
  from?: string;
  labelEn: string;
  source: string;
}

export const keptFields: readonly KeptField[] = [
  { key: 'ethnicity', labelEn: 'Ethnicity', source: 'gongan' },
  { key: 'native_place', labelEn: 'Native place', source: 'gongan' },
  { key: 'huji_address', labelEn: 'Registered (hukou) address', source: 'gongan' },
  { key: 'education', labelEn: 'Education', source: 'gongan' },
  { key: 'marital_status', labelEn: 'Marital status', source: 'gongan' },
  { key: 'political_status', labelEn: 'Political status', source: 'wangge' },
  { key: 'employment_status', labelEn: 'Employment status', source: 'renshe' },
  { key: 'occupation', labelEn: 'Occupation', source: 'renshe' },
  { key: 'employer', labelEn: 'Employer', source: 'renshe' },
  { key: 'subsistence_allowance', from: 'dibao', labelEn: 'Minimum living allowance', source: 'minzheng' },
  { key: 'disability_category', labelEn: 'Disability category', source: 'canlian' },
  { key: 'disability_grade', labelEn: 'Disability grade', source: 'canlian' },
  { key: 'veteran', labelEn: 'Veteran', source: 'tuijun' },
  { key: 'inflow_reason', labelEn: 'Reason for moving here', source: 'wangge' },
  { key: 'residence_permit_type', labelEn: 'Residence permit', source: 'wangge' },
  { key: 'foreign_nationality', labelEn: 'Nationality (region)', source: 'gongan' },
];

const recordField = new Map(residentFields.map((f) => [f.key, f]));

/** Rows of field_definitions for the kept fields, for the whole district, in the order of the form. */
export function keptFieldDefinitions(scopeCode: string) {
  return keptFields.map((k, i) => {
    const f = recordField.get(k.from ?? k.key);
    if (!f) throw new Error(`resident record has no field ${k.from ?? k.key}`);
    return {
      entity: 'person' as const, scope_code: scopeCode, key: k.key, label: f.labelZh, label_en: k.labelEn, type: f.type,
      options: JSON.stringify((f.options ?? []).map((o) => ({ value: o.value, label: o.labelZh }))), sort: 100 + i,
    };
  });
}

/** The kept answers of a record: blanks left out, yes/no as the base data writes booleans, a 否 left out too. */
export function keptValues(record: Readonly<Record<string, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const k of keptFields) {
    const value = record[k.from ?? k.key] ?? '';
    if (value === '' || value === '否') continue;
    values[k.key] = value === '是' ? 'true' : value;
  }
  return values;
}

/** Which source each kept value came from, for the record's provenance (`*` covers the rest). */
export function keptSources(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(keptFields.filter((k) => k.key in values).map((k) => [k.key, k.source]));
}

export interface TagPlan {
  code: string;
  since: string;
  /** the department that reported the person as one of the group */
  source: string;
}

/** Group tags the record's answers imply, and since when (focus groups come from the justice and health bureaux). */
const tagRules: readonly (readonly [string, string, (r: Readonly<Record<string, string>>) => boolean])[] = [
  ['elderly_alone', 'wangge', (r) => r.lives_alone === '是'],
  ['empty_nest', 'wangge', (r) => r.empty_nest === '是' && r.lives_alone !== '是'],
  ['disabled', 'canlian', (r) => r.disability_category !== ''],
  ['low_income', 'minzheng', (r) => r.dibao === '是'],
  ['veteran', 'tuijun', (r) => r.veteran === '是'],
  ['left_behind_child', 'wangge', (r) => r.left_behind === '1'],
  ['severe_mental', 'weijian', (r) => r.serious_mental_disorder === '是'],
  ['community_correction', 'sifa', (r) => r.community_correction === '是'],
  ['released_prisoner', 'sifa', (r) => r.released_prisoner === '是'],
  ['drug_rehab', 'sifa', (r) => r.drug_rehabilitation === '是'],
  ['petitioner', 'wangge', (r) => r.key_petitioner === '是'],
  ['focus', 'wangge', (r) => r.key_youth === '是'],
];

export function tagsOf(rng: Rng, record: Readonly<Record<string, string>>, asOf: string): TagPlan[] {
  const born = record.birth_date!;
  const from = addYears(asOf, -6) > born ? addYears(asOf, -6) : born;
  return tagRules.filter(([, , applies]) => applies(record)).map(([code, source]) => ({ code, source, since: dayBetween(rng, from, asOf) }));
}
