import type { LocateResponse } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Which grid, community, street and district a WGS84 point falls in. Public: division names and
 * grid codes only, no staff. Every report is placed by this function.
 */
export async function locatePoint(db: Kysely<DB>, lng: number, lat: number): Promise<LocateResponse | null> {
  const { rows } = await sql<{
    grid_code: string | null; grid_name: string | null;
    community_code: string; community_name: string; street_code: string; street_name: string;
    district_code: string; district_name: string;
  }>`
    with pt as (select st_setsrid(st_point(${lng}, ${lat}), 4326) as p),
    grid as (
      select g.code, g.name, g.community_code from grids g, pt
      where g.retired_at is null and st_covers(g.geom, pt.p) order by g.code limit 1),
    community as (
      select coalesce((select community_code from grid),
                      (select r.code from regions r, pt where r.level = 'village' and st_covers(r.geom, pt.p) order by r.code limit 1)) as code)
    select grid.code as grid_code, grid.name as grid_name,
           c.code as community_code, c.name as community_name, s.code as street_code, s.name as street_name,
           d.code as district_code, d.name as district_name
    from community
    join regions c on c.code = community.code
    join regions s on s.code = c.parent_code
    join regions d on d.code = s.parent_code
    left join grid on true`.execute(db);
  const r = rows[0];
  if (!r) return null;
  return {
    lng,
    lat,
    district: { code: r.district_code, name: r.district_name },
    street: { code: r.street_code, name: r.street_name },
    community: { code: r.community_code, name: r.community_name },
    grid: r.grid_code ? { code: r.grid_code, name: r.grid_name! } : null,
  };
}
