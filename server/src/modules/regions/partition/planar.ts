import polygonClipping, { type MultiPolygon } from 'polygon-clipping';

export type Position = [number, number];
export type MultiPolygonCoords = Position[][][];

/** Local equirectangular projection in metres around an origin: good to well under 0.5% across a county. */
export interface Projection {
  forward(mp: MultiPolygonCoords): MultiPolygonCoords;
  inverse(mp: MultiPolygonCoords): MultiPolygonCoords;
}

const metresPerDegreeLat = 110_574;
const metresPerDegreeLngAtEquator = 111_320;

export function localProjection([lng0, lat0]: Position): Projection {
  const kx = Math.cos((lat0 * Math.PI) / 180) * metresPerDegreeLngAtEquator;
  const map = (mp: MultiPolygonCoords, f: (p: Position) => Position) => mp.map((poly) => poly.map((ring) => ring.map(f)));
  return {
    forward: (mp) => map(mp, ([x, y]) => [(x - lng0) * kx, (y - lat0) * metresPerDegreeLat]),
    inverse: (mp) => map(mp, ([x, y]) => [lng0 + x / kx, lat0 + y / metresPerDegreeLat]),
  };
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(sum) / 2;
}

/** Planar area: outer rings minus holes (polygon-clipping output: outer ring first). */
export function planarArea(mp: MultiPolygonCoords): number {
  return mp.reduce((total, poly) => total + poly.reduce((s, ring, i) => s + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0), 0);
}

export function bbox(mp: MultiPolygonCoords): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of mp) for (const [x, y] of poly[0]!) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

export const intersect = (a: MultiPolygonCoords, b: MultiPolygonCoords) => polygonClipping.intersection(a as MultiPolygon, b as MultiPolygon) as MultiPolygonCoords;
export const subtract = (a: MultiPolygonCoords, b: MultiPolygonCoords) => polygonClipping.difference(a as MultiPolygon, b as MultiPolygon) as MultiPolygonCoords;
export const unite = (...parts: MultiPolygonCoords[]) => polygonClipping.union(...(parts as [MultiPolygon, ...MultiPolygon[]])) as MultiPolygonCoords;

/** Area-weighted centroid of the outer rings (good enough to order shapes). */
export function centroid(mp: MultiPolygonCoords): Position {
  let ax = 0, ay = 0, total = 0;
  for (const poly of mp) {
    const ring = poly[0]!;
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
      a += cross; cx += (ring[j]![0] + ring[i]![0]) * cross; cy += (ring[j]![1] + ring[i]![1]) * cross;
    }
    if (a === 0) continue;
    ax += cx / 3; ay += cy / 3; total += a;
  }
  return total === 0 ? [mp[0]![0]![0]![0], mp[0]![0]![0]![1]] : [ax / total, ay / total];
}
