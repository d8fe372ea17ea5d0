import { describe, expect, it } from 'vitest';
import { coreResidentFieldKeys, ethnicityOptions, extraResidentFields, residentFields } from './resident-fields.js';

describe('residentFields', () => {
  it('has exactly 143 fields with distinct snake_case keys and distinct Chinese labels', () => {
    expect(residentFields).toHaveLength(143);
    expect(new Set(residentFields.map((f) => f.key)).size).toBe(143);
    expect(new Set(residentFields.map((f) => f.labelZh)).size).toBe(143);
    for (const f of residentFields) {
      expect(f.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(f.labelZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('starts with the core fields; the extras are the rest', () => {
    expect(coreResidentFieldKeys).toEqual(['name', 'id_number', 'gender', 'birth_date', 'ethnicity', 'phone', 'person_type', 'grid_code', 'address_code', 'relation']);
    expect(extraResidentFields).toHaveLength(143 - coreResidentFieldKeys.length);
    expect(extraResidentFields.some((f) => coreResidentFieldKeys.includes(f.key))).toBe(false);
    expect(residentFields.slice(0, 10).map((f) => f.key)).toEqual(coreResidentFieldKeys);
  });

  it('gives every choice field options with distinct values, and only choice fields', () => {
    for (const f of residentFields) {
      if (f.type !== 'choice') {
        expect(f.options, f.key).toBeUndefined();
        continue;
      }
      expect(f.options!.length, f.key).toBeGreaterThan(1);
      expect(new Set(f.options!.map((o) => o.value)).size, f.key).toBe(f.options!.length);
      for (const o of f.options!) expect(o.value).not.toBe('');
    }
  });

  it('codes person type, gender and ethnicity as agreed', () => {
    const options = (key: string) => residentFields.find((f) => f.key === key)!.options!;
    expect(options('person_type')).toEqual([
      { value: 'huji', labelZh: '户籍人口' }, { value: 'changzhu', labelZh: '常住人口' },
      { value: 'liudong', labelZh: '流动人口' }, { value: 'jingwai', labelZh: '境外人员' },
    ]);
    expect(options('gender')).toContainEqual({ value: '1', labelZh: '男' });
    expect(options('gender')).toContainEqual({ value: '2', labelZh: '女' });
    expect(ethnicityOptions).toHaveLength(58);
    expect(ethnicityOptions[0]).toEqual({ value: '01', labelZh: '汉族' });
    expect(ethnicityOptions[55]).toEqual({ value: '56', labelZh: '基诺族' });
    expect(options('education').map((o) => o.value)).toEqual(['11', '14', '20', '30', '40', '60', '70', '80', '90']);
  });
});
