import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { readDivisions } from './divisions.js';
import { gcj02ToWgs84Geometry } from './partition/gcj02.js';
import { partitionDistrict, type MultiPolygonCoords, type Position } from './partition/index.js';
import { ZHANGDIAN_STREET_LAYOUT } from './partition/zhangdian.js';

export const demoCounty = '370303000000';
const dataDir = path.resolve(import.meta.dirname, '../../../data');

export async function isRegionDataSeeded(db: Kysely<DB>): Promise<boolean> {
  return Boolean(await db.selectFrom('regions').select('code').where('code', '=', demoCounty).executeTakeFirst());
}

export interface RegionSeedResult {
  streets: number;
  communities: number;
  grids: number;
}

/**
 * Loads 张店区: real division codes and names from the NBS file, the real county boundary (GCJ-02
 * converted to WGS84), and generated street, community and grid polygons that tile it.
 */
export async function seedRegions(db: Kysely<DB>, seed = 'gongzhi-demo'): Promise<RegionSeedResult> {
  const rows = readDivisions(path.join(dataDir, 'divisions-zibo-3703.csv'));
  const chain = new Set(['370000000000', '370300000000', demoCounty]);
  const regions = rows.filter((r) => chain.has(r.code) || r.parentCode === demoCounty || (r.level === 'village' && r.code.startsWith('370303')));
  const boundary = JSON.parse(fs.readFileSync(path.join(dataDir, 'zhangdian-boundary-gcj02.geojson'), 'utf8'));
  const feature = boundary.features[0];
  const district = gcj02ToWgs84Geometry(feature.geometry.coordinates as MultiPolygonCoords);
  const center = gcj02ToWgs84Geometry([[[feature.properties.center as Position]]])[0]![0]![0]!;
  const streets = regions
    .filter((r) => r.parentCode === demoCounty)
    .sort((a, b) => (ZHANGDIAN_STREET_LAYOUT[a.code]?.order ?? 99) - (ZHANGDIAN_STREET_LAYOUT[b.code]?.order ?? 99))
    .map((s) => ({
      code: s.code,
      name: s.name,
      urban: ZHANGDIAN_STREET_LAYOUT[s.code]?.urban ?? false,
      communities: regions.filter((v) => v.parentCode === s.code).map((v) => ({ code: v.code, name: v.name })),
    }));
  const partition = partitionDistrict({ district, center, streets, seed });
  const geometry = new Map<string, MultiPolygonCoords>([[demoCounty, district]]);
  for (const p of [...partition.streets, ...partition.communities]) geometry.set(p.code, p.geometry);

  {
    const tx = db; // the caller's transaction: the whole demo seed commits or rolls back together
    for (const r of regions) {
      const g = geometry.get(r.code);
      await tx
        .insertInto('regions')
        .values({
          code: r.code,
          name: r.name,
          level: r.level,
          parent_code: r.parentCode,
          geom: g ? toGeom(g) : null,
          boundary_source: !g || r.code === demoCounty ? 'imported' : 'generated',
        })
        .execute();
    }
    for (let i = 0; i < partition.grids.length; i += 250) {
      const batch = partition.grids.slice(i, i + 250);
      await tx
        .insertInto('grids')
        .values(
          batch.map((g) => ({
            code: g.code,
            community_code: g.communityCode,
            county_code: g.code.slice(0, 6),
            name: g.name,
            type: 'comprehensive' as const,
            geom: toGeom(g.geometry),
            area_m2: g.areaM2,
            geometry_source: 'generated' as const,
          })),
        )
        .execute();
    }
    // the stored area is the geodesic one PostGIS computes, like every later edit
    await sql`update grids set area_m2 = st_area(geom::geography)`.execute(tx);
  }
  return { streets: partition.streets.length, communities: partition.communities.length, grids: partition.grids.length };
}

const toGeom = (coords: MultiPolygonCoords) =>
  sql<string>`st_multi(st_collectionextract(st_makevalid(st_setsrid(st_geomfromgeojson(${JSON.stringify({ type: 'MultiPolygon', coordinates: coords })}), 4326)), 3))`;
