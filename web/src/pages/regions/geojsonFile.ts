import type { ArealGeometry } from '@gongzhi/contracts';

/** Reads a polygon out of an uploaded GeoJSON file: a geometry, a Feature or a one-feature collection. */
export function polygonFromGeojson(text: string): ArealGeometry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const v = value as { type?: string; geometry?: unknown; features?: Array<{ geometry?: unknown }> };
  const geometry = v.type === 'FeatureCollection' ? v.features?.[0]?.geometry : v.type === 'Feature' ? v.geometry : v;
  const g = geometry as { type?: string; coordinates?: unknown } | undefined;
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates) ? (g as ArealGeometry) : null;
}
