import type { Role } from '@gongzhi/contracts';
import { forbidden, notFound, unauthorized, type AppError } from './errors.js';
import type { MessageCode } from './messages.js';

/**
 * The one place that answers "may this principal do this action on these resources".
 * Permission comes from the role (or the API key's scopes); jurisdiction from the scope code:
 * a 12-digit division code covers every code that starts with its significant prefix, a 15-digit
 * grid code covers just that grid.
 */
export const permissions = [
  'region:read',
  'region:write',
  'grid:read',
  'grid:write',
  'grid:assign',
  'staff:read',
  'user:read',
  'user:write',
  'unit:read',
  'apikey:manage',
  'audit:read',
] as const;
export type Permission = (typeof permissions)[number];

const staffBase: Permission[] = ['region:read', 'grid:read', 'staff:read', 'unit:read'];
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: [...staffBase, 'user:read'],
  dispatcher: [...staffBase, 'user:read'],
  handler: ['region:read', 'grid:read', 'unit:read'],
  verifier: staffBase,
  grid_worker: staffBase,
  data_admin: [...staffBase, 'region:write', 'user:read', 'audit:read'],
  citizen: ['region:read'],
};

export interface Principal {
  kind: 'user' | 'api_key';
  id: string;
  name: string;
  role: Role | null;
  scopeCode: string;
  unitId: string | null;
  permissions: ReadonlySet<Permission>;
}

/** The part of a code that identifies it: 2/4/6/9/12 digits for a division, all 15 for a grid. */
export function significantPrefix(code: string): string {
  if (code.length === 15) return code;
  if (code.endsWith('0000000000')) return code.slice(0, 2);
  if (code.endsWith('00000000')) return code.slice(0, 4);
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

/** True when `code` (a division or grid code) lies inside `scopeCode`. */
export function coversCode(scopeCode: string, code: string): boolean {
  return code.startsWith(significantPrefix(scopeCode));
}

/** True when `regionCode` is an ancestor of the scope (names and boundaries of ancestors are public context). */
export function isAncestorOfScope(scopeCode: string, regionCode: string): boolean {
  return regionCode.length === 12 && scopeCode.startsWith(significantPrefix(regionCode)) && !coversCode(scopeCode, regionCode);
}

export function requirePermission(principal: Principal | null, action: Permission): Principal {
  if (!principal) throw unauthorized();
  if (!principal.permissions.has(action)) throw forbidden();
  return principal;
}

/**
 * Returns the codes among `codes` the principal may act on. Throws 401 without a principal and 403
 * when the role lacks the permission; jurisdiction misses are filtered out, never explained.
 */
export function allowedCodes(principal: Principal | null, action: Permission, codes: readonly string[]): string[] {
  const p = requirePermission(principal, action);
  return codes.filter((code) => coversCode(p.scopeCode, code));
}

/** Like allowedCodes for one resource; an out-of-scope resource is reported as not found. */
export function requireAccess(
  principal: Principal | null,
  action: Permission,
  code: string,
  notFoundCode: MessageCode,
): Principal {
  const p = requirePermission(principal, action);
  if (!coversCode(p.scopeCode, code)) throw notFound(notFoundCode, { code }) as AppError;
  return p;
}

/** SQL LIKE pattern matching every code inside the principal's scope, for filters inside queries. */
export function scopeLikePattern(principal: Principal): string {
  return `${significantPrefix(principal.scopeCode)}%`;
}
