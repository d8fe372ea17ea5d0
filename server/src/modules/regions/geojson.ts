import type { ArealGeometry, FeatureCollection } from '@gongzhi/contracts';

/** Builds a FeatureCollection from rows carrying `geometry` as ST_AsGeoJSON text. */
export function featureCollection<R extends { geometry: string }, P>(rows: R[], properties: (row: R) => P): FeatureCollection<P> {
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', geometry: JSON.parse(r.geometry) as ArealGeometry, properties: properties(r) })),
  };
}
