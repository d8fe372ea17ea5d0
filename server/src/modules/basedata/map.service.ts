import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { listingRange } from './scope.js';

/**
 * Per grid: residents (户籍 + 常住), floating population, people of focus groups, rented dwellings. The counts
 * are materialised once each: inlined, a planner with stale statistics ran them once per grid.
 */
export async function gridStats(db: Kysely<DB>, actor: Principal | null, region: string | undefined) {
  const p = requirePermission(actor, 'basedata:read');
  const [lo, hi] = listingRange(p, region);
  const { rows } = await sql<{ grid_code: string; residents: number; floating: number; focus: number; rented: number }>`
    with people_counts as materialized (
      select grid_code,
             count(*) filter (where person_type in ('huji', 'changzhu'))::int as residents,
             count(*) filter (where person_type = 'liudong')::int as floating
      from people where grid_code between ${lo} and ${hi} group by grid_code),
    focus_counts as materialized (
      select p.grid_code, count(distinct p.id)::int as focus
      from people p join person_tags pt on pt.person_id = p.id join tag_types t on t.code = pt.tag_code and t.focus
      where p.grid_code between ${lo} and ${hi} group by p.grid_code),
    rented_counts as materialized (
      select grid_code, count(*)::int as rented from dwellings where usage = 'rented' and grid_code between ${lo} and ${hi} group by grid_code)
    select g.code as grid_code, coalesce(pc.residents, 0) as residents, coalesce(pc.floating, 0) as floating,
           coalesce(fc.focus, 0) as focus, coalesce(rc.rented, 0) as rented
    from grids g
    left join people_counts pc on pc.grid_code = g.code
    left join focus_counts fc on fc.grid_code = g.code
    left join rented_counts rc on rc.grid_code = g.code
    where g.retired_at is null and g.code between ${lo} and ${hi}
    order by g.code`.execute(db);
  return { items: rows.map((r) => ({ gridCode: r.grid_code, residents: r.residents, floating: r.floating, focus: r.focus, rented: r.rented })) };
}

/** Buildings as GeoJSON points with their dwelling and resident counts. */
export async function buildingPoints(db: Kysely<DB>, actor: Principal | null, region: string | undefined, limit: number) {
  const p = requirePermission(actor, 'basedata:read');
  const [lo, hi] = listingRange(p, region);
  const { rows } = await sql<{ id: string; name: string; estate: string; lng: number; lat: number; dwellings: number; residents: number }>`
    select b.id, b.name, e.name as estate, st_x(b.location) as lng, st_y(b.location) as lat,
           (select count(*) from dwellings d where d.building_id = b.id)::int as dwellings,
           (select count(*) from people pe join dwellings d on d.id = pe.dwelling_id where d.building_id = b.id)::int as residents
    from buildings b join estates e on e.id = b.estate_id
    where b.grid_code between ${lo} and ${hi}
    order by b.code limit ${limit}`.execute(db);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((b) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [Number(b.lng), Number(b.lat)] },
      properties: { id: b.id, name: b.name, estate: b.estate, dwellings: b.dwellings, residents: b.residents },
    })),
  };
}
