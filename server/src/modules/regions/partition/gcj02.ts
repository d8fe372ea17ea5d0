import gcoord from 'gcoord';
import type { MultiPolygonCoords, Position } from './planar.js';

/** Chinese web maps and the DataV boundaries are GCJ-02; the database holds WGS84. Convert at the edge. */
export function gcj02ToWgs84Geometry(coords: MultiPolygonCoords): MultiPolygonCoords {
  return coords.map((poly) => poly.map((ring) => ring.map((p) => gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as Position)));
}
