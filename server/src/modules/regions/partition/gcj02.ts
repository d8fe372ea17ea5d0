import gcoordModule from 'gcoord';
import type { MultiPolygonCoords, Position } from './planar.js';

// gcoord is CommonJS with typings of its ESM build: under Node the default import is the API object itself.
const gcoord = ((gcoordModule as unknown as { default?: unknown }).default ?? gcoordModule) as typeof gcoordModule.default;

/** Chinese web maps and the DataV boundaries are GCJ-02; the database holds WGS84. Convert at the edge. */
export function gcj02ToWgs84Geometry(coords: MultiPolygonCoords): MultiPolygonCoords {
  return coords.map((poly) => poly.map((ring) => ring.map((p) => gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as Position)));
}
