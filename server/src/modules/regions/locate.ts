import type { LocateResponse } from '@gongzhi/contracts';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { runHot } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

export interface PlaceRow {
  grid_code: string | null;
  grid_name: string | null;
  community_code: string;
  community_name: string;
  street_code: string;
  street_name: string;
  district_code: string;
  district_name: string;
}

/**
 * The query that places a WGS84 point: its grid (if an active one covers it), community, street and
 * district, as one row or none. Exported as SQL so that a caller can place and write in one statement
 * (report intake does, with the coordinates as values or as columns of its own rows).
 */
export function placeQuery(lng: number | RawBuilder<unknown>, lat: number | RawBuilder<unknown>): RawBuilder<PlaceRow> {
  return sql<PlaceRow>`
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
    left join grid on true`;
}

export function presentPlace(lng: number, lat: number, r: PlaceRow): LocateResponse {
  return {
    lng,
    lat,
    district: { code: r.district_code, name: r.district_name },
    street: { code: r.street_code, name: r.street_name },
    community: { code: r.community_code, name: r.community_name },
    grid: r.grid_code ? { code: r.grid_code, name: r.grid_name! } : null,
  };
}

/**
 * Which grid, community, street and district a WGS84 point falls in. Public: division names and
 * grid codes only, no staff. Every report is placed by this query.
 */
export async function locatePoint(db: Kysely<DB>, lng: number, lat: number): Promise<LocateResponse | null> {
  const [row] = await runHot(db, placeQuery(lng, lat));
  return row ? presentPlace(lng, lat, row) : null;
}
