import { sql, type Kysely } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import { requirePermission, scopeGridRange, type Principal } from '../../platform/access.js';
import { conflict, notFound } from '../../platform/errors.js';
import { shapes } from './entities.js';

const notFoundCode = { person: 'basedata.person_not_found', dwelling: 'basedata.dwelling_not_found', organisation: 'basedata.organisation_not_found' } as const;

/** The grid of a record inside the jurisdiction, or 404. */
export async function recordGrid(db: Kysely<DB>, actor: Principal, entity: BaseEntity, id: string): Promise<string> {
  const [lo, hi] = scopeGridRange(actor);
  const row = await db.selectFrom(shapes[entity].table).select('grid_code').where('id', '=', id).where('grid_code', '>=', lo).where('grid_code', '<=', hi).executeTakeFirst();
  if (!row) throw notFound(notFoundCode[entity], {});
  return row.grid_code;
}

export async function visitsOf(db: Kysely<DB>, entity: BaseEntity, id: string) {
  const rows = await db
    .selectFrom('visits')
    .select(['id', 'visited_at', 'worker_name', 'notes', sql<number | null>`st_x(location)`.as('lng'), sql<number | null>`st_y(location)`.as('lat')])
    .where('target_type', '=', entity)
    .where('target_id', '=', id)
    .orderBy('visited_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, at: new Date(r.visited_at).toISOString(), workerName: r.worker_name, notes: r.notes, lng: r.lng, lat: r.lat }));
}

export interface VisitInput {
  id: string;
  targetType: BaseEntity;
  targetId: string;
  visitedAt: string;
  lng: number | null;
  lat: number | null;
  notes: string;
}

/**
 * Records a visit (走访). The id comes from the phone: the same visit sent again after a lost answer is
 * stored once and answered as before; a different visit under a used id is a conflict.
 */
export async function recordVisit(db: Kysely<DB>, actor: Principal | null, input: VisitInput) {
  const p = requirePermission(actor, 'basedata:write');
  const gridCode = await recordGrid(db, p, input.targetType, input.targetId);
  const location = input.lng !== null && input.lat !== null ? sql<string>`st_setsrid(st_makepoint(${input.lng}, ${input.lat}), 4326)` : null;
  const inserted = await db
    .insertInto('visits')
    .values({
      id: input.id, worker_id: p.id, worker_name: p.displayName, grid_code: gridCode, target_type: input.targetType, target_id: input.targetId,
      visited_at: input.visitedAt, location: location as never, notes: input.notes,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  const stored = await db
    .selectFrom('visits')
    .select(['id', 'worker_id', 'target_type', 'target_id', 'visited_at', 'worker_name', 'notes', sql<number | null>`st_x(location)`.as('lng'), sql<number | null>`st_y(location)`.as('lat')])
    .where('id', '=', input.id)
    .executeTakeFirstOrThrow();
  if (stored.worker_id !== p.id || stored.target_id !== input.targetId || stored.notes !== input.notes) throw conflict('basedata.visit_conflict');
  return {
    id: stored.id, at: new Date(stored.visited_at).toISOString(), workerName: stored.worker_name, notes: stored.notes, lng: stored.lng, lat: stored.lat,
    targetType: stored.target_type, targetId: stored.target_id, created: inserted !== undefined,
  };
}
