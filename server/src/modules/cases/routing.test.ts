import { describe, expect, it } from 'vitest';
import { coordinatingCode } from '../../platform/access.js';
import { levelAbove, levelOfScope } from './levels.js';
import { pickRule } from './routing.js';

const rules = [
  { id: 'district-major', categoryCode: 'E01', regionCode: '370303000000', unitId: 'ZF' },
  { id: 'district-minor', categoryCode: 'E0104', regionCode: '370303000000', unitId: 'HB' },
  { id: 'street-major', categoryCode: 'E01', regionCode: '370303001000', unitId: 'CZ-ZD' },
  { id: 'other-class', categoryCode: 'C01', regionCode: '370303000000', unitId: 'ZJ' },
  { id: 'other-county', categoryCode: 'E0101', regionCode: '370302000000', unitId: 'ZC' },
];

describe('routing: the most specific rule wins', () => {
  it('a minor-type rule beats a major-class rule, whatever its region', () => {
    expect(pickRule(rules, 'E0104', '370303001001')?.id).toBe('district-minor');
  });
  it('among rules of the same category, the smaller region wins', () => {
    expect(pickRule(rules, 'E0101', '370303001001')?.id).toBe('street-major');
    expect(pickRule(rules, 'E0101', '370303002001')?.id).toBe('district-major');
  });
  it("another county's rules and other classes never apply; no rule means none (属地兜底 is the caller's)", () => {
    expect(pickRule(rules, 'S0101', '370303001001')).toBeNull();
    expect(pickRule(rules.filter((r) => r.id === 'other-county'), 'E0101', '370303001001')).toBeNull();
  });
});

describe('levels: 小事不出社区，大事不出街道', () => {
  it('goes community → street → district and no further', () => {
    expect(levelAbove('community')).toBe('street');
    expect(levelAbove('street')).toBe('district');
    expect(levelAbove('district')).toBeNull();
  });
  it('the coordinating office of each level', () => {
    const codes = { countyCode: '370303', streetCode: '370303001000', communityCode: '370303001001' };
    expect(coordinatingCode({ level: 'community', ...codes })).toBe('370303001001');
    expect(coordinatingCode({ level: 'street', ...codes })).toBe('370303001000');
    expect(coordinatingCode({ level: 'district', ...codes })).toBe('370303000000');
  });
  it('a dispatcher works at the level of their scope', () => {
    expect(levelOfScope('370303000000')).toBe('district');
    expect(levelOfScope('370300000000')).toBe('district');
    expect(levelOfScope('370303001000')).toBe('street');
    expect(levelOfScope('370303001001')).toBe('community');
    expect(levelOfScope('370303001001001')).toBe('community');
  });
});
