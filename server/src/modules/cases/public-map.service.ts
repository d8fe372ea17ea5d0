import type { PublicMapResponse } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { topDivision } from '../regions/index.js';

/**
 * The public map of recent reports (no sign-in): category, open or closed, and the day reported. No
 * names, no descriptions, no numbers. Cases of sensitive categories (case_categories.sensitive:
 * disputes, public security …) are shown at the centre of the ~500 m cell they fall in, never at
 * their place, and are selected by that centre too — filtering them by their real point would let
 * a caller find it by shrinking the box until the case disappears.
 */
export const publicMapDays = 90;
export const publicMapLimit = 2000;
export const blurCellM = 500;
const metresPerDegree = 111_320;
/** More than a cell, in degrees at Zibo's latitude: the margin that catches sensitive cases whose cell centre lies in the box. */
const marginDeg = 0.01;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The centre of the cell of about `cellM` × `cellM` metres holding the point: rows of equal latitude
 * height, each cut into columns of `cellM` metres at the row's centre latitude. Every point of a cell
 * gives the same centre, so a blurred point says which cell, never where in it.
 */
export function blurPoint(lng: number, lat: number, cellM = blurCellM): [number, number] {
  const dLat = cellM / metresPerDegree;
  const centreLat = (Math.floor(lat / dLat) + 0.5) * dLat;
  const dLng = cellM / (metresPerDegree * Math.cos((centreLat * Math.PI) / 180));
  const centreLng = (Math.floor(lng / dLng) + 0.5) * dLng;
  return [round6(centreLng), round6(centreLat)];
}

export async function publicCaseMap(db: Kysely<DB>, bbox: readonly [number, number, number, number], now = new Date()): Promise<PublicMapResponse> {
  const [x1, y1, x2, y2] = bbox;
  const box = sql`st_makeenvelope(${x1}::float8, ${y1}::float8, ${x2}::float8, ${y2}::float8, 4326)`;
  const wide = sql`st_makeenvelope(${x1 - marginDeg}::float8, ${y1 - marginDeg}::float8, ${x2 + marginDeg}::float8, ${y2 + marginDeg}::float8, 4326)`;
  const { rows } = await sql<{ lng: number; lat: number; state: string; name: string; name_en: string; sensitive: boolean; day: string }>`
    select st_x(c.location) as lng, st_y(c.location) as lat, c.state, k.name, k.name_en, k.sensitive,
           to_char(c.reported_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day
    from cases c join case_categories k on k.code = c.category_code
    where c.reported_at >= ${now.toISOString()}::timestamptz - make_interval(days => ${publicMapDays}::int)
      and c.state not in ('merged', 'rejected')
      and c.location && ${wide} and (k.sensitive or st_intersects(c.location, ${box}))
    order by c.reported_at desc limit ${publicMapLimit}`.execute(db);
  const inBox = ([lng, lat]: [number, number]) => lng >= x1 && lng <= x2 && lat >= y1 && lat <= y2;
  const features: PublicMapResponse['features'] = [];
  for (const r of rows) {
    const point: [number, number] = r.sensitive ? blurPoint(Number(r.lng), Number(r.lat)) : [round6(Number(r.lng)), round6(Number(r.lat))];
    if (!inBox(point)) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: point },
      properties: { categoryName: r.name, categoryNameEn: r.name_en, status: r.state === 'closed' ? 'closed' : 'open', reportedOn: r.day, blurred: r.sensitive },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The platform's district and its streets with names, for the public pages' maps (names and outlines of
 * divisions are public; see “Out-of-jurisdiction reads”). Simplified to ~30 m: a phone downloads it.
 */
export async function publicOutline(db: Kysely<DB>) {
  const top = await topDivision(db);
  const { rows } = await sql<{ code: string; name: string; parent_code: string | null; geometry: string }>`
    select code, name, parent_code, st_asgeojson(st_simplifypreservetopology(geom, 0.0003), 6) as geometry
    from regions where (code = ${top} or parent_code = ${top}) and geom is not null order by code`.execute(db);
  const fc = (list: typeof rows) => ({
    type: 'FeatureCollection' as const,
    features: list.map((r) => ({ type: 'Feature' as const, properties: { code: r.code, name: r.name }, geometry: JSON.parse(r.geometry) as unknown })),
  });
  return { county: fc(rows.filter((r) => r.code === top)), streets: fc(rows.filter((r) => r.code !== top)) };
}
