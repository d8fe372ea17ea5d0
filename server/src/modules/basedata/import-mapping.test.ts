import { describe, expect, it } from 'vitest';
import { coreFields } from './field-model.js';
import { mappedColumns, mappingProblems, suggestMapping } from './import-mapping.js';

const person = coreFields.person;

describe('column mapping of an import', () => {
  it('maps the headings departments use to fields, ignoring spaces, brackets and the required star', () => {
    const headers = ['姓名', '身份证号码', '手机号码', '人员类型', '所属网格', '* 性别', '备注'];
    expect(suggestMapping(headers, person)).toEqual({ 姓名: 'name', 身份证号码: 'id_number', 手机号码: 'phone', 人员类型: 'person_type', 所属网格: 'grid_code', '* 性别': 'gender' });
  });
  it('maps a field once, to its first column', () => {
    expect(suggestMapping(['身份证号', '证件号码'], person)).toEqual({ 身份证号: 'id_number' });
  });
  it('says what is missing or wrong', () => {
    expect(mappingProblems('person', ['姓名'], { 姓名: 'name' }, person)).toEqual(
      expect.arrayContaining(['缺少必填字段“公民身份号码”', '缺少必填字段“人员类型”', '需要以下列之一：所属网格、标准地址编码']),
    );
    expect(mappingProblems('person', ['a', 'b'], { a: 'name', b: 'name', c: 'nope' }, person)).toEqual(
      expect.arrayContaining(['文件中没有“c”列', '未知字段 nope', '字段 name 对应了多列']),
    );
    expect(mappingProblems('person', ['号', '名', '类', '格'], { 号: 'id_number', 名: 'name', 类: 'person_type', 格: 'grid_code' }, person)).toEqual([]);
  });
  it('finds the position of each mapped heading, once per file', () => {
    expect(mappedColumns(['姓名', '备注', '身份证号'], { 姓名: 'name', 身份证号: 'id_number' })).toEqual([{ at: 0, key: 'name' }, { at: 2, key: 'id_number' }]);
  });
});
