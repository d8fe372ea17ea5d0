import type { FeatureCollection, GridDetail, RegionDetail, RegionTreeNode } from '@gongzhi/contracts';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Selection } from './selection';

type FC = FeatureCollection<{ code: string; name: string }>;

/** Loads what the grid map shows for a selection: the tree, the boundaries, the grids and the details. */
export function useRegionData(selection: Selection, onError: (e: unknown) => void) {
  const [tree, setTree] = useState<RegionTreeNode | null>(null);
  const [county, setCounty] = useState<FC | null>(null);
  const [streets, setStreets] = useState<FC | null>(null);
  const [communities, setCommunities] = useState<FC | null>(null);
  const [grids, setGrids] = useState<FC | null>(null);
  const [regionDetail, setRegionDetail] = useState<RegionDetail | null>(null);
  const [gridDetail, setGridDetail] = useState<GridDetail | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    api<{ root: RegionTreeNode }>('/regions/tree')
      .then(async ({ root }) => {
        setTree(root);
        const [b, c] = await Promise.all([api<FC>(`/regions/${root.code}/boundary.geojson`), api<FC>(`/regions/${root.code}/children.geojson`)]);
        setCounty(b);
        setStreets(c);
      })
      .catch(onError);
  }, [version]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setCommunities(null);
    if (selection.street) api<FC>(`/regions/${selection.street}/children.geojson`).then(setCommunities).catch(onError);
  }, [selection.street, version]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setGrids(null);
    if (selection.community) api<FC>(`/grids/geojson?region=${selection.community}`).then(setGrids).catch(onError);
  }, [selection.community, version]); // eslint-disable-line react-hooks/exhaustive-deps

  const region = selection.community ?? selection.street ?? tree?.code ?? null;
  useEffect(() => {
    setRegionDetail(null);
    if (region) api<RegionDetail>(`/regions/${region}`).then(setRegionDetail).catch(onError);
  }, [region, version]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setGridDetail(null);
    if (selection.grid) api<GridDetail>(`/grids/${selection.grid}`).then(setGridDetail).catch(onError);
  }, [selection.grid, version]); // eslint-disable-line react-hooks/exhaustive-deps

  return { tree, county, streets, communities, grids, regionDetail, gridDetail, reload };
}
