import type { ArealGeometry } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireAccess, type Principal } from '../../platform/access.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { clipToCommunity } from './grid-geometry.js';
import { nextGridCode, recordChange } from './grids.service.js';
import { shortDivisionName } from '@gongzhi/contracts';
import { readingOrder, type MultiPolygonCoords } from './partition/index.js';

export interface UploadedGrid {
  name?: string;
  type?: 'comprehensive' | 'dedicated';
  geometry: ArealGeometry;
}

/**
 * Replaces a community's grids with an uploaded set of real polygons. The set must not overlap; each
 * shape is clipped to the community. The old grids are retired (they keep their codes), and the new ones
 * are numbered in reading order (north→south, west→east) after the community's highest sequence.
 */
export async function replaceCommunityGrids(db: Kysely<DB>, actor: Principal, communityCode: string, grids: UploadedGrid[], ip: string) {
  requireAccess(actor, 'grid:write', communityCode, 'region.not_found');
  const community = await db.selectFrom('regions').select(['level', 'name']).where('code', '=', communityCode).executeTakeFirst();
  if (!community) throw notFound('region.not_found', { code: communityCode });
  if (community.level !== 'village') throw badRequest('region.not_community', { code: communityCode });
  return db.transaction().execute(async (tx) => {
    const clipped = [];
    for (const g of grids) clipped.push(await clipToCommunity(tx, g.geometry, communityCode));
    await refuseOverlaps(tx, clipped);
    const shapes = await Promise.all(clipped.map(async (wkt) => {
      const { rows } = await sql<{ g: string }>`select st_asgeojson(st_geomfromtext(${wkt}, 4326)) as g`.execute(tx);
      return (JSON.parse(rows[0]!.g) as { coordinates: MultiPolygonCoords }).coordinates;
    }));
    const retired = await tx
      .updateTable('grids')
      .set({ retired_at: new Date(), retired_reason: '由上传的真实网格替换 / replaced by uploaded grids', updated_at: new Date() })
      .where('community_code', '=', communityCode)
      .where('retired_at', 'is', null)
      .returning('code')
      .execute();
    const created: string[] = [];
    for (const index of readingOrder(shapes)) {
      const code = await nextGridCode(tx, communityCode);
      const g = grids[index]!;
      await tx
        .insertInto('grids')
        .values({
          code,
          community_code: communityCode,
          county_code: communityCode.slice(0, 6),
          name: g.name ?? `${shortDivisionName(community.name)}第${created.length + 1}网格`,
          type: g.type ?? 'comprehensive',
          geom: sql<string>`st_geomfromtext(${clipped[index]!}, 4326)`,
          area_m2: sql<number>`st_area(st_geomfromtext(${clipped[index]!}, 4326)::geography)`,
          geometry_source: 'uploaded',
        })
        .execute();
      created.push(code);
    }
    await recordChange(tx, actor, ip, 'grid.replace_community', communityCode, { retired: retired.map((r) => r.code), created });
    return { retired: retired.map((r) => r.code), created };
  });
}

async function refuseOverlaps(db: Kysely<DB>, wkts: string[]) {
  for (let i = 0; i < wkts.length; i++) {
    for (let j = i + 1; j < wkts.length; j++) {
      const { rows } = await sql<{ a: number }>`
        select coalesce(st_area(st_intersection(st_geomfromtext(${wkts[i]!}, 4326), st_geomfromtext(${wkts[j]!}, 4326))::geography), 0) as a`.execute(db);
      if (rows[0]!.a >= 1) throw badRequest('grid.upload_overlap', { first: i + 1, second: j + 1 });
    }
  }
}
