import { describe, expect, it } from 'vitest';
import { decideField, mergeRecord, writeOf } from './precedence.js';

const v = (value: string | null, source?: string) => ({ value, source });

describe('decideField (一数一源)', () => {
  it('never lets a non-authoritative source overwrite the authoritative value', () => {
    expect(decideField(v('张伟', 'gongan'), v('张玮', 'wangge'), 'gongan')).toBe('discrepancy');
  });
  it('lets the authoritative source overwrite anyone', () => {
    expect(decideField(v('张玮', 'wangge'), v('张伟', 'gongan'), 'gongan')).toBe('set');
    expect(decideField(v('张玮', 'gongan'), v('张伟', 'gongan'), 'gongan')).toBe('set');
  });
  it('lets the latest write win between non-authoritative sources and where no source is authoritative', () => {
    expect(decideField(v('13800000000', 'renshe'), v('13900000000', 'wangge'), 'gongan')).toBe('set');
    expect(decideField(v('13800000000', 'gongan'), v('13900000000', 'wangge'), undefined)).toBe('set');
  });
  it('fills an empty field from any source', () => {
    expect(decideField(v(null), v('汉族', 'wangge'), 'gongan')).toBe('set');
    expect(decideField(v(''), v('汉族', 'wangge'), 'gongan')).toBe('set');
  });
  it('never erases a value with a blank', () => {
    expect(decideField(v('汉族', 'gongan'), v('', 'gongan'), 'gongan')).toBe('unchanged');
    expect(decideField(v('汉族', 'wangge'), v(null, 'wangge'), undefined)).toBe('unchanged');
  });
  it('changes nothing for an equal value, unless the authority confirms a value another source set', () => {
    expect(decideField(v('汉族', 'gongan'), v('汉族', 'gongan'), 'gongan')).toBe('unchanged');
    expect(decideField(v('汉族', 'wangge'), v('汉族', 'wangge'), 'gongan')).toBe('unchanged');
    expect(decideField(v('汉族', 'wangge'), v('汉族', 'gongan'), 'gongan')).toBe('set');
  });
});

describe('mergeRecord', () => {
  const sources: Record<number, string> = { 1: 'gongan', 2: 'wangge', 3: 'wangge', 4: 'gongan' };
  const authorities = { name: 'gongan', ethnicity: 'gongan', grid_code: 'wangge' };
  const current = { name: '张伟', ethnicity: '01', grid_code: '370303001001001', phone: '13800000000' };

  it('writes what may change, keeps the rest as discrepancies and records the new provenance', () => {
    const result = mergeRecord(current, { '*': 1, phone: 2 }, (id) => sources[id], { name: '张玮', grid_code: '370303001001002', phone: '', occupation: '教师' }, { id: 3, source: 'wangge' }, authorities);
    expect(result.changes).toEqual({ grid_code: '370303001001002', occupation: '教师' });
    expect(result.discrepancies).toEqual([{ field: 'name', current: '张伟', currentWriteId: 1, proposed: '张玮' }]);
    expect(result.provenance).toEqual({ '*': 1, phone: 2, grid_code: 3, occupation: 3 });
  });
  it('changes nothing when the same write comes again (idempotent re-import)', () => {
    const result = mergeRecord(current, { '*': 1 }, (id) => sources[id], { name: '张伟', ethnicity: '01' }, { id: 4, source: 'gongan' }, authorities);
    expect(result.changes).toEqual({});
    expect(result.discrepancies).toEqual([]);
    expect(result.provenance).toEqual({ '*': 1 });
  });
  it('reads a field provenance from its own entry, else from the record-wide one', () => {
    expect(writeOf({ '*': 1, phone: 2 }, 'phone')).toBe(2);
    expect(writeOf({ '*': 1, phone: 2 }, 'name')).toBe(1);
    expect(writeOf({}, 'name')).toBeUndefined();
  });
});
