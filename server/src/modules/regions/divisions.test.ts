import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { divisionCodeProblem, parentOf, readDivisions } from './divisions.js';

const dataFile = path.resolve(import.meta.dirname, '../../../data/divisions-zibo-3703.csv');

describe('division codes', () => {
  it('derives the parent from the code', () => {
    expect(parentOf('370303001002', 'village')).toBe('370303001000');
    expect(parentOf('370303001000', 'township')).toBe('370303000000');
    expect(parentOf('370303000000', 'county')).toBe('370300000000');
    expect(parentOf('370300000000', 'city')).toBe('370000000000');
    expect(parentOf('370000000000', 'province')).toBeNull();
  });
  it('refuses malformed codes and wrong parents', () => {
    expect(divisionCodeProblem({ code: '37030300100', name: 'x', parentCode: '370303000000', level: 'township' })).toMatch(/12 digits/);
    expect(divisionCodeProblem({ code: '370303001000', name: 'x', parentCode: '370302000000', level: 'township' })).toMatch(/parent 370303000000/);
    expect(divisionCodeProblem({ code: '370303001005', name: 'x', parentCode: '370303000000', level: 'township' })).toMatch(/beyond its level/);
    expect(divisionCodeProblem({ code: '370303001000', name: '车站街道', parentCode: '370303000000', level: 'township' })).toBeNull();
  });
  it('reads the real 淄博 data: 张店区 has 13 streets and 304 communities, all sound', () => {
    const rows = readDivisions(dataFile);
    expect(rows.filter((r) => r.parentCode === '370303000000')).toHaveLength(13);
    expect(rows.filter((r) => r.level === 'village' && r.code.startsWith('370303'))).toHaveLength(304);
    expect(rows.find((r) => r.code === '370303001000')?.name).toBe('车站街道');
  });
});
