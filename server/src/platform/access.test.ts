import { describe, expect, it } from 'vitest';
import { allowedCodes, coversCode, isAncestorOfScope, rolePermissions, scopeGridRange, significantPrefix, type Principal } from './access.js';
import { AppError } from './errors.js';

const principal = (scopeCode: string, role: keyof typeof rolePermissions = 'leader'): Principal => ({
  kind: 'user',
  id: '00000000-0000-0000-0000-000000000001',
  name: 't',
  displayName: '测试',
  role,
  scopeCode,
  unitId: null,
  permissions: new Set(rolePermissions[role]),
});

describe('significantPrefix', () => {
  it('strips the zero padding of each division level', () => {
    expect(significantPrefix('370000000000')).toBe('37');
    expect(significantPrefix('370300000000')).toBe('3703');
    expect(significantPrefix('370303000000')).toBe('370303');
    expect(significantPrefix('370303001000')).toBe('370303001');
    expect(significantPrefix('370303001002')).toBe('370303001002');
    expect(significantPrefix('370303001002007')).toBe('370303001002007');
  });
});

describe('scopeGridRange', () => {
  it('spans exactly the grid codes inside the scope', () => {
    expect(scopeGridRange(principal('370303001000'))).toEqual(['370303001000000', '370303001999999']);
    expect(scopeGridRange(principal('370303001002007', 'grid_worker'))).toEqual(['370303001002007', '370303001002007']);
    const [lo, hi] = scopeGridRange(principal('370303001002'));
    for (const code of ['370303001002001', '370303001002999']) expect(code >= lo && code <= hi).toBe(true);
    for (const code of ['370303001003001', '370303001001999']) expect(code >= lo && code <= hi).toBe(false);
  });
});

describe('base data permissions', () => {
  it('only data administrators and administrators see full identity numbers, import and define fields', () => {
    for (const role of Object.keys(rolePermissions) as (keyof typeof rolePermissions)[]) {
      for (const permission of ['basedata:reveal', 'basedata:import', 'basedata:define', 'basedata:resolve'] as const) {
        expect(rolePermissions[role].includes(permission)).toBe(role === 'admin' || role === 'data_admin');
      }
    }
    expect(rolePermissions.citizen.some((p) => p.startsWith('basedata:'))).toBe(false);
    expect(rolePermissions.grid_worker).toContain('basedata:write');
  });
});

describe('jurisdiction scope', () => {
  it('a street covers its communities and grids, not a neighbouring street', () => {
    expect(coversCode('370303001000', '370303001002')).toBe(true);
    expect(coversCode('370303001000', '370303001002007')).toBe(true);
    expect(coversCode('370303001000', '370303002001')).toBe(false);
    expect(coversCode('370303001000', '370303002001001')).toBe(false);
  });
  it('a street does not cover the district above it', () => {
    expect(coversCode('370303001000', '370303000000')).toBe(false);
    expect(isAncestorOfScope('370303001000', '370303000000')).toBe(true);
    expect(isAncestorOfScope('370303001000', '370303002000')).toBe(false);
  });
  it('a grid worker covers their grid only', () => {
    expect(coversCode('370303001002007', '370303001002007')).toBe(true);
    expect(coversCode('370303001002007', '370303001002008')).toBe(false);
    expect(coversCode('370303001002007', '370303001002')).toBe(false);
    expect(isAncestorOfScope('370303001002007', '370303001002')).toBe(true);
  });
  it('a district covers everything under its code prefix only', () => {
    expect(coversCode('370303000000', '370303107030001')).toBe(true);
    expect(coversCode('370303000000', '370302001000')).toBe(false);
  });
});

describe('allowedCodes', () => {
  it('filters codes outside the scope', () => {
    const codes = ['370303001001001', '370303002001001', '370303001005003'];
    expect(allowedCodes(principal('370303001000'), 'grid:read', codes)).toEqual(['370303001001001', '370303001005003']);
  });
  it('refuses without a principal (401) and without the permission (403)', () => {
    expect(() => allowedCodes(null, 'grid:read', [])).toThrow(AppError);
    try {
      allowedCodes(null, 'grid:read', []);
    } catch (e) {
      expect((e as AppError).status).toBe(401);
    }
    try {
      allowedCodes(principal('370303000000', 'citizen'), 'grid:read', ['370303001001001']);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).status).toBe(403);
    }
  });
  it('only administrators write grids', () => {
    for (const role of Object.keys(rolePermissions) as (keyof typeof rolePermissions)[]) {
      expect(rolePermissions[role].includes('grid:write')).toBe(role === 'admin');
    }
  });
});
