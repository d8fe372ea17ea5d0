import type { Role } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, requirePermission, scopeLikePattern, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { hashPassword } from './passwords.js';
import { endSessionsOf } from './sessions.service.js';


export const presentUser = (u: {
  id: string; username: string; display_name: string; role: string; scope_code: string;
  unit_id: string | null; phone: string | null; disabled: boolean; locked_until: Date | null;
}) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role as Role,
  scopeCode: u.scope_code,
  unitId: u.unit_id,
  phone: u.phone,
  disabled: u.disabled,
  lockedUntil: u.locked_until && u.locked_until > new Date() ? u.locked_until.toISOString() : null,
});

const userColumns = ['id', 'username', 'display_name', 'role', 'scope_code', 'unit_id', 'phone', 'disabled', 'locked_until'] as const;

/** Accounts whose scope lies inside the actor's own scope: permission and jurisdiction in the query. */
export async function listUsers(db: Kysely<DB>, actor: Principal, filter: { role?: string; scope?: string; q?: string }) {
  requirePermission(actor, 'user:read');
  let query = db.selectFrom('users').select(userColumns).where('scope_code', 'like', scopeLikePattern(actor));
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.scope) {
    // accounts working inside the given scope, and those whose scope contains it (a street officer for a community)
    const scope = filter.scope;
    query = query.where((eb) => eb.or([eb('scope_code', 'like', `${scope.replace(/0+$/, '')}%`), eb('scope_code', '=', scope)]));
  }
  if (filter.q) query = query.where((eb) => eb.or([eb('username', 'ilike', `%${filter.q}%`), eb('display_name', 'like', `%${filter.q}%`)]));
  const rows = await query.orderBy('username').limit(500).execute();
  return rows.map(presentUser);
}

export async function getUser(db: Kysely<DB>, actor: Principal, id: string) {
  requirePermission(actor, 'user:read');
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).where('scope_code', 'like', scopeLikePattern(actor)).executeTakeFirst();
  if (!row) throw notFound('user.not_found', {});
  return presentUser(row);
}

export interface UserInput {
  username: string;
  displayName: string;
  role: string;
  scopeCode: string;
  unitId: string | null;
  phone: string | null;
  password: string;
}

export interface ScopeChecker {
  /** True when the code is a known division or an active grid. */
  scopeExists(code: string): Promise<boolean>;
}

async function checkAssignment(db: Kysely<DB>, actor: Principal, scopes: ScopeChecker, input: { role?: string; scopeCode?: string; unitId?: string | null }) {
  if (input.scopeCode !== undefined) {
    if (!coversCode(actor.scopeCode, input.scopeCode)) throw badRequest('user.scope_outside', { scope: actor.scopeCode });
    if (!(await scopes.scopeExists(input.scopeCode))) throw badRequest('user.scope_unknown', { scope: input.scopeCode });
  }
  if (input.unitId) {
    const unit = await db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw badRequest('unit.not_found', { id: input.unitId });
  }
  if (input.role === 'handler' && input.unitId === null) throw badRequest('user.unit_required');
}

export async function createUser(db: Kysely<DB>, actor: Principal, scopes: ScopeChecker, input: UserInput, ip: string) {
  requirePermission(actor, 'user:write');
  await checkAssignment(db, actor, scopes, input);
  const password_hash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, role: input.role, scope_code: input.scopeCode, unit_id: input.unitId, phone: input.phone, password_hash })
      .returning(userColumns)
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { action: 'user.create', actor, targetType: 'user', targetId: row.id, ip, detail: { username: row.username, role: row.role, scope: row.scope_code } });
    return presentUser(row);
  });
}

export async function updateUser(
  db: Kysely<DB>, actor: Principal, scopes: ScopeChecker, id: string,
  input: Partial<Omit<UserInput, 'username'>> & { disabled?: boolean }, ip: string,
) {
  requirePermission(actor, 'user:write');
  const current = await getUser(db, actor, id);
  await checkAssignment(db, actor, scopes, { role: input.role ?? current.role, scopeCode: input.scopeCode, unitId: input.unitId === undefined ? current.unitId : input.unitId });
  const password_hash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined && { display_name: input.displayName }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.scopeCode !== undefined && { scope_code: input.scopeCode }),
        ...(input.unitId !== undefined && { unit_id: input.unitId }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.disabled !== undefined && { disabled: input.disabled }),
        // an administrator's unlock: a changed password or re-enabling clears the lockout
        ...(password_hash && { password_hash, failed_attempts: 0, locked_until: null }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returning(userColumns)
      .executeTakeFirstOrThrow();
    if (password_hash || input.disabled || input.scopeCode || input.role) await endSessionsOf(tx, id);
    const changed = Object.keys(input).filter((k) => k !== 'password');
    await writeAudit(tx, { action: 'user.update', actor, targetType: 'user', targetId: id, ip, detail: { changed, passwordReset: Boolean(password_hash) } });
    return presentUser(row);
  });
}

export async function listUnits(db: Kysely<DB>, actor: Principal) {
  requirePermission(actor, 'unit:read');
  const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'kind', 'region_code']).orderBy('code').execute();
  return rows.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, regionCode: u.region_code }));
}

/** For other modules: the named accounts, with what staffing rules need. */
export async function usersByIds(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'scope_code', 'disabled', 'phone']).where('id', 'in', ids).execute();
}


export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: 'department' | 'office';
  regionCode: string;
}

/** For other modules: units by id (names for display, region for dispatch rules). */
export async function unitsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, UnitRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'kind', 'region_code']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name, kind: u.kind, regionCode: u.region_code }]));
}

/** For other modules: one unit by its readable code (the office of a place). */
export async function unitByCode(db: Kysely<DB>, code: string): Promise<UnitRow | null> {
  const u = await db.selectFrom('units').select(['id', 'code', 'name', 'kind', 'region_code']).where('code', '=', code).executeTakeFirst();
  return u ? { id: u.id, code: u.code, name: u.name, kind: u.kind, regionCode: u.region_code } : null;
}

/** For other modules: units by their readable code (seeding routing rules). */
export async function unitIdsByCode(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['id', 'code']).execute();
  return new Map(rows.map((u) => [u.code, u.id]));
}
