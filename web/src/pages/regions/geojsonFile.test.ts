import { describe, expect, it } from 'vitest';
import { polygonFromGeojson } from './geojsonFile';

const polygon = { type: 'Polygon', coordinates: [[[118, 36.8], [118.01, 36.8], [118.01, 36.81], [118, 36.8]]] };

describe('polygonFromGeojson', () => {
  it('accepts a geometry, a Feature and a FeatureCollection', () => {
    expect(polygonFromGeojson(JSON.stringify(polygon))).toEqual(polygon);
    expect(polygonFromGeojson(JSON.stringify({ type: 'Feature', properties: {}, geometry: polygon }))).toEqual(polygon);
    expect(polygonFromGeojson(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: polygon }] }))).toEqual(polygon);
  });
  it('refuses points, broken JSON and empty collections', () => {
    expect(polygonFromGeojson('{"type":"Point","coordinates":[118,36]}')).toBeNull();
    expect(polygonFromGeojson('{oops')).toBeNull();
    expect(polygonFromGeojson('{"type":"FeatureCollection","features":[]}')).toBeNull();
  });
});
