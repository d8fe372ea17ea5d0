import { indicatorDefinition, statsFiguresQuery, statsLiveQuery, statsLiveResponse, statsFiguresResponse, updateIndicatorRequest } from '@gongzhi/contracts';
import { z } from 'zod';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { liveFigures, statsFigures } from './figures.service.js';
import { listIndicators, updateIndicator } from './indicators.service.js';

const tags = ['stats 驾驶舱与综合评价'];

export function statsRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.get('/stats/figures', { schema: { tags, summary: '统计与评价 Figures and indicators of a region over a period, with a breakdown', querystring: statsFiguresQuery, response: { 200: statsFiguresResponse } } }, (req) =>
    statsFigures(db, req.principal, req.query),
  );
  r.get('/stats/live', { schema: { tags, summary: '实时指标 Reported today, open and overdue now, closed and escalated today', querystring: statsLiveQuery, response: { 200: statsLiveResponse } } }, (req) =>
    liveFigures(db, req.principal, req.query.region),
  );
  r.get('/stats/indicators', { schema: { tags, summary: '评价指标 The indicators and their formulas', response: { 200: z.object({ items: z.array(indicatorDefinition) }) } } }, (req) =>
    listIndicators(db, req.principal),
  );
  r.put('/stats/indicators/:code', { schema: { tags, summary: '修改指标 Rename an indicator or change its formula', params: z.object({ code: z.string().max(40) }), body: updateIndicatorRequest, response: { 200: indicatorDefinition } } }, (req) =>
    updateIndicator(db, req.principal, req.params.code, req.body, clientIp(req)),
  );
}
