import type { Role } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { mayActOnCase, mayReadCase, requireCaseAction, rolePermissions, type CaseFacts, type Principal } from './access.js';
import { AppError } from './errors.js';

const who = (role: Role, scopeCode: string, extra: Partial<Principal> = {}): Principal => ({
  kind: 'user', id: `id-${role}-${scopeCode}`, name: role, displayName: role, role, scopeCode, unitId: null, permissions: new Set(rolePermissions[role]), ...extra,
});
const facts = (f: Partial<CaseFacts> = {}): CaseFacts & { number: string } => ({
  number: '370303-20261124-00001', level: 'district', countyCode: '370303', streetCode: '370303001000', communityCode: '370303001001', gridCode: '370303001001001',
  leadUnitId: 'ZF', units: [{ unitId: 'ZF', role: 'lead', state: 'signed' }, { unitId: 'HB', role: 'assist', state: 'dispatched' }], reporterId: 'reporter', ...f,
});
const status = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (e) {
    return (e as AppError).status;
  }
};

describe('who sees a case', () => {
  it('staff inside the scope; not another street; a grid worker only their grid', () => {
    expect(mayReadCase(who('leader', '370303000000'), facts())).toBe(true);
    expect(mayReadCase(who('leader', '370303001000'), facts())).toBe(true);
    expect(mayReadCase(who('leader', '370303002000'), facts())).toBe(false);
    expect(mayReadCase(who('grid_worker', '370303001001001'), facts())).toBe(true);
    expect(mayReadCase(who('grid_worker', '370303001001002'), facts())).toBe(false);
  });
  it('a handler only the cases of their unit; a citizen only their own reports', () => {
    expect(mayReadCase(who('handler', '370303000000', { unitId: 'HB' }), facts())).toBe(true);
    expect(mayReadCase(who('handler', '370303000000', { unitId: 'JT' }), facts())).toBe(false);
    expect(mayReadCase(who('citizen', '370303000000'), facts())).toBe(false);
    expect(mayReadCase(who('citizen', '370303000000', { id: 'reporter' }), facts())).toBe(true);
  });
});

describe('who acts on a case', () => {
  it('a dispatcher coordinates cases at or below their level, inside their scope', () => {
    expect(mayActOnCase(who('dispatcher', '370303000000'), 'dispatch', facts())).toBe(true);
    expect(mayActOnCase(who('dispatcher', '370303001000'), 'dispatch', facts())).toBe(false); // a district case
    expect(mayActOnCase(who('dispatcher', '370303001000'), 'dispatch', facts({ level: 'street' }))).toBe(true);
    expect(mayActOnCase(who('dispatcher', '370303002000'), 'dispatch', facts({ level: 'street' }))).toBe(false);
    expect(mayActOnCase(who('dispatcher', '370303001001'), 'register', facts({ level: 'community' }))).toBe(true);
    expect(mayActOnCase(who('dispatcher', '370303001001'), 'escalate', facts({ level: 'community' }))).toBe(true);
  });
  it('the lead unit signs, returns and reports back; an assisting unit only finishes its part', () => {
    const lead = who('handler', '370303000000', { unitId: 'ZF' });
    const assist = who('handler', '370303000000', { unitId: 'HB' });
    for (const a of ['sign', 'return', 'feedback', 'request_extension', 'escalate'] as const) {
      expect(mayActOnCase(lead, a, facts())).toBe(true);
      expect(mayActOnCase(assist, a, facts())).toBe(false);
    }
    expect(mayActOnCase(assist, 'assist_done', facts())).toBe(true);
    expect(mayActOnCase(lead, 'assist_done', facts())).toBe(false);
    expect(mayActOnCase(who('handler', '370303002000', { unitId: 'ZF' }), 'sign', facts())).toBe(false);
  });
  it('verifiers close inside their scope; roles without the permission never act', () => {
    expect(mayActOnCase(who('verifier', '370303001000'), 'close', facts())).toBe(true);
    expect(mayActOnCase(who('verifier', '370303002000'), 'close', facts())).toBe(false);
    expect(mayActOnCase(who('leader', '370303000000'), 'dispatch', facts())).toBe(false);
    expect(mayActOnCase(who('grid_worker', '370303001001001'), 'close', facts())).toBe(false);
    expect(mayActOnCase(who('dispatcher', '370303000000'), 'sign', facts())).toBe(false);
  });
  it('the reporter rates; a dispatcher records the rating of a caller without an account (回访)', () => {
    expect(mayActOnCase(who('grid_worker', '370303001001001', { id: 'reporter' }), 'rate', facts())).toBe(true);
    expect(mayActOnCase(who('grid_worker', '370303001001001'), 'rate', facts())).toBe(false);
    expect(mayActOnCase(who('dispatcher', '370303000000'), 'rate', facts())).toBe(false);
    expect(mayActOnCase(who('dispatcher', '370303000000'), 'rate', facts({ reporterId: null }))).toBe(true);
  });
  it('requireCaseAction: 404 for an invisible case, 403 for a visible one the principal may not act on', () => {
    expect(status(() => requireCaseAction(who('dispatcher', '370303002000'), 'dispatch', facts()))).toBe(404);
    expect(status(() => requireCaseAction(who('leader', '370303000000'), 'dispatch', facts()))).toBe(403);
    expect(status(() => requireCaseAction(null, 'dispatch', facts()))).toBe(401);
    expect(status(() => requireCaseAction(who('dispatcher', '370303000000'), 'dispatch', facts()))).toBe(200);
  });
});
