import type { MessageCode } from '../../platform/messages.js';
import type { FieldSpec } from './field-model.js';
import { normalizePhone, parseIdNumber, parseUscc } from './identity.js';

export interface ValueError {
  field: string;
  code: MessageCode;
  params: Record<string, unknown>;
}

export interface Validated {
  values: Record<string, string | null>;
  errors: ValueError[];
}

const truthy = new Set(['是', '有', 'true', '1', 'y', 'yes', '√']);
const falsy = new Set(['否', '无', 'false', '0', 'n', 'no', '×']);

/** 2026-03-01, 2026/3/1, 2026.3.1, 20260301, 2026年3月1日 → 2026-03-01; anything else → null. */
export function normalizeDate(input: string): string | null {
  const m = /^(\d{4})(?:[-/.年]?)(\d{1,2})(?:[-/.月]?)(\d{1,2})日?$/.exec(input) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(input);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Checks and normalises the values of one record against its fields. Blank values are null; on
 * 'create' a required field must be present, on 'update' only what is given is checked.
 */
export function validateValues(specs: readonly FieldSpec[], raw: Record<string, string | null | undefined>, mode: 'create' | 'update'): Validated {
  const keys = specs.map((s) => s.key);
  const bySpec = new Map(specs.map((s) => [s.key, s]));
  const checked = validateCells(columnPlan(keys, (key) => bySpec.get(key)), keys.map((k) => (k in raw ? (raw[k] ?? '') : undefined)), mode);
  const values: Record<string, string | null> = {};
  keys.forEach((k, i) => checked.values[i] !== undefined && (values[k] = checked.values[i]!));
  return { values, errors: checked.errors };
}

/** Choice values and labels → value, per field definition (specs are cached, so this is built once). */
const optionMaps = new WeakMap<FieldSpec, Map<string, string>>();
function optionsOf(spec: FieldSpec): Map<string, string> {
  let map = optionMaps.get(spec);
  if (!map) {
    map = new Map();
    for (const o of spec.options ?? []) map.set(o.label, o.value);
    for (const o of spec.options ?? []) map.set(o.value, o.value);
    optionMaps.set(spec, map);
  }
  return map;
}

const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source)));
  return re;
}

function normalize(spec: FieldSpec, input: string, idType: string, fail: (code: MessageCode, params?: Record<string, unknown>) => void): string | undefined {
  // UTF-16 length bounds the character count from above: count characters only when it might be too long
  if (spec.maxLength && input.length > spec.maxLength && [...input].length > spec.maxLength) return void fail('basedata.value.too_long', { max: spec.maxLength });
  switch (spec.type) {
    case 'date': {
      const day = normalizeDate(input);
      return day ?? void fail('basedata.value.date');
    }
    case 'number': {
      const n = Number(input.replace(/,/g, ''));
      if (!Number.isFinite(n)) return void fail('basedata.value.number');
      if ((spec.min != null && n < spec.min) || (spec.max != null && n > spec.max)) return void fail('basedata.value.range', { min: spec.min ?? '', max: spec.max ?? '' });
      return String(n);
    }
    case 'boolean': {
      const lower = input.toLowerCase();
      if (truthy.has(lower)) return 'true';
      if (falsy.has(lower)) return 'false';
      return void fail('basedata.value.boolean');
    }
    case 'choice': {
      const option = optionsOf(spec).get(input);
      return option ?? void fail('basedata.value.choice', { options: (spec.options ?? []).map((o) => o.label).join('、') });
    }
    default:
      return checkText(spec, input, idType, fail);
  }
}

function checkText(spec: FieldSpec, input: string, idType: string, fail: (code: MessageCode, params?: Record<string, unknown>) => void): string | undefined {
  if (spec.check === 'id_number') {
    if (idType !== 'resident') return /^[A-Za-z0-9]{5,20}$/.test(input) ? input.toUpperCase() : void fail('basedata.value.document');
    const id = parseIdNumber(input);
    if (id.ok) return id.value;
    return void fail(id.reason === 'check_digit' ? 'basedata.value.id_check' : id.reason === 'birth_date' ? 'basedata.value.id_birth' : 'basedata.value.id_format');
  }
  if (spec.check === 'uscc') {
    const code = parseUscc(input);
    return code.ok ? code.value : void fail(code.reason === 'check_digit' ? 'basedata.value.uscc_check' : 'basedata.value.uscc_format');
  }
  if (spec.check === 'phone') {
    const phone = normalizePhone(input);
    return phone.ok ? phone.value : void fail('basedata.value.phone');
  }
  if (spec.pattern && !patternOf(spec.pattern).test(input)) return void fail(spec.check === 'grid_code' ? 'basedata.value.grid_format' : 'basedata.value.pattern');
  return input;
}

/** Gender and date of birth are written in a resident ID number: they must agree (and fill in when missing). */
function agreeWithIdNumber(idNumber: string, gender: string | null | undefined, birthDate: string | null | undefined, errors: ValueError[]) {
  const id = parseIdNumber(idNumber);
  if (!id.ok) return null;
  if (gender && gender !== id.gender) errors.push({ field: 'gender', code: 'basedata.value.id_mismatch', params: { label: '性别' } });
  if (birthDate && birthDate !== id.birthDate) errors.push({ field: 'birth_date', code: 'basedata.value.id_mismatch', params: { label: '出生日期' } });
  return id;
}

/**
 * How an import checks the columns of its file: the field of each column (undefined where the column
 * is no field of this record) and the positions of the identity fields (-1 when absent; gender and
 * birth date always have one, since a resident ID number fills them in).
 */
export interface ColumnPlan {
  specs: readonly (FieldSpec | undefined)[];
  idType: number;
  idNumber: number;
  gender: number;
  birthDate: number;
}

/** The plan of the columns `fields`, each checked as the field `specOf` names (undefined: not checked). */
export function columnPlan(fields: readonly string[], specOf: (key: string) => FieldSpec | undefined): ColumnPlan {
  return { specs: fields.map(specOf), idType: fields.indexOf('id_type'), idNumber: fields.indexOf('id_number'), gender: fields.indexOf('gender'), birthDate: fields.indexOf('birth_date') };
}

export interface ValidatedCells {
  /** By position in the plan; undefined where the row carries no value for the field. */
  values: (string | null | undefined)[];
  errors: ValueError[];
}

/**
 * Checks and normalises a record by position: an import's rows have the same columns, and a million
 * objects of 143 keys cost it more than checking them (validateValues is this for one record by key).
 * An undefined input is a field the record does not carry: skipped on 'update', required on 'create'.
 */
export function validateCells(plan: ColumnPlan, inputs: readonly (string | undefined)[], mode: 'create' | 'update' = 'update'): ValidatedCells {
  const values = new Array<string | null | undefined>(plan.specs.length);
  const errors: ValueError[] = [];
  const idType = (plan.idType >= 0 ? inputs[plan.idType]?.trim() : '') || 'resident';
  // one error function for the whole record (imports check 143 fields a row, a million rows)
  let spec = plan.specs.find(Boolean)!;
  let input = '';
  const fail = (code: MessageCode, params: Record<string, unknown> = {}) => errors.push({ field: spec.key, code, params: { label: spec.label, value: input, ...params } });
  for (let i = 0; i < plan.specs.length; i++) {
    const s = plan.specs[i];
    const given = inputs[i];
    if (!s || (given === undefined && mode === 'update')) continue;
    spec = s;
    input = (given ?? '').trim();
    if (input === '') {
      if (s.required && mode === 'create') fail('basedata.value.required');
      else if (given !== undefined) values[i] = null;
    } else values[i] = normalize(spec, input, idType, fail);
  }
  const idNumber = plan.idNumber >= 0 ? values[plan.idNumber] : null;
  if (idNumber && idType === 'resident') {
    const agreed = agreeWithIdNumber(idNumber, values[plan.gender], values[plan.birthDate], errors);
    if (agreed && plan.gender >= 0) values[plan.gender] ??= agreed.gender;
    if (agreed && plan.birthDate >= 0) values[plan.birthDate] ??= agreed.birthDate;
  }
  return { values, errors };
}
