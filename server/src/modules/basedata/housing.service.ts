import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, requirePermission, scopeGridRange, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import { locatePoint } from '../regions/index.js';
import { provenanceOf } from './provenance.service.js';
import { dwellingAddress, listingRange } from './scope.js';
import { visitsOf } from './visits.service.js';
import { dayText as day, extraValues } from './record-columns.js';

const residentsOf = sql<number>`(select count(*) from people p where p.dwelling_id = d.id)::int`;

/** Estates (小区/街路巷/村) with buildings inside the jurisdiction. */
export async function listEstates(db: Kysely<DB>, actor: Principal | null, f: { community?: string | undefined; q?: string | undefined }) {
  const p = requirePermission(actor, 'basedata:read');
  const [lo, hi] = listingRange(p, f.community);
  let q = db
    .selectFrom('estates as e')
    .innerJoin('buildings as b', 'b.estate_id', 'e.id')
    .select(['e.id', 'e.name', 'e.kind', 'e.community_code', sql<number>`count(b.id)::int`.as('buildings')])
    .where('b.grid_code', '>=', lo)
    .where('b.grid_code', '<=', hi)
    .groupBy(['e.id', 'e.name', 'e.kind', 'e.community_code'])
    .orderBy('e.community_code')
    .orderBy('e.name')
    .limit(500);
  if (f.q) q = q.where('e.name', 'like', `%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
  const rows = await q.execute();
  return { items: rows.map((e) => ({ id: e.id, name: e.name, kind: e.kind, communityCode: e.community_code, buildings: e.buildings })) };
}

function buildingQuery(db: Kysely<DB>) {
  return db
    .selectFrom('buildings as b')
    .innerJoin('estates as e', 'e.id', 'b.estate_id')
    .select(['b.id', 'b.estate_id', 'b.code', 'b.name', 'b.grid_code', 'b.floors', 'e.name as estate', sql<number>`st_x(b.location)`.as('lng'), sql<number>`st_y(b.location)`.as('lat'),
      sql<number>`(select count(*) from dwellings d where d.building_id = b.id)::int`.as('dwellings')]);
}
type BuildingRow = Awaited<ReturnType<ReturnType<typeof buildingQuery>['execute']>>[number];
const presentBuilding = (b: BuildingRow) => ({
  id: b.id, estateId: b.estate_id, name: b.name, address: `${b.estate} ${b.name}`, gridCode: b.grid_code, floors: b.floors, lng: Number(b.lng), lat: Number(b.lat), dwellings: b.dwellings,
});

export async function listBuildings(db: Kysely<DB>, actor: Principal | null, f: { estate?: string | undefined; grid?: string | undefined }) {
  const p = requirePermission(actor, 'basedata:read');
  const [lo, hi] = listingRange(p, f.grid);
  let q = buildingQuery(db).where('b.grid_code', '>=', lo).where('b.grid_code', '<=', hi).orderBy('e.name').orderBy('b.code').limit(1000);
  if (f.estate) q = q.where('b.estate_id', '=', f.estate);
  return { items: (await q.execute()).map(presentBuilding) };
}

async function buildingInScope(db: Kysely<DB>, actor: Principal, id: string) {
  const [lo, hi] = scopeGridRange(actor);
  const b = await buildingQuery(db).where('b.id', '=', id).where('b.grid_code', '>=', lo).where('b.grid_code', '<=', hi).executeTakeFirst();
  if (!b) throw notFound('basedata.building_not_found', {});
  return b;
}

function dwellingQuery(db: Kysely<DB>) {
  return db
    .selectFrom('dwellings as d')
    .innerJoin('buildings as b', 'b.id', 'd.building_id')
    .innerJoin('estates as e', 'e.id', 'b.estate_id')
    .select(['d.id', 'd.address_code', 'd.unit_no', 'd.room_no', 'd.usage', 'd.grid_code', 'e.name as estate', 'b.name as building', residentsOf.as('residents')]);
}
type DwellingRow = Awaited<ReturnType<ReturnType<typeof dwellingQuery>['execute']>>[number];
const presentDwelling = (d: DwellingRow) => ({
  id: d.id, addressCode: d.address_code, address: dwellingAddress(d.estate, d.building, d.unit_no, d.room_no) ?? d.address_code,
  unitNo: d.unit_no, roomNo: d.room_no, usage: d.usage, residents: d.residents, gridCode: d.grid_code,
});

export async function buildingDetail(db: Kysely<DB>, actor: Principal | null, id: string) {
  const p = requirePermission(actor, 'basedata:read');
  const b = await buildingInScope(db, p, id);
  const units = await dwellingQuery(db).where('d.building_id', '=', id).orderBy('d.unit_no').orderBy('d.room_no').execute();
  return { ...presentBuilding(b), units: units.map(presentDwelling) };
}

/**
 * Adds a building at a point on the map: its grid is the grid the point falls in, which must be inside
 * the writer's jurisdiction; its estate is found or created by name in that community.
 */
export async function createBuilding(
  db: Kysely<DB>, actor: Principal | null,
  input: { estateName: string; estateKind: 'estate' | 'road' | 'village'; name: string; floors: number | null; lng: number; lat: number }, ip: string,
) {
  const p = requirePermission(actor, 'basedata:write');
  const place = await locatePoint(db, input.lng, input.lat);
  if (!place?.grid || !coversCode(p.scopeCode, place.grid.code)) throw badRequest('basedata.point_outside_scope');
  const gridCode = place.grid.code;
  const id = await db.transaction().execute(async (tx) => {
    await tx.insertInto('estates').values({ name: input.estateName, kind: input.estateKind, community_code: place.community.code }).onConflict((oc) => oc.columns(['community_code', 'name']).doNothing()).execute();
    const estate = await tx.selectFrom('estates').select('id').where('community_code', '=', place.community.code).where('name', '=', input.estateName).executeTakeFirstOrThrow();
    const clash = await tx.selectFrom('buildings').select('id').where('estate_id', '=', estate.id).where('name', '=', input.name).executeTakeFirst();
    if (clash) throw conflict('basedata.exists', { what: `${input.estateName} ${input.name}` });
    const code = await nextBuildingCode(tx, gridCode);
    const row = await tx
      .insertInto('buildings')
      .values({ estate_id: estate.id, code, name: input.name, grid_code: gridCode, floors: input.floors, location: sql<string>`st_setsrid(st_point(${input.lng}, ${input.lat}), 4326)` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { action: 'building.create', actor: p, targetType: 'building', targetId: row.id, ip, detail: { code, estate: input.estateName, name: input.name } });
    return row.id;
  });
  return presentBuilding(await buildingInScope(db, p, id));
}

/** The next free building code of a grid (grid code + 3-digit sequence); the grid row lock serialises writers. */
export async function nextBuildingCode(db: Kysely<DB>, gridCode: string): Promise<string> {
  await sql`select 1 from grids where code = ${gridCode} for update`.execute(db);
  const last = await db.selectFrom('buildings').select(sql<string | null>`max(code)`.as('code')).where('grid_code', '=', gridCode).executeTakeFirst();
  const seq = last?.code ? Number(last.code.slice(16)) + 1 : 1;
  return `${gridCode}-${String(seq).padStart(3, '0')}`;
}

/** Adds a dwelling (户) to a building; its standard address code is the building code, unit and room. */
export async function createDwelling(db: Kysely<DB>, actor: Principal | null, buildingId: string, input: { unitNo: string; roomNo: string }, ip: string) {
  const p = requirePermission(actor, 'basedata:write');
  const b = await buildingInScope(db, p, buildingId);
  const addressCode = `${b.code}-${input.unitNo || '0'}-${input.roomNo}`;
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('dwellings')
      .values({ building_id: buildingId, address_code: addressCode, unit_no: input.unitNo, room_no: input.roomNo, grid_code: b.grid_code })
      .onConflict((oc) => oc.column('address_code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('basedata.exists', { what: addressCode });
    await writeAudit(tx, { action: 'dwelling.create', actor: p, targetType: 'dwelling', targetId: row.id, ip, detail: { addressCode } });
    return { id: row.id, addressCode };
  });
}

export async function dwellingInScope(db: Kysely<DB>, actor: Principal, id: string) {
  const [lo, hi] = scopeGridRange(actor);
  const d = await db.selectFrom('dwellings').selectAll().where('id', '=', id).where('grid_code', '>=', lo).where('grid_code', '<=', hi).executeTakeFirst();
  if (!d) throw notFound('basedata.dwelling_not_found', {});
  return d;
}

/** A dwelling with who lives there now and before (以房管人), its landlord and lease. */
export async function dwellingDetail(db: Kysely<DB>, actor: Principal | null, id: string) {
  const p = requirePermission(actor, 'basedata:read');
  const d = await dwellingInScope(db, p, id);
  const [row] = await dwellingQuery(db).select([day('d.lease_start').as('lease_start'), day('d.lease_end').as('lease_end')]).where('d.id', '=', id).execute();
  const occupants = await db
    .selectFrom('residencies as r')
    .innerJoin('people as pe', 'pe.id', 'r.person_id')
    .select(['pe.id', 'pe.name', 'pe.person_type', 'r.relation', day('r.moved_in').as('moved_in'), day('r.moved_out').as('moved_out')])
    .where('r.dwelling_id', '=', id)
    .orderBy(sql`r.moved_out is null`, 'desc')
    .orderBy('r.moved_in', 'desc')
    .execute();
  const landlord = d.landlord_id ? await db.selectFrom('people').select(['id', 'name']).where('id', '=', d.landlord_id).executeTakeFirst() : undefined;
  const values: Record<string, string | null> = {
    ...extraValues(d.extra),
    address_code: d.address_code, usage: d.usage, area_m2: d.area_m2 === null ? null : String(Number(d.area_m2)), lease_start: row!.lease_start, lease_end: row!.lease_end,
  };
  return {
    ...presentDwelling(row!),
    buildingId: d.building_id,
    areaM2: d.area_m2 === null ? null : Number(d.area_m2),
    landlord: landlord ? { id: landlord.id, name: landlord.name } : null,
    leaseStart: row!.lease_start,
    leaseEnd: row!.lease_end,
    occupants: occupants.map((o) => ({ personId: o.id, name: o.name, personType: o.person_type, relation: o.relation, movedIn: o.moved_in as string, movedOut: o.moved_out })),
    values,
    provenance: await provenanceOf(db, d.provenance, Object.keys(values)),
    visits: await visitsOf(db, 'dwelling', id),
    version: d.version,
  };
}

/** Names the landlord of a rented dwelling (a person inside the jurisdiction), or clears it. */
export async function setLandlord(db: Kysely<DB>, actor: Principal | null, id: string, input: { version: number; landlordId: string | null }, ip: string) {
  const p = requirePermission(actor, 'basedata:write');
  const d = await dwellingInScope(db, p, id);
  if (input.landlordId) {
    const [lo, hi] = scopeGridRange(p);
    const known = await db.selectFrom('people').select('id').where('id', '=', input.landlordId).where('grid_code', '>=', lo).where('grid_code', '<=', hi).executeTakeFirst();
    if (!known) throw notFound('basedata.person_not_found', {});
  }
  await db.transaction().execute(async (tx) => {
    const res = await tx.updateTable('dwellings').set({ landlord_id: input.landlordId, version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw conflict('basedata.stale');
    await writeAudit(tx, { action: 'dwelling.landlord', actor: p, targetType: 'dwelling', targetId: d.id, ip, detail: { landlordId: input.landlordId } });
  });
  return dwellingDetail(db, p, id);
}
