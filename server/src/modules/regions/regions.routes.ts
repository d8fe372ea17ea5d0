import { arealGeometry, divisionCode, regionDetail, replaceCommunityGridsRequest, replaceCommunityGridsResponse } from '@gongzhi/contracts';
import { z } from 'zod';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { replaceRegionBoundary } from './boundaries.service.js';
import { replaceCommunityGrids } from './grids-upload.service.js';
import { regionBoundary, regionChildren, regionDetail as getRegionDetail, regionTree } from './regions.service.js';

const params = z.object({ code: divisionCode });
const tags = ['regions 区划'];

export function regionRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.get('/regions/tree', { schema: { tags, summary: '区划树 Region tree within my jurisdiction' } }, async (req) => ({
    root: await regionTree(db, req.principal!),
  }));
  r.get('/regions/:code', { schema: { tags, summary: '区划详情 Region detail', params, response: { 200: regionDetail } } }, (req) =>
    getRegionDetail(db, req.principal!, req.params.code),
  );
  r.get('/regions/:code/boundary.geojson', { schema: { tags, summary: '区划边界 Region boundary (GeoJSON, WGS84)', params } }, (req) =>
    regionBoundary(db, req.principal!, req.params.code),
  );
  r.get('/regions/:code/children.geojson', { schema: { tags, summary: '下级区划边界 Child regions (GeoJSON, WGS84)', params } }, (req) =>
    regionChildren(db, req.principal!, req.params.code),
  );
  r.put(
    '/regions/:code/boundary',
    { schema: { tags, summary: '上传真实边界 Replace a generated boundary with a real one', params, body: z.object({ geometry: arealGeometry }), response: { 200: regionDetail } } },
    async (req) => {
      await replaceRegionBoundary(db, req.principal!, req.params.code, req.body.geometry, clientIp(req));
      return getRegionDetail(db, req.principal!, req.params.code);
    },
  );
  r.put(
    '/regions/:code/grids',
    { schema: { tags, summary: '上传社区真实网格 Replace a community\'s grids with uploaded polygons (GeoJSON FeatureCollection)', params, body: replaceCommunityGridsRequest, response: { 200: replaceCommunityGridsResponse } } },
    (req) =>
      replaceCommunityGrids(db, req.principal!, req.params.code, req.body.features.map((f) => ({ ...f.properties, geometry: f.geometry })), clientIp(req)),
  );
}
