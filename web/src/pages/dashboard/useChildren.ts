import type { FeatureCollection } from '@gongzhi/contracts';
import { significant, useFetched } from './data';

export type Areas = FeatureCollection<{ code: string; name: string }>;

/** The outlines of a region's children: a county's streets, a street's communities, a community's grids; none for a grid. */
export function useChildren(region: string): Areas | null {
  const n = significant(region).length;
  const path = n === 15 ? null : n === 12 ? `/grids/geojson?region=${region}` : `/regions/${region}/children.geojson`;
  return useFetched<Areas>(path, 0);
}

/** Whether a region's children have children of their own (a click on one drills down). */
export const canDrill = (region: string) => significant(region).length < 12;
