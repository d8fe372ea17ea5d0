import { z } from 'zod';
import { regionLevels } from './codes.js';

export const regionSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  parentCode: z.string().nullable(),
});
export type RegionSummary = z.infer<typeof regionSummary>;

/** The region tree a principal may see: the scope's ancestors and everything under the scope, down to communities. */
export interface RegionTreeNode extends RegionSummary {
  gridCount: number;
  children: RegionTreeNode[];
}

export const regionDetail = regionSummary.extend({
  areaKm2: z.number(),
  gridCount: z.number().int(),
  childCount: z.number().int(),
  boundarySource: z.enum(['imported', 'generated', 'uploaded']),
  ancestors: z.array(regionSummary),
});
export type RegionDetail = z.infer<typeof regionDetail>;

/** Properties of each feature of GET /regions/{code}/children.geojson and /regions/{code}/boundary.geojson. */
export interface RegionFeatureProps {
  code: string;
  name: string;
  level: string;
}
