import type { FieldDefinition } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { createBody, formOf, isPattern, updateBody } from './fieldDraft';

describe('field drafts', () => {
  it('sends only the settings of the chosen type, trimmed', () => {
    expect(createBody('person', { key: ' car_plate ', label: ' 车牌号 ', type: 'text', required: false, pattern: '^鲁', maxLength: 10, min: 3, options: [{ value: 'a', label: 'A' }] }))
      .toEqual({ entity: 'person', key: 'car_plate', label: '车牌号', labelEn: '', type: 'text', required: false, options: [], pattern: '^鲁', min: null, max: null, maxLength: 10 });
    expect(createBody('dwelling', { key: 'floor', scopeCode: '370303001001', label: '楼层', type: 'number', required: true, min: 1, max: 60, pattern: 'x', maxLength: 3, sort: 5 }))
      .toMatchObject({ scopeCode: '370303001001', min: 1, max: 60, pattern: null, maxLength: null, sort: 5 });
    expect(createBody('person', { key: 'blood', label: '血型', type: 'choice', required: false, options: [{ value: ' A ', label: ' A型 ' }] }).options).toEqual([{ value: 'A', label: 'A型' }]);
  });

  it('changes a field without its key, entity or scope, and keeps it active unless retired', () => {
    const body = updateBody({ key: 'x', scopeCode: '370303', label: '车牌号', type: 'text', required: true });
    expect(body).not.toHaveProperty('key');
    expect(body).not.toHaveProperty('scopeCode');
    expect(body.active).toBe(true);
    expect(updateBody({ label: 'a', type: 'boolean', required: false, active: false }).active).toBe(false);
  });

  it('puts a defined field into the form', () => {
    const def: FieldDefinition = { id: 'f', entity: 'person', key: 'car_plate', label: '车牌号', labelEn: 'Plate', type: 'text', required: false, options: [], pattern: null, min: null, max: null, maxLength: 10, core: false, scopeCode: '370303', authority: null, active: true };
    expect(formOf(def)).toMatchObject({ key: 'car_plate', pattern: undefined, maxLength: 10, scopeCode: '370303' });
  });

  it('knows a broken regular expression', () => {
    expect(isPattern('^\\d{6}$')).toBe(true);
    expect(isPattern('([')).toBe(false);
  });
});
