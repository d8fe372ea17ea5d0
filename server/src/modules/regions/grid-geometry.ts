import { sql, type Kysely } from 'kysely';
import type { ArealGeometry } from '@gongzhi/contracts';
import type { DB } from '../../db/schema.js';
import { badRequest, conflict } from '../../platform/errors.js';

/** Grids smaller than this after clipping are treated as nothing (floating-point slivers). */
const minAreaM2 = 1;

/**
 * Turns submitted GeoJSON into a valid MultiPolygon clipped to its community. Invalid rings are
 * repaired by ST_MakeValid; a shape that ends up outside the community is refused.
 */
export async function clipToCommunity(db: Kysely<DB>, geometry: ArealGeometry, communityCode: string): Promise<string> {
  const { rows } = await sql<{ clipped: string | null; area: number | null }>`
    with clipped as (
      select st_multi(st_collectionextract(st_intersection(st_makevalid(st_setsrid(st_geomfromgeojson(${JSON.stringify(geometry)}), 4326)), r.geom), 3)) as g
      from regions r where r.code = ${communityCode})
    select st_astext(g) as clipped, st_area(g::geography) as area from clipped`.execute(db);
  const row = rows[0];
  if (!row?.clipped || !row.area || row.area < minAreaM2) throw badRequest('grid.outside_community', { community: communityCode });
  return row.clipped;
}

/**
 * Keeps the community tiled: the new or redrawn grid takes its area from the active neighbours it
 * overlaps. A neighbour that would vanish entirely stops the change.
 */
export async function carveNeighbours(db: Kysely<DB>, communityCode: string, wkt: string, exceptCode: string | null): Promise<string[]> {
  const { rows } = await sql<{ code: string; remaining: string; area: number }>`
    with shape as (select st_geomfromtext(${wkt}, 4326) as g)
    select n.code, st_astext(st_multi(st_collectionextract(st_difference(n.geom, s.g), 3))) as remaining,
           coalesce(st_area(st_collectionextract(st_difference(n.geom, s.g), 3)::geography), 0) as area
    from grids n, shape s
    where n.community_code = ${communityCode} and n.retired_at is null and n.code <> ${exceptCode ?? ''}
      and st_intersects(n.geom, s.g) and st_area(st_intersection(n.geom, s.g)::geography) >= ${minAreaM2}`.execute(db);
  for (const n of rows) {
    if (n.area < minAreaM2) throw conflict('grid.swallows_neighbour', { code: n.code });
    await sql`update grids set geom = st_geomfromtext(${n.remaining}, 4326), area_m2 = ${n.area}, updated_at = now() where code = ${n.code}`.execute(db);
  }
  return rows.map((r) => r.code);
}

export async function geodesicArea(db: Kysely<DB>, wkt: string): Promise<number> {
  const { rows } = await sql<{ area: number }>`select st_area(st_geomfromtext(${wkt}, 4326)::geography) as area`.execute(db);
  return rows[0]!.area;
}
