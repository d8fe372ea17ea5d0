import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, requireAccess, type Principal } from '../../platform/access.js';
import { badRequest } from '../../platform/errors.js';
import { usersByIds } from '../accounts/index.js';
import { activeGrid, gridDetail, recordChange } from './grids.service.js';

const headRoles = new Set(['admin', 'leader', 'dispatcher', 'grid_worker', 'data_admin', 'verifier']);

/**
 * Sets a grid's head (网格长) and workers (网格员). A head may be any staff account whose scope
 * covers the grid; workers must be grid-worker accounts whose scope covers the grid.
 */
export async function assignGridStaff(
  db: Kysely<DB>, actor: Principal, code: string,
  input: { headUserId: string | null; workerUserIds: string[] }, ip: string,
) {
  requireAccess(actor, 'grid:assign', code, 'grid.not_found');
  const workerIds = [...new Set(input.workerUserIds)];
  const ids = [...new Set([...workerIds, ...(input.headUserId ? [input.headUserId] : [])])];
  const users = new Map((await usersByIds(db, ids)).map((u) => [u.id, u]));
  const check = (id: string, duty: 'head' | 'worker') => {
    const u = users.get(id);
    if (!u || !coversCode(actor.scopeCode, u.scope_code)) throw badRequest('grid.staff_invalid', { user: id, reason: 'not found' });
    if (u.disabled) throw badRequest('grid.staff_invalid', { user: u.display_name, reason: 'disabled / 已停用' });
    if (!coversCode(u.scope_code, code)) throw badRequest('grid.staff_invalid', { user: u.display_name, reason: `scope ${u.scope_code} does not cover ${code} / 管辖范围不含该网格` });
    if (duty === 'worker' && u.role !== 'grid_worker') throw badRequest('grid.staff_invalid', { user: u.display_name, reason: 'not a grid worker / 不是网格员账号' });
    if (duty === 'head' && !headRoles.has(u.role)) throw badRequest('grid.staff_invalid', { user: u.display_name, reason: `role ${u.role}` });
  };
  if (input.headUserId) check(input.headUserId, 'head');
  workerIds.forEach((id) => check(id, 'worker'));
  await db.transaction().execute(async (tx) => {
    const grid = await activeGrid(tx, code);
    await tx.deleteFrom('grid_staff').where('grid_id', '=', grid.id).execute();
    const rows = [
      ...(input.headUserId ? [{ grid_id: grid.id, user_id: input.headUserId, duty: 'head' as const }] : []),
      ...workerIds.filter((id) => id !== input.headUserId).map((id) => ({ grid_id: grid.id, user_id: id, duty: 'worker' as const })),
    ];
    if (rows.length) await tx.insertInto('grid_staff').values(rows).execute();
    await recordChange(tx, actor, ip, 'grid.staff', code, { head: input.headUserId, workers: workerIds });
  });
  return gridDetail(db, actor, code);
}
