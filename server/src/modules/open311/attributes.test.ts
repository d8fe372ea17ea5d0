import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import type { CategoryAttribute } from '../cases/index.js';
import { checkAttributes } from './attributes.js';
import { readPostedRequest } from './form-body.js';

const attr = (a: Partial<CategoryAttribute> & Pick<CategoryAttribute, 'code' | 'datatype'>): CategoryAttribute => ({
  required: false, variable: true, description: a.code, datatypeDescription: null, order: 1, values: [], ...a,
});
const definition = [
  attr({ code: 'cover_type', datatype: 'singlevaluelist', required: true, description: '井盖类型', values: [{ key: 'rain', name: '雨水' }, { key: 'sewage', name: '污水' }] }),
  attr({ code: 'count', datatype: 'number' }),
  attr({ code: 'sources', datatype: 'multivaluelist', values: [{ key: 'a', name: 'A' }, { key: 'b', name: 'B' }] }),
  attr({ code: 'first_noticed', datatype: 'datetime' }),
  attr({ code: 'where', datatype: 'string' }),
  attr({ code: 'notice', datatype: 'text', variable: false, required: true }),
];

function problems(answers: Record<string, string | string[]>) {
  try {
    checkAttributes('C0101', definition, answers);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors!.map((f) => `${f.path} ${f.code}`);
  }
  throw new Error('expected the answers to be refused');
}

describe('attribute answers', () => {
  it('types the answers: numbers, instants, lists', () => {
    expect(checkAttributes('C0101', definition, { cover_type: 'rain', count: '2', sources: ['b', 'a', 'b'], first_noticed: '2026-11-22T23:30:00+08:00', where: ' 路口 ' })).toEqual({
      cover_type: 'rain', count: 2, sources: ['b', 'a'], first_noticed: '2026-11-22T15:30:00.000Z', where: '路口',
    });
    expect(checkAttributes('C0101', definition, { cover_type: 'sewage', sources: 'a' })).toEqual({ cover_type: 'sewage', sources: ['a'] });
  });

  it('needs required answers; informational attributes take none', () => {
    expect(problems({})).toEqual(['attribute[cover_type] open311.attribute_required']);
    expect(problems({ cover_type: '  ' })).toEqual(['attribute[cover_type] open311.attribute_required']);
    expect(problems({ cover_type: 'rain', notice: 'x' })).toEqual(['attribute[notice] open311.attribute_unknown']);
  });

  it('refuses wrong datatypes, unknown keys and codes, all at once', () => {
    expect(problems({ cover_type: 'gold', count: 'two', sources: ['a', 'c'], first_noticed: '2026-11-22 23:30', colour: 'red' })).toEqual([
      'attribute[colour] open311.attribute_unknown',
      'attribute[cover_type] open311.attribute_choice',
      'attribute[count] open311.attribute_number',
      'attribute[sources] open311.attribute_choice',
      'attribute[first_noticed] open311.attribute_datetime',
    ]);
    expect(problems({ cover_type: ['rain', 'sewage'] })).toEqual(['attribute[cover_type] open311.attribute_single']);
    expect(problems({ cover_type: 'rain', where: 'x'.repeat(201) })).toEqual(['attribute[where] open311.attribute_too_long']);
  });

  it('messages are Chinese, then English, and list the options', () => {
    try {
      checkAttributes('C0101', definition, { cover_type: 'gold' });
    } catch (error) {
      expect((error as AppError).fieldErrors![0]!.message).toMatch(/井盖类型.*rain（雨水）.*must be one of/);
    }
  });
});

describe('posted requests', () => {
  it('reads attribute[code], attribute[code][] and a JSON attribute object', () => {
    expect(readPostedRequest({ service_code: 'C0101', lat: 36.8, 'attribute[cover_type]': 'rain', 'attribute[sources][]': 'a' })).toEqual({
      fields: { service_code: 'C0101', lat: '36.8' },
      attributes: { cover_type: 'rain', sources: ['a'] },
    });
    expect(readPostedRequest({ 'attribute[sources]': ['a', 'b'], attribute: { count: 3 } }).attributes).toEqual({ sources: ['a', 'b'], count: '3' });
    expect(readPostedRequest(null)).toEqual({ fields: {}, attributes: {} });
  });
});
