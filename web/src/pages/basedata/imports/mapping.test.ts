import type { FieldDefinition } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { assignColumn, startingMapping, unmappedRequired } from './mapping';

const field = (key: string, required = false, active = true): FieldDefinition => ({
  id: null, entity: 'person', key, label: key, labelEn: '', type: 'text', required, options: [], pattern: null, min: null, max: null,
  maxLength: null, core: true, scopeCode: null, authority: null, active,
});
const fields = [field('id_number', true), field('name', true), field('phone'), field('grid_code', true), field('address_code'), field('old', false, false)];

describe('column mapping', () => {
  it('starts from the server’s guess, dropping headings not in the file and fields that do not exist', () => {
    expect(startingMapping(['公民身份号码', '姓名', '备注'], { 公民身份号码: 'id_number', 姓名: 'name', 电话: 'phone', 备注: 'old' }, fields))
      .toEqual({ 公民身份号码: 'id_number', 姓名: 'name' });
  });

  it('gives a field to one column only', () => {
    const m = { 身份证号: 'id_number', 姓名: 'name' };
    expect(assignColumn(m, '证件号码', 'id_number')).toEqual({ 姓名: 'name', 证件号码: 'id_number' });
    expect(assignColumn(m, '姓名', null)).toEqual({ 身份证号: 'id_number' });
  });

  it('names the required fields no column feeds; an address code stands in for the grid', () => {
    expect(unmappedRequired({ 姓名: 'name' }, fields).map((f) => f.key)).toEqual(['id_number', 'grid_code']);
    expect(unmappedRequired({ 姓名: 'name', 号: 'id_number', 地址: 'address_code' }, fields)).toEqual([]);
  });
});
