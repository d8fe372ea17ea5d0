import { describe, expect, it } from 'vitest';
import { decryptPii, maskIdNumber, piiKeysFrom } from '../../platform/pii.js';
import type { DefinitionRow } from './fields.service.js';
import { byKey, cellsOf, rowChecker } from './import-batches.js';
import { idCheckChar } from './identity.js';
import { personKey } from './people.adapter.js';

const pii = piiKeysFrom(Buffer.alloc(32, 3).toString('base64'));
const id = (first17: string) => first17 + idCheckChar(first17);
const definition = (key: string, scope: string, type: DefinitionRow['type'] = 'number'): DefinitionRow => ({
  id: key, entity: 'person', scope_code: scope, key, label: key, label_en: key, type, required: false, options: [], pattern: null,
  min_value: null, max_value: null, max_length: null, sort: 0, active: true,
});
// 身高 is defined for the whole district, 车位 only for one street
const definitions = [definition('height_cm', '370303000000'), definition('parking', '370303001000')];
const headers = ['姓名', '身份证号', '网格', '身高', '车位', '电话', '备注'];
const mapping = { 姓名: 'name', 身份证号: 'id_number', 网格: 'grid_code', 身高: 'height_cm', 车位: 'parking', 电话: 'phone' };
const { fields, check } = rowChecker({ entity: 'person', mapping, headers, definitions, pii });
const batchOf = (...rows: ReturnType<typeof check>[]) => byKey({ fields, rows, bytesRead: 0 });

describe('rowChecker (the worker side of an import)', () => {
  it('checks a row by its grid’s fields, fills gender and birth date from the ID number, and prepares the new record’s columns', () => {
    const number = id('37030319900101123');
    const checked = check({ rowNo: 2, cells: [' 张三 ', number, '370303001001001', '1,70', '3', '13805331234', '备注不导入'] });
    expect(checked.errors).toEqual([]);
    const [row] = batchOf(checked).rows;
    expect(row!.values).toEqual({ name: '张三', id_number: number, grid_code: '370303001001001', height_cm: '170', parking: '3', phone: '13805331234', gender: '1', birth_date: '1990-01-01' });
    expect(row!.precomputed).toMatchObject({ id_hash: personKey(pii, 'resident', number), id_masked: maskIdNumber(number), name: '张三', gender: '1' });
    expect(decryptPii(pii, Buffer.from(row!.precomputed!.id_cipher!, 'hex'))).toBe(number);
    expect(JSON.parse(row!.precomputed!.extra!)).toEqual({ height_cm: '170', parking: '3' });
    expect(row!.precomputed!.name_grams!.split('\u001f')).toEqual(['张', '三', '张三']);
  });

  it('ignores a field not defined for the row’s grid, and reads a short row as blanks', () => {
    const outside = check({ rowNo: 3, cells: ['李四', id('37030319850601124'), '370303002001001', '', 'x'] });
    expect(outside.errors).toEqual([]);
    const values = batchOf(outside).rows[0]!.values!;
    expect(values).not.toHaveProperty('parking');
    expect(values).toMatchObject({ height_cm: null, phone: null });
  });

  it('prepares a row that lacks a name or an ID number (it fails later, as incomplete, if it would create a record)', () => {
    const partial = check({ rowNo: 5, cells: ['', '', '370303001001001', '', '', '13805331234'] });
    expect(partial.errors).toEqual([]);
    expect(partial.precomputed).toMatchObject({ id_hash: null, id_cipher: null, name: null, name_grams: null, phone_masked: expect.any(String) });
  });

  it('fails a row with the reasons and keeps its cells as they were for the report', () => {
    const cells = ['王五', id('37030319900101123').slice(0, 17) + '0', '370303001001001', '很高', '', '', '备注'];
    const bad = check({ rowNo: 4, cells });
    expect(bad.values).toBeNull();
    expect(bad.errors.map((e) => [e.field, e.code])).toEqual([['id_number', 'basedata.value.id_check'], ['height_cm', 'basedata.value.number']]);
    expect(cellsOf(batchOf(bad).rows[0]!)).toEqual(cells);
  });
});
