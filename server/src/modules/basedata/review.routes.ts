import { buildingPointsQuery, discrepancyListQuery, discrepancyListResponse, gridStatsQuery, gridStatsResponse, idParams, resolveDiscrepancyRequest } from '@gongzhi/contracts';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { listDiscrepancies, resolveDiscrepancy } from './discrepancies.service.js';
import { buildingPoints, gridStats } from './map.service.js';

const tags = ['basedata 人房企'];

/** Discrepancies between sources, and the map layers of the base data. */
export function reviewRoutes(app: App, { db, pii }: RouteDeps) {
  const r = typed(app);
  r.get('/basedata/discrepancies', { schema: { tags, summary: '比对 Discrepancies between sources', querystring: discrepancyListQuery, response: { 200: discrepancyListResponse } } }, (req) =>
    listDiscrepancies(db, pii, req.principal, req.query),
  );
  r.post('/basedata/discrepancies/:id/resolve', { schema: { tags, summary: '处理比对 Keep the current value or accept the proposed one', params: idParams, body: resolveDiscrepancyRequest } }, (req) =>
    resolveDiscrepancy(db, pii, req.principal, req.params.id, req.body.decision, clientIp(req)),
  );
  r.get('/basedata/map/grid-stats', { schema: { tags, summary: '网格人口统计 Per grid: residents, floating population, focus groups, rented dwellings', querystring: gridStatsQuery, response: { 200: gridStatsResponse } } }, (req) =>
    gridStats(db, req.principal, req.query.region),
  );
  r.get('/basedata/map/buildings', { schema: { tags, summary: '楼栋点位 Buildings as GeoJSON points', querystring: buildingPointsQuery } }, (req) =>
    buildingPoints(db, req.principal, req.query.region, req.query.limit),
  );
}
