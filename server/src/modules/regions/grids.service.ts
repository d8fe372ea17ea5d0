import type { ArealGeometry, GridDetail, GridListItem } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireAccess, requirePermission, scopeLikePattern, significantPrefix, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import { emitEvent } from '../../platform/events.js';
import { usersByIds } from '../accounts/index.js';
import { carveNeighbours, clipToCommunity, geodesicArea } from './grid-geometry.js';
import { featureCollection } from './geojson.js';

export interface GridListFilter {
  region?: string;
  q?: string;
  type?: 'comprehensive' | 'dedicated';
  state: 'active' | 'retired';
  page: number;
  pageSize: number;
}

/** Grids joined with their community and street names; jurisdiction is part of every query. */
function gridsInScope(db: Kysely<DB>, actor: Principal) {
  return db
    .selectFrom('grids as g')
    .innerJoin('regions as c', 'c.code', 'g.community_code')
    .innerJoin('regions as s', 's.code', 'c.parent_code')
    .where('g.code', 'like', scopeLikePattern(actor));
}

const listColumns = [
  'g.id', 'g.code', 'g.name', 'g.type', 'g.community_code', 'g.area_m2', 'g.retired_at',
  'c.name as community_name', 's.code as street_code', 's.name as street_name',
] as const;

export async function listGrids(db: Kysely<DB>, actor: Principal, f: GridListFilter) {
  requirePermission(actor, 'grid:read');
  let query = gridsInScope(db, actor).where('g.retired_at', f.state === 'active' ? 'is' : 'is not', null);
  if (f.region) query = query.where('g.code', 'like', `${significantPrefix(f.region)}%`);
  if (f.type) query = query.where('g.type', '=', f.type);
  if (f.q) query = query.where((eb) => eb.or([eb('g.code', 'like', `%${f.q}%`), eb('g.name', 'like', `%${f.q}%`)]));
  const { total } = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(listColumns)
    .orderBy('g.code')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const staff = await staffOf(db, actor, rows.map((r) => r.id));
  const items: GridListItem[] = rows.map((r) => {
    const s = staff.get(r.id);
    return { ...presentListItem(r), headName: s?.head?.displayName ?? null, workerCount: s?.workers.length ?? 0 };
  });
  return { items, total, page: f.page, pageSize: f.pageSize };
}

function presentListItem(r: {
  code: string; name: string; type: 'comprehensive' | 'dedicated'; community_code: string; area_m2: number;
  retired_at: Date | null; community_name: string; street_code: string; street_name: string;
}) {
  return {
    code: r.code,
    name: r.name,
    type: r.type,
    communityCode: r.community_code,
    communityName: r.community_name,
    streetCode: r.street_code,
    streetName: r.street_name,
    areaM2: Math.round(r.area_m2),
    state: r.retired_at ? ('retired' as const) : ('active' as const),
  };
}

type Staff = { id: string; displayName: string; phone: string | null };

/** Heads and workers of the given grids; names only for principals who may read staff details. */
async function staffOf(db: Kysely<DB>, actor: Principal, gridIds: string[]) {
  const result = new Map<string, { head: Staff | null; workers: Staff[] }>();
  if (gridIds.length === 0 || !actor.permissions.has('staff:read')) return result;
  const links = await db.selectFrom('grid_staff').selectAll().where('grid_id', 'in', gridIds).execute();
  const users = new Map((await usersByIds(db, [...new Set(links.map((l) => l.user_id))])).map((u) => [u.id, u]));
  for (const l of links) {
    const u = users.get(l.user_id);
    if (!u) continue;
    const entry = result.get(l.grid_id) ?? { head: null, workers: [] };
    const person = { id: u.id, displayName: u.display_name, phone: u.phone };
    if (l.duty === 'head') entry.head = person;
    else entry.workers.push(person);
    result.set(l.grid_id, entry);
  }
  return result;
}

export async function gridDetail(db: Kysely<DB>, actor: Principal, code: string): Promise<GridDetail> {
  requireAccess(actor, 'grid:read', code, 'grid.not_found');
  const row = await gridsInScope(db, actor)
    .select([...listColumns, 'g.dedicated_kind', 'g.retired_reason', 'g.updated_at', sql<string>`st_asgeojson(g.geom, 7)`.as('geometry')])
    .where('g.code', '=', code)
    .executeTakeFirst();
  if (!row) throw notFound('grid.not_found', { code });
  const staff = (await staffOf(db, actor, [row.id])).get(row.id) ?? { head: null, workers: [] };
  return {
    ...presentListItem(row),
    headName: staff.head?.displayName ?? null,
    workerCount: staff.workers.length,
    dedicatedKind: row.dedicated_kind,
    geometry: JSON.parse(row.geometry) as ArealGeometry,
    head: staff.head,
    workers: staff.workers,
    retiredAt: row.retired_at?.toISOString() ?? null,
    retiredReason: row.retired_reason,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function gridFeatures(db: Kysely<DB>, actor: Principal, region: string) {
  requirePermission(actor, 'grid:read');
  const rows = await db
    .selectFrom('grids')
    .select(['code', 'name', 'type', 'community_code', sql<string>`st_asgeojson(geom, 6)`.as('geometry')])
    .where('retired_at', 'is', null)
    .where('code', 'like', `${significantPrefix(region)}%`)
    .where('code', 'like', scopeLikePattern(actor))
    .orderBy('code')
    .execute();
  return featureCollection(rows, (r) => ({ code: r.code, name: r.name, type: r.type, communityCode: r.community_code }));
}

export interface GridInput {
  communityCode: string;
  name: string;
  type: 'comprehensive' | 'dedicated';
  dedicatedKind?: string;
  geometry: ArealGeometry;
}

/**
 * Creates a grid inside a community. Its code is the community code plus the next unused sequence
 * number: codes are never reused or renumbered, because cases and people keep referring to them.
 */
export async function createGrid(db: Kysely<DB>, actor: Principal, input: GridInput, ip: string): Promise<GridDetail> {
  requireAccess(actor, 'grid:write', input.communityCode, 'region.not_found');
  const community = await db.selectFrom('regions').select(['code', 'level']).where('code', '=', input.communityCode).executeTakeFirst();
  if (!community) throw notFound('region.not_found', { code: input.communityCode });
  if (community.level !== 'village') throw badRequest('region.not_community', { code: input.communityCode });
  const code = await db.transaction().execute(async (tx) => {
    const wkt = await clipToCommunity(tx, input.geometry, input.communityCode);
    const carved = await carveNeighbours(tx, input.communityCode, wkt, null);
    const code = await nextGridCode(tx, input.communityCode);
    await tx
      .insertInto('grids')
      .values({
        code,
        community_code: input.communityCode,
        county_code: input.communityCode.slice(0, 6),
        name: input.name,
        type: input.type,
        dedicated_kind: input.type === 'dedicated' ? (input.dedicatedKind ?? null) : null,
        geom: sql<string>`st_geomfromtext(${wkt}, 4326)`,
        area_m2: await geodesicArea(tx, wkt),
        geometry_source: 'drawn',
      })
      .execute();
    await recordChange(tx, actor, ip, 'grid.create', code, { name: input.name, type: input.type, carvedFrom: carved });
    return code;
  });
  return gridDetail(db, actor, code);
}

export async function nextGridCode(db: Kysely<DB>, communityCode: string): Promise<string> {
  const row = await db
    .selectFrom('grids')
    .select(sql<number>`coalesce(max(substr(code, 13, 3)::int), 0)`.as('last'))
    .where('community_code', '=', communityCode)
    .executeTakeFirstOrThrow();
  if (row.last >= 999) throw conflict('grid.code_exhausted', { community: communityCode });
  return `${communityCode}${String(row.last + 1).padStart(3, '0')}`;
}

export async function updateGrid(
  db: Kysely<DB>, actor: Principal, code: string,
  input: { name?: string; type?: 'comprehensive' | 'dedicated'; dedicatedKind?: string | null; geometry?: ArealGeometry }, ip: string,
): Promise<GridDetail> {
  requireAccess(actor, 'grid:write', code, 'grid.not_found');
  await db.transaction().execute(async (tx) => {
    const grid = await activeGrid(tx, code);
    const changes: Record<string, unknown> = {};
    if (input.geometry) {
      const wkt = await clipToCommunity(tx, input.geometry, grid.community_code);
      changes.carvedFrom = await carveNeighbours(tx, grid.community_code, wkt, code);
      await sql`update grids set geom = st_geomfromtext(${wkt}, 4326), area_m2 = st_area(st_geomfromtext(${wkt}, 4326)::geography),
                geometry_source = 'drawn' where code = ${code}`.execute(tx);
    }
    const type = input.type ?? grid.type;
    await tx
      .updateTable('grids')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        type,
        dedicated_kind: type === 'dedicated' ? (input.dedicatedKind === undefined ? grid.dedicated_kind : input.dedicatedKind) : null,
        updated_at: new Date(),
      })
      .where('code', '=', code)
      .execute();
    await recordChange(tx, actor, ip, 'grid.update', code, { ...changes, fields: Object.keys(input) });
  });
  return gridDetail(db, actor, code);
}

export async function retireGrid(db: Kysely<DB>, actor: Principal, code: string, reason: string, ip: string): Promise<GridDetail> {
  requireAccess(actor, 'grid:write', code, 'grid.not_found');
  await db.transaction().execute(async (tx) => {
    await activeGrid(tx, code);
    await tx.updateTable('grids').set({ retired_at: new Date(), retired_reason: reason, updated_at: new Date() }).where('code', '=', code).execute();
    await recordChange(tx, actor, ip, 'grid.retire', code, { reason });
  });
  return gridDetail(db, actor, code);
}

/** Locks an active grid for a change in the caller's transaction. */
export async function activeGrid(db: Kysely<DB>, code: string) {
  const grid = await db.selectFrom('grids').select(['id', 'community_code', 'type', 'dedicated_kind', 'retired_at']).where('code', '=', code).forUpdate().executeTakeFirst();
  if (!grid) throw notFound('grid.not_found', { code });
  if (grid.retired_at) throw conflict('grid.retired', { code });
  return grid;
}

/** The audit row and the domain event of a grid change, in the caller's transaction. */
export async function recordChange(db: Kysely<DB>, actor: Principal, ip: string, action: string, code: string, detail: Record<string, unknown>) {
  await writeAudit(db, { action, actor, targetType: 'grid', targetId: code, ip, detail });
  await emitEvent(db, { topic: action, aggregateType: 'grid', aggregateId: code, payload: { code, ...detail } });
}


/** The codes among `codes` that name an active grid (for other modules that file records by grid). */
export async function activeGridCodes(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('grids').select('code').where('code', 'in', [...new Set(codes)]).where('retired_at', 'is', null).execute();
  return new Set(rows.map((r) => r.code));
}
