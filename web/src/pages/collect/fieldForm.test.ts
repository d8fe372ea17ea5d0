import type { FieldDefinition } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../../server/src/modules/basedata/identity';
import { checkValue, factsOfIdNumber, fillableFields, formValuesOf, recordValues } from './fieldForm';

const field = (key: string, more: Partial<FieldDefinition> = {}): FieldDefinition => ({
  id: null, entity: 'person', key, label: key, labelEn: '', type: 'text', required: false, options: [], pattern: null, min: null, max: null,
  maxLength: null, core: true, scopeCode: null, authority: null, active: true, ...more,
});
const validId = (first17: string) => first17 + idCheckChar(first17);

describe('checkValue', () => {
  it('checks a resident ID number like the server: format, date of birth, check digit', () => {
    const id = field('id_number');
    expect(checkValue(id, validId('37030319900101123'), 'resident')).toBeNull();
    expect(checkValue(id, '370303199001011234', 'resident')).toEqual({ code: 'id_check' });
    expect(checkValue(id, '37030319900101', 'resident')).toEqual({ code: 'id_format' });
    expect(checkValue(id, validId('37030319901301123'), 'resident')).toEqual({ code: 'id_birth' });
    // a passport number is only letters and digits
    expect(checkValue(id, 'E12345678', 'passport')).toBeNull();
    expect(checkValue(id, 'E1-2', 'passport')).toEqual({ code: 'document' });
  });

  it('checks phones, numbers with their range, patterns and lengths', () => {
    expect(checkValue(field('phone'), '138 1234 5678', 'resident')).toBeNull();
    expect(checkValue(field('phone'), '12345', 'resident')).toEqual({ code: 'phone' });
    const floor = field('floor', { type: 'number', min: 1, max: 60, core: false });
    expect(checkValue(floor, '12', 'resident')).toBeNull();
    expect(checkValue(floor, '99', 'resident')).toEqual({ code: 'range', min: 1, max: 60 });
    expect(checkValue(floor, 'abc', 'resident')).toEqual({ code: 'number' });
    const plate = field('plate', { pattern: '^鲁C', core: false });
    expect(checkValue(plate, '鲁C12345', 'resident')).toBeNull();
    expect(checkValue(plate, '京A12345', 'resident')).toEqual({ code: 'pattern' });
    expect(checkValue(field('name', { maxLength: 3 }), '欧阳娜娜', 'resident')).toEqual({ code: 'too_long', max: 3 });
    // a pattern the browser cannot compile is left to the server
    expect(checkValue(field('odd', { pattern: '(' }), 'x', 'resident')).toBeNull();
  });

  it('does not apply ID or phone rules to an extra field that happens to have the key', () => {
    expect(checkValue(field('phone', { core: false }), 'any', 'resident')).toBeNull();
  });
});

describe('values', () => {
  const defs = [field('id_number'), field('name'), field('grid_code'), field('retired', { active: false }), field('veteran', { type: 'boolean', core: false }), field('floor', { type: 'number', core: false })];

  it('shows active fields without the grid (the worker’s own)', () => {
    expect(fillableFields(defs).map((d) => d.key)).toEqual(['id_number', 'name', 'veteran', 'floor']);
  });

  it('sends trimmed text, booleans and numbers as text, leaves blanks out and adds the grid', () => {
    expect(recordValues(defs, { id_number: ' 370303 ', name: '张三', veteran: false, floor: 3, retired: 'x', other: 'y' }, '370303001001001'))
      .toEqual({ id_number: '370303', name: '张三', veteran: 'false', floor: '3', grid_code: '370303001001001' });
    expect(recordValues(defs, { name: '  ' }, '370303001001001')).toEqual({ grid_code: '370303001001001' });
  });

  it('puts a queued registration back into the form', () => {
    expect(formValuesOf(defs, { name: '张三', veteran: 'true', floor: '3', grid_code: '370303001001001', id_number: null }))
      .toEqual({ name: '张三', veteran: true, floor: 3 });
  });

  it('reads gender and date of birth from a resident ID number', () => {
    expect(factsOfIdNumber(validId('37030319900101123'))).toEqual({ gender: '1', birth_date: '1990-01-01' });
    expect(factsOfIdNumber('nonsense')).toBeNull();
  });
});
