import { z } from 'zod';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z
  .array(position)
  .min(4)
  .max(20_000)
  .refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], { message: 'geometry.ring_not_closed' });
export const polygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
export const multiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});
/** Areal geometry in WGS84 (EPSG:4326), lon/lat order. */
export const arealGeometry = z.union([polygonGeometry, multiPolygonGeometry]);
export type ArealGeometry = z.infer<typeof arealGeometry>;

export interface Feature<P> {
  type: 'Feature';
  geometry: ArealGeometry;
  properties: P;
}
export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}
