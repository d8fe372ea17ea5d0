import type { CaseAction, CaseLevel, Role } from '@gongzhi/contracts';
import { AppError, forbidden, notFound, unauthorized } from './errors.js';
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
  // the case loop: who may report, read, dispatch, handle, verify and rate
  'case:report',
  'case:read',
  'case:dispatch',
  'case:handle',
  'case:verify',
  'case:rate',
  // take the cases a search finds as an Excel workbook (audited)
  'case:export',
  // suggest a label and a unit for a message's text (automatic classification)
  'case:classify',
  // set the automatic dispatch threshold and retrain the classifier on dispatchers' choices
  'classify:manage',
  // the command centre's figures (驾驶舱, 综合评价) inside the jurisdiction, and editing the indicators' formulas
  'stats:read',
  'stats:define',
  // reference data of the loop: categories, routing rules, the work calendar
  'category:write',
  'routing:write',
  'calendar:write',
  // base data of people, housing and organisations (人房企): read masked, write, see a full
  // identity number or phone (with a stated reason, audited), import files, define extra fields,
  // resolve discrepancies between sources, export
  'basedata:read',
  'basedata:write',
  'basedata:reveal',
  'basedata:import',
  'basedata:define',
  'basedata:resolve',
  'basedata:export',
] as const;
export type Permission = (typeof permissions)[number];

const staffBase: Permission[] = ['region:read', 'grid:read', 'staff:read', 'unit:read', 'case:read', 'case:classify'];
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: [...staffBase, 'user:read', 'case:report', 'case:export', 'basedata:read', 'basedata:export', 'stats:read'],
  dispatcher: [...staffBase, 'user:read', 'case:report', 'case:dispatch', 'case:export', 'basedata:read', 'stats:read'],
  handler: ['region:read', 'grid:read', 'unit:read', 'case:read', 'case:handle', 'case:classify', 'case:export'],
  verifier: [...staffBase, 'case:verify'],
  grid_worker: [...staffBase, 'case:report', 'case:rate', 'basedata:read', 'basedata:write'],
  data_admin: [
    ...staffBase, 'case:export', 'region:write', 'user:read', 'audit:read', 'category:write', 'routing:write', 'calendar:write', 'classify:manage', 'stats:read', 'stats:define',
    'basedata:read', 'basedata:write', 'basedata:reveal', 'basedata:import', 'basedata:define', 'basedata:resolve', 'basedata:export',
  ],
  // a citizen reads only the cases they reported or follow (the cases service narrows it)
  citizen: ['region:read', 'case:report', 'case:read', 'case:rate', 'case:classify'],
};

export interface Principal {
  kind: 'user' | 'api_key';
  id: string;
  /** The account or key name, as the audit log records it. */
  name: string;
  /** What people see in timelines (姓名 or a unit's desk name). */
  displayName: string;
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

/** For actions that several permissions allow (a photo is uploaded to report, to report back or to verify). */
export function requireAnyPermission(principal: Principal | null, actions: readonly Permission[]): Principal {
  if (!principal) throw unauthorized();
  if (!actions.some((a) => principal.permissions.has(a))) throw forbidden();
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

/**
 * The range of 15-digit grid codes inside the principal's scope, for filters on a plain btree index
 * (codes are digits, so every code with the prefix lies between the prefix padded with 0s and with 9s).
 */
export function scopeGridRange(principal: Principal): [string, string] {
  const prefix = significantPrefix(principal.scopeCode);
  return [prefix.padEnd(15, '0'), prefix.padEnd(15, '9')];
}

/** What the access rules need to know about a case. */
export interface CaseFacts {
  level: CaseLevel;
  countyCode: string;
  streetCode: string;
  communityCode: string;
  gridCode: string | null;
  leadUnitId: string | null;
  /** Units that worked or work on the case, with their part. */
  units: ReadonlyArray<{ unitId: string; role: 'lead' | 'assist'; state: string }>;
  reporterId: string | null;
  /** Citizens who follow the case (已有人反映 → 关注); given only where the citizen-safe view is answered. */
  followerIds?: readonly string[];
}

const casePermission: Record<CaseAction, Permission> = {
  register: 'case:dispatch',
  reject: 'case:dispatch',
  merge: 'case:dispatch',
  dispatch: 'case:dispatch',
  urge: 'case:dispatch',
  decide_request: 'case:dispatch',
  sign: 'case:handle',
  return: 'case:handle',
  feedback: 'case:handle',
  assist_done: 'case:handle',
  request_extension: 'case:handle',
  request_suspension: 'case:handle',
  resume: 'case:handle',
  escalate: 'case:handle',
  close: 'case:verify',
  rework: 'case:verify',
  rate: 'case:rate',
};

/** The division whose office coordinates a case at its level (社区 → 街道 → 区). */
export function coordinatingCode(f: Pick<CaseFacts, 'level' | 'countyCode' | 'streetCode' | 'communityCode'>): string {
  if (f.level === 'community') return f.communityCode;
  if (f.level === 'street') return f.streetCode;
  return `${f.countyCode}000000`;
}

/**
 * Who sees a case: its reporter always; a department handler only the cases of their unit inside
 * their scope; everyone else with case:read the cases inside their scope.
 */
export function mayReadCase(p: Principal, f: CaseFacts): boolean {
  if (f.reporterId === p.id) return true;
  // a citizen who follows a case reads it too, in the citizen-safe view (see isFollowerView)
  if (p.role === 'citizen' && f.followerIds?.includes(p.id)) return true;
  if (!p.permissions.has('case:read') || p.role === 'citizen') return false;
  if (!coversCode(p.scopeCode, f.gridCode ?? f.communityCode)) return false;
  if (p.role === 'handler') return f.units.some((u) => u.unitId === p.unitId);
  return true;
}

/** True when the principal reads the case only as a follower: they get the citizen-safe view. */
export function isFollowerView(p: Principal, f: CaseFacts): boolean {
  return p.role === 'citizen' && f.reporterId !== p.id && !!f.followerIds?.includes(p.id);
}

/**
 * Following (关注) is for citizens: staff read cases through their jurisdiction. Throws 401/403;
 * whether the case may be followed (open, not sensitive, near the citizen) is the service's question.
 */
export function requireFollower(principal: Principal | null): Principal {
  const p = requirePermission(principal, 'case:report');
  if (p.role !== 'citizen' || p.kind !== 'user') throw new AppError('case.follow_citizens_only', 403);
  return p;
}

/**
 * May this principal take `action` on this case, leaving aside whether the case's state allows it.
 * Dispatchers act on cases coordinated at or below their level; handlers for their unit (the lead
 * unit, or an assisting unit for its own part); verifiers inside their scope; the reporter rates,
 * and a dispatcher records the rating of a caller who has no account (回访).
 */
export function mayActOnCase(p: Principal, action: CaseAction, f: CaseFacts): boolean {
  const coordinates = p.permissions.has('case:dispatch') && mayReadCase(p, f) && coversCode(p.scopeCode, coordinatingCode(f));
  // the coordinating dispatcher may also send a case up a level and lift a suspension
  if ((action === 'escalate' || action === 'resume') && coordinates) return true;
  // the reporter rates, whatever their role; a caller without an account is rated through 回访
  if (action === 'rate') return f.reporterId === p.id || (f.reporterId === null && coordinates);
  if (!p.permissions.has(casePermission[action])) return false;
  if (!mayReadCase(p, f) && casePermission[action] !== 'case:handle') return false;
  switch (casePermission[action]) {
    case 'case:dispatch':
      return coversCode(p.scopeCode, coordinatingCode(f));
    case 'case:handle':
      if (!p.unitId || !coversCode(p.scopeCode, f.gridCode ?? f.communityCode)) return false;
      if (action === 'assist_done') return f.units.some((u) => u.unitId === p.unitId && u.role === 'assist' && (u.state === 'dispatched' || u.state === 'signed'));
      return f.leadUnitId === p.unitId;
    default:
      return coversCode(p.scopeCode, f.gridCode ?? f.communityCode);
  }
}

/** Throws 404 when the case is not visible, 403 when the principal may not take the action. */
export function requireCaseAction(p: Principal | null, action: CaseAction, f: CaseFacts & { number: string }): Principal {
  if (!p) throw unauthorized();
  if (!mayReadCase(p, f)) throw notFound('case.not_found', { ref: f.number });
  if (!mayActOnCase(p, action, f)) throw forbidden();
  return p;
}
