import {
  assignStaffRequest, createGridRequest, divisionCode, gridCode, gridDetail, gridListQuery, gridListResponse,
  locateQuery, locateResponse, retireGridRequest, updateGridRequest,
} from '@gongzhi/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { assignGridStaff } from './grid-staff.service.js';
import { createGrid, gridDetail as getGridDetail, gridFeatures, listGrids, retireGrid, updateGrid } from './grids.service.js';
import { locatePoint } from './locate.js';

const params = z.object({ code: gridCode });
const tags = ['grids 网格'];

export function gridRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.get(
    '/grids/locate',
    { config: { public: true }, schema: { tags, summary: '点位落格 Which grid, community, street and district a WGS84 point is in', querystring: locateQuery, response: { 200: locateResponse } } },
    async (req) => {
      const found = await locatePoint(db, req.query.lng, req.query.lat);
      if (!found) throw new AppError('locate.outside', 404, req.query);
      return found;
    },
  );
  r.get('/grids', { schema: { tags, summary: '网格列表 Search grids', querystring: gridListQuery, response: { 200: gridListResponse } } }, (req) =>
    listGrids(db, req.principal!, req.query),
  );
  r.get('/grids/geojson', { schema: { tags, summary: '网格图层 Active grids under a region (GeoJSON)', querystring: z.object({ region: divisionCode }) } }, (req) =>
    gridFeatures(db, req.principal!, req.query.region),
  );
  r.get('/grids/:code', { schema: { tags, summary: '网格详情 Grid detail', params, response: { 200: gridDetail } } }, (req) =>
    getGridDetail(db, req.principal!, req.params.code),
  );
  r.post('/grids', { schema: { tags, summary: '新建网格 Create a grid', body: createGridRequest, response: { 201: gridDetail } } }, async (req, reply) =>
    reply.status(201).send(await createGrid(db, req.principal!, req.body, clientIp(req))),
  );
  r.patch('/grids/:code', { schema: { tags, summary: '修改网格 Edit a grid', params, body: updateGridRequest, response: { 200: gridDetail } } }, (req) =>
    updateGrid(db, req.principal!, req.params.code, req.body, clientIp(req)),
  );
  r.post('/grids/:code/retire', { schema: { tags, summary: '撤销网格 Retire a grid', params, body: retireGridRequest, response: { 200: gridDetail } } }, (req) =>
    retireGrid(db, req.principal!, req.params.code, req.body.reason, clientIp(req)),
  );
  r.put('/grids/:code/staff', { schema: { tags, summary: '分配网格长和网格员 Assign grid head and workers', params, body: assignStaffRequest, response: { 200: gridDetail } } }, (req) =>
    assignGridStaff(db, req.principal!, req.params.code, req.body, clientIp(req)),
  );
}
