import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84Geometry } from './gcj02.js';

describe('GCJ-02 → WGS84', () => {
  it('moves a 张店 point by the few hundred metres the GCJ-02 offset has there', () => {
    const [[[[lng, lat]]]] = gcj02ToWgs84Geometry([[[[118.053521, 36.807049]]]]) as [[[[number, number]]]];
    const dx = (118.053521 - lng) * 111_320 * Math.cos((36.8 * Math.PI) / 180);
    const dy = (36.807049 - lat) * 110_574;
    // GCJ-02 shifts points east and north of their WGS84 position by 100–700 m in eastern China
    expect(dx).toBeGreaterThan(100);
    expect(dy).toBeGreaterThan(0);
    expect(Math.hypot(dx, dy)).toBeLessThan(700);
  });
  it('keeps the shape of a MultiPolygon', () => {
    const out = gcj02ToWgs84Geometry([[[[118, 36.8], [118.1, 36.8], [118.1, 36.9], [118, 36.8]]], [[[118.2, 36.8], [118.3, 36.8], [118.3, 36.9], [118.2, 36.8]]]]);
    expect(out.map((p) => p.map((r) => r.length))).toEqual([[4], [4]]);
  });
});
