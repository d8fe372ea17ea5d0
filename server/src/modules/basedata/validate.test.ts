import { describe, expect, it } from 'vitest';
import type { FieldSpec } from './field-model.js';
import { coreFields } from './field-model.js';
import { idCheckChar } from './identity.js';
import { columnPlan, normalizeDate, validateCells, validateValues } from './validate.js';

const id = (first17: string) => first17 + idCheckChar(first17);
const extra: FieldSpec[] = [
  { key: 'height_cm', label: '身高', labelEn: '', type: 'number', required: false, core: false, min: 50, max: 250 },
  { key: 'lives_alone', label: '独居', labelEn: '', type: 'boolean', required: false, core: false },
  { key: 'education', label: '文化程度', labelEn: '', type: 'choice', required: true, core: false, options: [{ value: '20', label: '大学本科' }, { value: '30', label: '大学专科' }] },
  { key: 'plate', label: '车牌', labelEn: '', type: 'text', required: false, core: false, pattern: '^鲁C[A-Z0-9]{5,6}$', maxLength: 8 },
  { key: 'since', label: '居住起始', labelEn: '', type: 'date', required: false, core: false },
];
const specs = [...coreFields.person, ...extra];
const codes = (raw: Record<string, string>, mode: 'create' | 'update' = 'update') => Object.fromEntries(validateValues(specs, raw, mode).errors.map((e) => [e.field, e.code]));

describe('normalizeDate', () => {
  it('reads the ways dates are written in Chinese offices', () => {
    for (const d of ['2026-03-01', '2026/3/1', '2026.3.1', '20260301', '2026年3月1日']) expect(normalizeDate(d)).toBe('2026-03-01');
  });
  it('refuses impossible dates', () => {
    for (const d of ['2026-02-30', '2026-13-01', '1899-12-31', '3月1日', '']) expect(normalizeDate(d)).toBeNull();
  });
});

describe('validateValues', () => {
  it('normalises every type: numbers, yes/no, choices by label or value, dates', () => {
    const { values, errors } = validateValues(specs, { height_cm: '1,70', lives_alone: '是', education: '大学本科', since: '2020/5/1' }, 'update');
    expect(errors).toEqual([]);
    expect(values).toEqual({ height_cm: '170', lives_alone: 'true', education: '20', since: '2020-05-01' });
    expect(validateValues(specs, { education: '30', lives_alone: '否' }, 'update').values).toEqual({ education: '30', lives_alone: 'false' });
  });
  it('names the rule each bad value breaks', () => {
    expect(codes({ height_cm: '3', lives_alone: '也许', education: '博士', plate: '京A12345', since: '昨天', phone: '123' })).toEqual({
      height_cm: 'basedata.value.range', lives_alone: 'basedata.value.boolean', education: 'basedata.value.choice', plate: 'basedata.value.pattern',
      since: 'basedata.value.date', phone: 'basedata.value.phone',
    });
    expect(codes({ plate: '鲁C12345678' })).toEqual({ plate: 'basedata.value.too_long' });
    expect(codes({ height_cm: 'abc' })).toEqual({ height_cm: 'basedata.value.number' });
  });
  it('requires required fields when creating, and checks only what is given when updating', () => {
    expect(codes({}, 'create')).toEqual({ id_number: 'basedata.value.required', name: 'basedata.value.required', person_type: 'basedata.value.required', education: 'basedata.value.required' });
    expect(codes({}, 'update')).toEqual({});
    expect(validateValues(specs, { name: '' }, 'update').values).toEqual({ name: null });
  });
  it('checks resident ID numbers and takes gender and birth date from them, refusing a contradiction', () => {
    const woman = id('37030319850615002');
    expect(validateValues(specs, { id_number: woman.toLowerCase() }, 'update').values).toEqual({ id_number: woman.toUpperCase(), gender: '2', birth_date: '1985-06-15' });
    expect(codes({ id_number: woman, gender: '1', birth_date: '1985-06-16' })).toEqual({ gender: 'basedata.value.id_mismatch', birth_date: 'basedata.value.id_mismatch' });
    expect(codes({ id_number: `${woman.slice(0, 17)}${woman[17] === '0' ? '1' : '0'}` })).toEqual({ id_number: 'basedata.value.id_check' });
    expect(codes({ id_number: '370303850615002' })).toEqual({ id_number: 'basedata.value.id_format' });
    expect(codes({ id_number: id('37030319851315002') })).toEqual({ id_number: 'basedata.value.id_birth' });
  });
  it('accepts passports and permits as document numbers of 5–20 letters or digits', () => {
    expect(validateValues(specs, { id_type: 'passport', id_number: 'e12345678' }, 'update').values.id_number).toBe('E12345678');
    expect(codes({ id_type: 'passport', id_number: 'E1-2' })).toEqual({ id_number: 'basedata.value.document' });
  });
  it('checks grid codes and credit codes by their formats', () => {
    expect(codes({ grid_code: '37030300100100' })).toEqual({ grid_code: 'basedata.value.grid_format' });
    expect(validateValues(coreFields.organisation, { uscc: '91350100M000100Y43' }, 'update').errors).toEqual([]);
    expect(validateValues(coreFields.organisation, { uscc: '91350100M000100Y44' }, 'update').errors[0]?.code).toBe('basedata.value.uscc_check');
  });
});

describe('validateCells', () => {
  /** The plan an import makes for these columns (gender and birth date get a place of their own). */
  const planOf = (fields: string[]) => columnPlan(fields, (k) => specs.find((s) => s.key === k));
  const rows: Record<string, string>[] = [
    { name: ' 张三 ', id_number: id('37030319900101123'), height_cm: '1,70', lives_alone: '是', education: '大学本科', since: '2020/5/1', unknown_column: 'x' },
    { name: '李四', id_number: id('37030319850601124'), gender: '1', height_cm: '300', education: '博士', since: '2020-02-30', plate: '鲁C12' },
    { name: '', id_type: 'passport', id_number: 'E1234567', lives_alone: '', plate: '' },
  ];

  it('checks a row by position as validateValues checks it by key', () => {
    for (const raw of rows) {
      const fields = [...Object.keys(raw), ...['gender', 'birth_date'].filter((k) => !(k in raw))];
      const { values, errors } = validateCells(planOf(fields), fields.map((k) => raw[k]));
      const byKey = Object.fromEntries(fields.flatMap((k, i) => (values[i] === undefined ? [] : [[k, values[i]]])));
      const expected = validateValues(specs, raw, 'update');
      // errors come in column order rather than field order
      const sorted = (e: typeof errors) => [...e].sort((a, b) => a.field.localeCompare(b.field));
      expect({ values: byKey, errors: sorted(errors) }).toEqual({ values: expected.values, errors: sorted(expected.errors) });
    }
  });

  it('takes gender and birth date from a resident ID number into their places', () => {
    const fields = ['id_number', 'gender', 'birth_date'];
    const { values, errors } = validateCells(planOf(fields), [id('37030319900101123'), undefined, undefined]);
    expect(errors).toEqual([]);
    expect(values).toEqual([id('37030319900101123'), '1', '1990-01-01']);
  });
});
